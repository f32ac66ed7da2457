package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes the stream, then splits lines (on {@code \n}, {@code \r\n} and {@code \r}): for encodings
 * where {@code \n} is not a byte of its own (UTF-16). Decoding is strict: the lines before the
 * first byte sequence the encoding cannot read are returned, then reading ends with an {@link
 * UndecodableTextException} naming the line that holds it.
 */
final class StreamLineReader implements TextLineSource {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final TextEncoding encoding;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
  private boolean endOfBytes;
  private boolean flushed;
  private boolean skipLineFeed;
  private long lines;

  StreamLineReader(InputStream in, TextEncoding encoding) {
    this.in = in;
    this.encoding = encoding;
    this.decoder = encoding.strictDecoder();
  }

  @Override
  public TextLine readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean started = false;
    while (true) {
      if (!chars.hasRemaining() && !fillChars()) {
        if (!started) {
          return null;
        }
        lines++;
        return TextLine.decoded(line.toString());
      }
      char c = chars.get();
      if (skipLineFeed) {
        skipLineFeed = false;
        if (c == '\n') {
          continue;
        }
      }
      started = true;
      if (c == '\n' || c == '\r') {
        skipLineFeed = c == '\r';
        lines++;
        return TextLine.decoded(line.toString());
      }
      line.append(c);
    }
  }

  /** Decodes more characters; false at the end of the input. */
  private boolean fillChars() throws IOException {
    if (flushed) {
      return false;
    }
    chars.clear();
    while (true) {
      CoderResult result = decoder.decode(bytes, chars, endOfBytes);
      if (result.isError()) {
        if (chars.position() > 0) {
          break; // hand out the characters before the error first, so the line number is exact
        }
        throw new UndecodableTextException(lines + 1, encoding);
      }
      if (result.isOverflow() || chars.position() > 0) {
        break;
      }
      if (endOfBytes) {
        if (!flushed) {
          flushed = true;
          decoder.flush(chars);
        }
        break;
      }
      bytes.compact();
      int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (read < 0) {
        endOfBytes = true;
      } else {
        bytes.position(bytes.position() + read);
      }
      bytes.flip();
    }
    chars.flip();
    return chars.hasRemaining();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

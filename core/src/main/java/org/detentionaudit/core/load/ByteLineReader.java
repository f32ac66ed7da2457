package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a byte stream into lines on {@code \n}, {@code \r\n} and {@code \r}, then decodes each line
 * on its own, strictly: a line holding a byte sequence the encoding cannot read comes back with a
 * {@link TextLine#problem() problem} (and the bytes as {@code \xHH}), and the lines after it are
 * read normally. Only for encodings that write {@code \n} and {@code \r} as those single bytes
 * ({@link TextEncoding#asciiCompatible()}).
 *
 * <p>A reader may be limited to a byte range of the file ({@link #range}): it then returns the lines
 * that begin inside the range (the last one read to its end, past the range), so the ranges of a
 * file, read one after another, give each of its lines exactly once.
 */
final class ByteLineReader implements TextLineSource {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final TextEncoding encoding;
  private final CharsetDecoder decoder;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] pending = new byte[256];
  private int pendingLength;
  private boolean skipLineFeed;
  private CharBuffer chars = CharBuffer.allocate(1024);
  /** The byte offset in the file of {@code buffer[0]}. */
  private long bufferOffset;
  /** Lines beginning at or after this byte offset are not read (another range holds them). */
  private long end = Long.MAX_VALUE;

  ByteLineReader(InputStream in, TextEncoding encoding) {
    this(in, encoding, 0);
  }

  private ByteLineReader(InputStream in, TextEncoding encoding, long firstByteOffset) {
    this.in = in;
    this.encoding = encoding;
    this.decoder = encoding.strictDecoder();
    this.bufferOffset = firstByteOffset;
  }

  /**
   * A reader of the lines that begin at a byte offset in {@code [start, end)}: the first is the
   * first line beginning at or after {@code start}, found by reading from the byte before it to the
   * end of its line (a line begins after {@code \n}, after {@code \r\n}, and after a {@code \r}
   * that no {@code \n} follows).
   *
   * @param in the file's bytes from offset {@code start - 1}
   * @param start at least 1
   * @param end the offset where the next range starts, or {@link Long#MAX_VALUE} to read to the end
   */
  static ByteLineReader range(InputStream in, TextEncoding encoding, long start, long end)
      throws IOException {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("Cannot read the byte range [" + start + ", " + end + ")");
    }
    ByteLineReader reader = new ByteLineReader(in, encoding, start - 1);
    reader.skipLine(); // the end of the line holding byte start - 1: the previous range's
    reader.end = end;
    return reader;
  }

  /** Moves past the next line end without keeping or decoding the bytes before it. */
  private void skipLine() throws IOException {
    while (position < limit || fill()) {
      while (position < limit) {
        byte b = buffer[position++];
        if (b == '\n' || b == '\r') {
          skipLineFeed = b == '\r';
          return;
        }
      }
    }
  }

  /**
   * The byte offset at which the next line begins (the number of bytes of the lines read so far,
   * with their line ends); at the end of the input, its length.
   */
  long nextLineStart() throws IOException {
    if (skipLineFeed) {
      if (position == limit && !fill()) {
        return bufferOffset + position;
      }
      skipLineFeed = false;
      if (buffer[position] == '\n') {
        position++;
      }
    }
    return bufferOffset + position;
  }

  @Override
  public TextLine readLine() throws IOException {
    if (end != Long.MAX_VALUE && nextLineStart() >= end) {
      return null;
    }
    pendingLength = 0;
    boolean started = false;
    while (true) {
      if (position == limit && !fill()) {
        return started ? decode(pending, 0, pendingLength) : null;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      started = true;
      int start = position;
      while (position < limit) {
        byte b = buffer[position];
        if (b == '\n' || b == '\r') {
          int end = position;
          position++;
          skipLineFeed = b == '\r';
          if (pendingLength == 0) {
            return decode(buffer, start, end - start);
          }
          append(start, end);
          return decode(pending, 0, pendingLength);
        }
        position++;
      }
      append(start, position);
    }
  }

  private boolean fill() throws IOException {
    bufferOffset += limit;
    int read;
    do {
      read = in.read(buffer, 0, buffer.length);
    } while (read == 0);
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  private void append(int start, int end) {
    int length = end - start;
    if (pendingLength + length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
    }
    System.arraycopy(buffer, start, pending, pendingLength, length);
    pendingLength += length;
  }

  private TextLine decode(byte[] bytes, int offset, int length) {
    if (isAscii(bytes, offset, length)) {
      // Every encoding this reader serves writes ASCII as itself: the fast, common case.
      return TextLine.decoded(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
    }
    ByteBuffer input = ByteBuffer.wrap(bytes, offset, length);
    long needed = (long) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 16;
    if (chars.capacity() < needed) {
      chars = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, needed));
    }
    chars.clear();
    decoder.reset();
    CoderResult result = decoder.decode(input, chars, true);
    if (result.isUnderflow()) {
      result = decoder.flush(chars);
    }
    if (result.isOverflow()) {
      throw new IllegalStateException(
          "Cannot decode a line of " + length + " bytes: more characters than the charset declares");
    }
    if (result.isError()) {
      int at = input.position() - offset;
      String bytesText = hex(bytes, input.position(), result.length());
      String problem =
          "cannot read the line as "
              + encoding.charsetName()
              + ": byte "
              + bytesText
              + " at byte "
              + (at + 1)
              + " of the line is not valid "
              + encoding.charsetName()
              + " (encoding "
              + encoding.origin()
              + "); "
              + encoding.suggestion();
      return new TextLine(escaped(bytes, offset, length), problem);
    }
    chars.flip();
    return TextLine.decoded(chars.toString());
  }

  private static boolean isAscii(byte[] bytes, int offset, int length) {
    for (int i = offset, end = offset + length; i < end; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The line with every byte the encoding cannot read written as {@code \xHH}. */
  private String escaped(byte[] bytes, int offset, int length) {
    StringBuilder text = new StringBuilder(length + 16);
    ByteBuffer input = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(Math.max(16, length * 2));
    decoder.reset();
    while (true) {
      CoderResult result = decoder.decode(input, out, true);
      out.flip();
      text.append(out);
      out.clear();
      if (result.isError()) {
        text.append(hex(bytes, input.position(), result.length()).replace("0x", "\\x").replace(" ", ""));
        input.position(input.position() + result.length());
      } else if (result.isUnderflow()) {
        decoder.flush(out);
        out.flip();
        text.append(out);
        return text.toString();
      }
    }
  }

  private static String hex(byte[] bytes, int at, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(String.format(Locale.ROOT, "0x%02X", bytes[at + i] & 0xFF));
    }
    return text.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

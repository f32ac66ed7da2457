package org.detentionaudit.core.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a whole stream, then splits lines: for encodings where {@code \n} is not a byte of its
 * own (UTF-16). Decoding is strict: the first byte sequence the encoding cannot read ends the
 * reading with an {@link UndecodableTextException} naming the line.
 */
final class StreamLineReader implements TextLineSource {
  private static final int BUFFER_CHARS = 1 << 16;

  private final BufferedReader reader;
  private final TextEncoding encoding;
  private long lines;

  StreamLineReader(InputStream in, TextEncoding encoding) {
    this.encoding = encoding;
    this.reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                encoding
                    .charset()
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            BUFFER_CHARS);
  }

  @Override
  public TextLine readLine() throws IOException {
    String line;
    try {
      line = reader.readLine();
    } catch (CharacterCodingException e) {
      throw new UndecodableTextException(lines + 1, encoding);
    }
    if (line == null) {
      return null;
    }
    lines++;
    return TextLine.decoded(line);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}

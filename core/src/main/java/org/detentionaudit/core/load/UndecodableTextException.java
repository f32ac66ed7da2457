package org.detentionaudit.core.load;

import java.io.IOException;

/**
 * A line that cannot be decoded in an encoding whose lines cannot be split before decoding
 * (UTF-16): the file cannot be read line by line past it, so it is refused as a whole.
 */
final class UndecodableTextException extends IOException {
  private static final long serialVersionUID = 1L;

  UndecodableTextException(long line, TextEncoding encoding) {
    super(
        "line "
            + line
            + " (counting from the first line of the file) is not valid "
            + encoding.charsetName()
            + " (encoding "
            + encoding.origin()
            + "); "
            + encoding.suggestion());
  }
}

package org.detentionaudit.core.load;

import java.io.Closeable;
import java.io.IOException;

/**
 * The physical lines of a text input, decoded in one encoding. Lines end at {@code \n}, {@code
 * \r\n} or {@code \r}, as {@link java.io.BufferedReader#readLine()} splits them.
 */
interface TextLineSource extends Closeable {
  /**
   * The next line, or null at the end of the input.
   *
   * @throws IOException when the input cannot be read (a truncated gzip), or, for an encoding whose
   *     lines cannot be split before decoding (UTF-16), an {@link UndecodableTextException}
   */
  TextLine readLine() throws IOException;
}

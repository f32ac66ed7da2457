package org.detentionaudit.core.load;

/**
 * One physical line of a text input, without its line terminator.
 *
 * @param text the decoded line; when {@code problem} is set, the line with each byte the encoding
 *     cannot read written as {@code \xHH} (never a replacement character)
 * @param problem why the line cannot be decoded in the file's encoding (naming the byte, its
 *     position and {@code --encoding}), or null
 */
record TextLine(String text, String problem) {
  static TextLine decoded(String text) {
    return new TextLine(text, null);
  }
}

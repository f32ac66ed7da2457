package org.detentionaudit.core.load;

/** The field separators of delimited text, with the format name reported for each. */
enum Delimiter {
  COMMA(',', "csv"),
  PIPE('|', "pipe"),
  TAB('\t', "tsv");

  private final char character;
  private final String formatName;

  Delimiter(char character, String formatName) {
    this.character = character;
    this.formatName = formatName;
  }

  char character() {
    return character;
  }

  String formatName() {
    return formatName;
  }
}

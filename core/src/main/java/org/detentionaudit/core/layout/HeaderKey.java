package org.detentionaudit.core.layout;

import java.util.Locale;

/**
 * The comparison key of a column header: lower case with every character that is not a letter or
 * a digit removed, so {@code Stay Book In Date Time}, {@code stay_book_in_date_time} and
 * {@code STAY-BOOK-IN (DATE TIME)} are the same column.
 */
public final class HeaderKey {
  private HeaderKey() {}

  /**
   * The key of {@code header}; the empty string for {@code null}, blank, or punctuation-only
   * headers (which therefore match nothing, since layouts reject empty aliases).
   */
  public static String of(String header) {
    if (header == null) {
      return "";
    }
    StringBuilder key = new StringBuilder(header.length());
    header
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(key::appendCodePoint);
    return key.toString();
  }
}

package org.detentionaudit.core.normalize;

import java.util.regex.Pattern;

/**
 * Recognises a cell whose whole content is a FOIA redaction marker, in every spelling released
 * files use, so that a redacted value becomes null and is counted as redacted, not missing.
 *
 * <p>A marker is one or more FOIA exemption citations, optionally wrapped in square brackets,
 * separated by spaces, commas, semicolons, slashes, {@code &} or {@code and}. A citation is the
 * letter {@code b}, an exemption number 1-9 and an optional sub-paragraph letter a-f, each part
 * optionally in parentheses, with any parenthesis allowed to be missing or doubled on either side,
 * and spaces anywhere between parts; case is ignored. The value must contain at least one
 * parenthesis, so a bare code such as {@code B6} is never taken for a redaction. The words
 * {@code REDACTED} and {@code [REDACTED]} are markers too.
 *
 * <p>Examples that match: {@code (b)(6), (b)(7)c}, {@code (b)(6),(b)(7)c)}, {@code (b)(6),
 * (b)(7)(c) (b)(7)(e)}, {@code b(6), b(7)C}, {@code b)(4)}, {@code (B)(7)(C)}, {@code (b) (6)}.
 * Examples that do not: {@code B6}, {@code Removed}, {@code SMITH (b)(6)}.
 */
public final class RedactionMarker {
  private static final String CITATION =
      "\\(*+\\s*+b\\s*+\\)*+\\s*+\\(*+\\s*+[1-9]\\s*+\\)*+(?:\\s*+\\(*+\\s*+[a-f]\\s*+\\)*+)?";
  private static final String SEPARATOR = "(?:\\s*(?:[,;/&]|and)\\s*|\\s+|)";

  /** The pattern a whole (trimmed) cell must match, described in the class comment. */
  public static final Pattern PATTERN =
      Pattern.compile(
          "^\\[?\\s*(?:"
              + CITATION
              + "(?:"
              + SEPARATOR
              + CITATION
              + ")*"
              + "|redacted)\\s*\\]?$",
          Pattern.CASE_INSENSITIVE);

  private static final String WORD = "redacted";

  private RedactionMarker() {}

  /** True when {@code cell} (null allowed: false) is entirely a redaction marker. */
  public static boolean isRedaction(String cell) {
    if (cell == null) {
      return false;
    }
    String trimmed = cell.trim();
    if (trimmed.isEmpty() || trimmed.length() > 200) {
      return false;
    }
    boolean hasParenthesis = trimmed.indexOf('(') >= 0 || trimmed.indexOf(')') >= 0;
    boolean isWord =
        !hasParenthesis
            && mentionsRedacted(trimmed)
            && trimmed.replaceAll("[\\[\\]\\s]", "").equalsIgnoreCase("redacted");
    return (hasParenthesis || isWord) && PATTERN.matcher(trimmed).matches();
  }

  /** Whether {@code text} holds the word {@code redacted} in any case (no regex, no copy: every cell passes here). */
  private static boolean mentionsRedacted(String text) {
    for (int i = 0, last = text.length() - WORD.length(); i <= last; i++) {
      // Only 'r' and 'R' fold to the word's first letter: test the rest only there.
      char c = text.charAt(i);
      if ((c == 'r' || c == 'R') && text.regionMatches(true, i, WORD, 0, WORD.length())) {
        return true;
      }
    }
    return false;
  }
}

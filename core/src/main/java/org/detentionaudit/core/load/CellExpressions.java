package org.detentionaudit.core.load;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.detentionaudit.core.normalize.MissingValueMarker;
import org.detentionaudit.core.normalize.RedactionMarker;

/**
 * Spark SQL column expressions that judge one text cell exactly as {@link String#trim()}, {@link
 * MissingValueMarker#isMissing(String)} and {@link RedactionMarker#isRedaction(String)} do, so that
 * Parquet columns are normalized by Catalyst (whole-stage code generation) instead of a per-row
 * Java function.
 *
 * <p>Dialect: Spark's {@code rlike} compiles its pattern with {@link java.util.regex.Pattern} and
 * calls {@code find()}; the marker pattern is reused as written, with its case-insensitive flag
 * inlined as {@code (?i)} and a final {@code \z} so that {@code find()} accepts exactly what {@code
 * matches()} accepts ({@code $} alone would also match before a trailing line terminator such as
 * U+2028, which {@code trim()} keeps).
 */
public final class CellExpressions {
  /** {@link RedactionMarker#PATTERN} in the form {@code rlike} needs (see the class comment). */
  static final String REDACTION_REGEX = rlikeForm(RedactionMarker.PATTERN);

  /** The characters {@link String#trim()} removes: U+0000 to U+0020. */
  private static final String JAVA_WHITESPACE = javaWhitespace();

  private static final int MAX_MARKER_LENGTH = 200;

  private CellExpressions() {}

  /** {@code text} trimmed as {@link String#trim()} does (Spark's plain trim removes spaces only). */
  public static Column trimmed(Column text) {
    return functions.trim(text, JAVA_WHITESPACE);
  }

  /**
   * True when the trimmed cell means "no value": null, empty, {@code NA} or {@code N/A} in any
   * case. Never null.
   */
  public static Column isMissing(Column trimmed) {
    return trimmed
        .isNull()
        .or(functions.coalesce(trimmed.equalTo(lit("")), lit(false)))
        .or(functions.coalesce(lower(trimmed).isin("na", "n/a"), lit(false)));
  }

  /**
   * True when the trimmed, non-missing cell is a redaction marker; null when the cell is null.
   *
   * <p>{@link RedactionMarker#isRedaction(String)} also asks for a parenthesis or the bare word
   * {@code REDACTED} (brackets and spaces aside). Where the pattern matches, the value is ASCII and
   * a marker without parentheses can only be the {@code redacted} alternative, so "contains {@code
   * redacted}, ignoring case" is the same test, without rewriting every cell.
   */
  public static Column isRedaction(Column trimmed) {
    Column hasParenthesis = functions.instr(trimmed, "(").gt(0).or(functions.instr(trimmed, ")").gt(0));
    // Lower-casing is a necessary condition of the pattern's ASCII-only (?i) and far cheaper than
    // a regular expression on every cell; the pattern below decides.
    Column isWord = lower(trimmed).contains("redacted");
    return functions
        .length(trimmed)
        .leq(MAX_MARKER_LENGTH)
        .and(hasParenthesis.or(isWord))
        .and(trimmed.rlike(REDACTION_REGEX));
  }

  private static String rlikeForm(Pattern pattern) {
    if (pattern.flags() != Pattern.CASE_INSENSITIVE) {
      throw new IllegalStateException(
          "Cannot use the redaction pattern in Spark SQL: flags "
              + pattern.flags()
              + " are not CASE_INSENSITIVE alone. Inline the new flags in CellExpressions.");
    }
    return "(?i)(?:" + pattern.pattern() + ")\\z";
  }

  private static String javaWhitespace() {
    StringBuilder chars = new StringBuilder();
    for (char c = 0; c <= ' '; c++) {
      chars.append(c);
    }
    return chars.toString();
  }
}

package org.detentionaudit.jobs.browser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a traced number is written on the page ({@code data-format}), and whether a shown text
 * shows a source value.
 *
 * <p>Numbers use a comma every three digits and a point for decimals. Values with decimals are
 * compared at the precision shown: the text must be the source value rounded to the shown decimals
 * (either way on an exact tie, since Java and JavaScript round ties differently). A null source
 * value must be shown as {@code n/a}, the report's word for a count that could not be taken.
 */
enum ShownFormat {
  /** A whole number: {@code 12,345}. */
  INTEGER("-?\\d{1,3}(,\\d{3})*", "12,345"),
  /** A ratio 0..1 shown as a percentage with any decimals: {@code 12.3%}. */
  PERCENT("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?%", "12.3%"),
  /** A number with any decimals: {@code 1,234.5}. */
  DECIMAL("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?", "1,234.5"),
  /** An amount rounded to whole dollars: {@code $1,234,567}. */
  MONEY("-?\\$\\d{1,3}(,\\d{3})*", "$1,234,567"),
  /** The ISO date of a date or timestamp: {@code 2025-06-26}. */
  DATE("\\d{4}-\\d{2}-\\d{2}", "2025-06-26");

  /** How the page shows a null source value. */
  static final String NOT_AVAILABLE = "n/a";

  /** Slack for binary doubles such as 0.125 that sit exactly on a rounding tie. */
  private static final BigDecimal TIE_SLACK = new BigDecimal("1e-9");

  private final Pattern shape;
  private final String example;

  ShownFormat(String shape, String example) {
    this.shape = Pattern.compile(shape);
    this.example = example;
  }

  /** The format a {@code data-format} value names. */
  static ShownFormat named(String name) {
    return Arrays.stream(values())
        .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown data-format '" + name + "' (known: integer, percent, decimal, money, date)"));
  }

  /**
   * Why {@code shown} does not show {@code source}, or null when it does.
   *
   * @param source a number, a date or timestamp (or its ISO text), or null
   */
  String mismatch(String shown, Object source) {
    if (source == null) {
      return NOT_AVAILABLE.equals(shown) ? null : "the source value is null, which the page shows as " + NOT_AVAILABLE;
    }
    if (NOT_AVAILABLE.equals(shown)) {
      return "shows " + NOT_AVAILABLE + " but the source value is " + plain(source);
    }
    if (!shape.matcher(shown).matches()) {
      return "is not " + name().toLowerCase(Locale.ROOT) + " shown like " + example;
    }
    return this == DATE ? dateMismatch(shown, source) : numberMismatch(shown, source);
  }

  private String numberMismatch(String shown, Object source) {
    BigDecimal value = number(source);
    if (value == null) {
      return "the source value " + plain(source) + " is not a number";
    }
    BigDecimal shownValue = new BigDecimal(shown.replaceAll("[,$%]", ""));
    if (this == PERCENT) {
      value = value.movePointRight(2);
    }
    if (this == INTEGER) {
      if (value.stripTrailingZeros().scale() > 0) {
        return "the source value " + plain(source) + " is not a whole number (use data-format=decimal)";
      }
      return shownValue.compareTo(value) == 0 ? null : "does not show the source value " + plain(source);
    }
    int decimals = Math.max(0, shownValue.scale());
    BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(decimals).divide(BigDecimal.valueOf(2)).add(TIE_SLACK);
    if (shownValue.subtract(value).abs().compareTo(halfUnit) <= 0) {
      return null;
    }
    return "does not show the source value " + plain(source) + " (" + value.setScale(decimals, RoundingMode.HALF_UP).toPlainString()
        + (this == PERCENT ? "%" : "") + " at the " + decimals + " decimals shown)";
  }

  private static String dateMismatch(String shown, Object source) {
    String iso =
        source instanceof String || source instanceof LocalDate || source instanceof LocalDateTime
            ? source.toString()
            : null;
    if (iso == null || iso.length() < 10 || !DATE.shape.matcher(iso.substring(0, 10)).matches()) {
      return "the source value " + plain(source) + " is not a date";
    }
    return iso.substring(0, 10).equals(shown) ? null : "does not show the source value " + iso;
  }

  /** The exact value of a number; null for anything else (or a NaN or infinite double). */
  private static BigDecimal number(Object source) {
    if (source instanceof BigDecimal d) {
      return d;
    }
    if (source instanceof Double || source instanceof Float) {
      double d = ((Number) source).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
    if (source instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    return null;
  }

  private static String plain(Object source) {
    return source instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(source);
  }
}

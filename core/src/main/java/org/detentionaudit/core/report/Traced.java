package org.detentionaudit.core.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A number as the report shows it, with where it comes from: rendered as an element carrying
 * {@code data-table}, {@code data-column}, {@code data-where}, {@code data-agg} and {@code
 * data-format}, so a test can trace every number on the page to an output table (README, "Testing
 * the report in a browser").
 *
 * @param text the number as shown
 * @param table the output it comes from ({@code summary}, {@code facilities}, {@code breakdown},
 *     {@code findings}, {@code profile}, {@code quarantine}, or {@code summary.json})
 * @param column the column, or a dotted path into {@code summary.json}
 * @param where equality filters {@code col=value;col=value}, or empty
 * @param agg {@code value}, {@code sum} or {@code count}
 * @param format {@code integer}, {@code percent}, {@code decimal}, {@code money} or {@code date}
 */
public record Traced(
    String text, String table, String column, String where, String agg, String format) {
  private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

  /** A whole number from {@code table}'s {@code column}. */
  public static Traced integer(long value, String table, String column, String where, String agg) {
    return new Traced(new DecimalFormat("#,##0", US).format(value), table, column, where, agg, "integer");
  }

  /** A value from summary.json. */
  public static Traced json(long value, String path) {
    return integer(value, "summary.json", path, "", "value");
  }

  /** A ratio shown as a percentage with one decimal. */
  public static Traced percent(double ratio, String table, String column, String where, String agg) {
    return new Traced(new DecimalFormat("#,##0.0", US).format(ratio * 100) + "%", table, column, where, agg, "percent");
  }

  /** A decimal number shown with one decimal. */
  public static Traced decimal(double value, String table, String column, String where, String agg) {
    return new Traced(new DecimalFormat("#,##0.0", US).format(value), table, column, where, agg, "decimal");
  }

  /** Dollars, rounded to whole dollars. */
  public static Traced money(double value, String table, String column, String where, String agg) {
    return new Traced("$" + new DecimalFormat("#,##0", US).format(Math.round(value)), table, column, where, agg, "money");
  }

  /** The date part ({@code yyyy-MM-dd}) of an ISO date-time. */
  public static Traced date(String isoDateTime, String table, String column) {
    return new Traced(isoDateTime.substring(0, 10), table, column, "", "value", "date");
  }
}

package org.detentionaudit.core.check;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The one definition of a plausible detention timestamp: from {@link #EARLIEST} (1950-01-01T00:00,
 * included) to the end of the run's day (the run date's 23:59:59.999999, included). Every canonical
 * timestamp ({@code book_in, book_out, stay_book_in, stay_book_out}) is judged by it: {@code
 * placement.implausible_date} reports the others, and no extract date, length, stay, bed-day, cost,
 * first or last date nor fiscal year is derived from them.
 *
 * <p>A null is never implausible. A date later than the extract date but not after the run's day is
 * plausible here; it is {@code placement.after_extract}'s business. Wall-clock values, no time zone,
 * as the placements hold them.
 */
public final class PlausibleTimestamps implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The earliest plausible timestamp: no detention record of ICE's releases predates 1950. */
  public static final LocalDateTime EARLIEST = LocalDateTime.of(1950, 1, 1, 0, 0);

  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final LocalDate runDate;

  private PlausibleTimestamps(LocalDate runDate) {
    this.runDate = Objects.requireNonNull(runDate, "runDate");
  }

  /** Plausible up to the end of {@code runDate}, the day the audit runs. */
  public static PlausibleTimestamps until(LocalDate runDate) {
    return new PlausibleTimestamps(runDate);
  }

  /** The day the audit runs: timestamps after its end are implausible. */
  public LocalDate runDate() {
    return runDate;
  }

  /** The first implausible moment after {@link #EARLIEST}: midnight after the run date. */
  public LocalDateTime firstAfterRunDate() {
    return runDate.plusDays(1).atStartOfDay();
  }

  /** True for a non-null value outside the range; false for null. */
  public boolean isImplausible(LocalDateTime value) {
    return value != null && (value.isBefore(EARLIEST) || !value.isBefore(firstAfterRunDate()));
  }

  /** True for a non-null value outside the range, false otherwise (never null). */
  public Column implausible(Column timestamp) {
    return coalesce(
        timestamp.lt(lit(EARLIEST)).or(timestamp.geq(lit(firstAfterRunDate()))), lit(false));
  }

  /** True when any of {@code timestamps} is implausible (never null). */
  public Column anyImplausible(Column... timestamps) {
    Column any = lit(false);
    for (Column timestamp : timestamps) {
      any = any.or(implausible(timestamp));
    }
    return any;
  }

  /** The value when plausible, else null: what every measure reads. */
  public Column plausible(Column timestamp) {
    return when(functions.not(implausible(timestamp)), timestamp);
  }

  /** As {@link #implausible(Column)} in Spark SQL, for a column (or expression) {@code sql}. */
  public String implausibleSql(String sql) {
    return "coalesce(" + tooEarlySql(sql) + " OR " + tooLateSql(sql) + ", false)";
  }

  /** {@code sql} below the earliest plausible timestamp (null for null), in Spark SQL. */
  public String tooEarlySql(String sql) {
    return sql + " < " + literal(EARLIEST);
  }

  /** {@code sql} after the run date (null for null), in Spark SQL. */
  public String tooLateSql(String sql) {
    return sql + " >= " + literal(firstAfterRunDate());
  }

  private static String literal(LocalDateTime value) {
    return "TIMESTAMP_NTZ '" + SQL_TIMESTAMP.format(value) + "'";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlausibleTimestamps p && p.runDate.equals(runDate);
  }

  @Override
  public int hashCode() {
    return runDate.hashCode();
  }

  @Override
  public String toString() {
    return "plausible from " + EARLIEST + " to the end of " + runDate;
  }
}

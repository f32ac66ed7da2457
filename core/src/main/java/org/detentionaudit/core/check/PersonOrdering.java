package org.detentionaudit.core.check;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The one partitioning and sort of placements that every per-person and per-stay rule shares.
 *
 * <p>A person's placements are ordered by {@code book_in} (nulls last), then {@code book_out}
 * (nulls last), then input order (SPEC.md). Every derived column below uses that single window
 * specification, so Spark plans one shuffle and one sort for all of them. Person ids are compared
 * trimmed and ignoring case; records without a person id each form their own partition (they take
 * part in no per-person rule, and must not pile into one huge partition).
 */
public final class PersonOrdering {
  /** The partition key: the trimmed, upper-cased person id, or a unique key for rows without one. */
  public static final String PERSON_KEY = "_person_key";
  /** Latest end of the person's earlier placements; an open placement counts as never ending. */
  public static final String PREV_MAX_END = "_prev_max_end";
  /** True when an earlier record has the same (person, book_in, book_out, facility_code). */
  public static final String EARLIER_TWIN = "_earlier_twin";
  /** True when a later placement of the person belongs to the same stay. */
  public static final String LATER_IN_STAY = "_later_in_stay";
  /** True when any record of the same stay has a stay_book_out ("the stay has a stay_book_out"). */
  public static final String STAY_HAS_BOOK_OUT = "_stay_has_book_out";
  /** The person's latest book_in over all placements. */
  public static final String PERSON_MAX_BOOK_IN = "_person_max_book_in";

  /** The end given to open placements: later than any real timestamp. */
  static final String OPEN_END_SQL = "TIMESTAMP_NTZ '9999-12-31 23:59:59'";

  private static final String NULL_MARK = "\u2205";

  private PersonOrdering() {}

  /**
   * Adds the derived per-person columns to the placements (lazily: nothing runs yet). All of them
   * are computed in one projection over one window specification, so Spark plans a single
   * exchange, sort and window operator.
   */
  public static Dataset<Row> addPersonColumns(Dataset<Row> placements) {
    Dataset<Row> keyed =
        placements.withColumn(
            PERSON_KEY,
            coalesce(
                upper(expr("trim(person_id)")),
                concat(lit("\u0000no-person-"), col("input_order").cast("string"))));
    WindowSpec ordered =
        Window.partitionBy(col(PERSON_KEY))
            .orderBy(col("book_in").asc_nulls_last(), col("book_out").asc_nulls_last(), col("input_order").asc());
    WindowSpec earlier = ordered.rowsBetween(Window.unboundedPreceding(), -1);
    WindowSpec later = ordered.rowsBetween(1, Window.unboundedFollowing());
    // The whole partition: Spark computes such a frame once per person, not once per row.
    WindowSpec whole = ordered.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Column twinKey =
        concat_ws(
            "|",
            coalesce(col("book_in").cast("string"), lit(NULL_MARK)),
            coalesce(col("book_out").cast("string"), lit(NULL_MARK)),
            coalesce(upper(expr("trim(facility_code)")), lit(NULL_MARK)));
    Column stayKey = coalesce(col("stay_book_in").cast("string"), lit(NULL_MARK));

    return keyed.select(
        col("*"),
        max(coalesce(col("book_out"), expr(OPEN_END_SQL))).over(earlier).as(PREV_MAX_END),
        coalesce(array_contains(collect_list(twinKey).over(earlier), twinKey), lit(false))
            .as(EARLIER_TWIN),
        coalesce(array_contains(collect_list(stayKey).over(later), stayKey), lit(false))
            .as(LATER_IN_STAY),
        coalesce(
                array_contains(
                    collect_set(when(col("stay_book_out").isNotNull(), stayKey)).over(whole), stayKey),
                lit(false))
            .as(STAY_HAS_BOOK_OUT),
        max(col("book_in")).over(whole).as(PERSON_MAX_BOOK_IN));
  }
}

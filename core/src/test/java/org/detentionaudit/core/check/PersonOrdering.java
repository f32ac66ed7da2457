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
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.detentionaudit.core.sort.PersonColumns;
import org.detentionaudit.core.sort.PersonPass;

/**
 * The per-person columns in Spark window functions: the form the sort pass replaced with its
 * plain-Java state machine (measured slower, 37 s against 23 s at a million placements), kept here
 * as the reference the state machine is tested against ({@code PersonPassEquivalenceTest}).
 *
 * <p>The one partitioning and sort of placements that every per-person and per-stay rule shares.
 *
 * <p>A person's placements are ordered by {@code book_in} (nulls last), then {@code book_out}
 * (nulls last), then input order (docs/rules.md). Every derived column below uses that single window
 * specification, so Spark plans one shuffle and one sort for all of them. Person ids are compared
 * trimmed and ignoring case; records without a person id each form their own partition (they take
 * part in no per-person rule, and must not pile into one huge partition).
 */
final class PersonOrdering {
  /** The partition key: the trimmed, upper-cased person id, or a unique key for rows without one. */
  public static final String PERSON_KEY = PersonColumns.PERSON_KEY;
  /** Latest end of the person's earlier placements; an open placement counts as never ending. */
  public static final String PREV_MAX_END = PersonColumns.PREV_MAX_END;
  /** True when an earlier record has the same (person, book_in, book_out, facility_code). */
  public static final String EARLIER_TWIN = PersonColumns.EARLIER_TWIN;
  /** True when a later placement of the person belongs to the same stay. */
  public static final String LATER_IN_STAY = PersonColumns.LATER_IN_STAY;
  /**
   * The folded (trimmed, upper-cased) facility code of the next placement of the same stay in the
   * ordering; null when there is none or its code is null.
   */
  public static final String NEXT_IN_STAY_CODE = PersonColumns.NEXT_IN_STAY_CODE;
  /** The book_in of the next placement of the same stay in the ordering; null when there is none. */
  public static final String NEXT_IN_STAY_BOOK_IN = PersonColumns.NEXT_IN_STAY_BOOK_IN;
  /** True when any record of the same stay has a stay_book_out ("the stay has a stay_book_out"). */
  public static final String STAY_HAS_BOOK_OUT = PersonColumns.STAY_HAS_BOOK_OUT;
  /** The person's latest book_in over all placements. */
  public static final String PERSON_MAX_BOOK_IN = PersonColumns.PERSON_MAX_BOOK_IN;

  /** The end given to open placements: later than any real timestamp. */
  static final String OPEN_END_SQL = "TIMESTAMP_NTZ '9999-12-31 23:59:59'";

  private static final String NULL_MARK = "\u2205";
  private static final String STAY_KEY = "_stay_key";
  private static final String PERSON_ROWS = "_person_rows";
  private static final String TWIN_KEYS = "_twin_keys";
  private static final String TWIN_KEY = "_twin_key";
  private static final String ROW_POSITION = "_row_position";

  private PersonOrdering() {}

  /**
   * Adds the derived per-person columns to the placements (lazily: nothing runs yet), partitioned
   * by the {@code spark.sql.shuffle.partitions} setting. See {@link #addPersonColumns(Dataset,
   * long)}.
   */
  public static Dataset<Row> addPersonColumns(Dataset<Row> placements) {
    return addPersonColumns(placements, 0);
  }

  /**
   * Adds the derived per-person columns to the placements (lazily: nothing runs yet). All of them
   * are computed in one projection over one window specification, so Spark plans a single
   * exchange, sort and window operator; the earlier twin and the next-in-stay columns are read from
   * lists of the person's rows that the same window collects once per person. The exchange makes
   * {@link #partitionsFor partitionsFor(rows, spark.sql.shuffle.partitions)} partitions.
   *
   * @param rows the number of placements (0 when unknown)
   */
  public static Dataset<Row> addPersonColumns(Dataset<Row> placements, long rows) {
    int configured = Integer.parseInt(placements.sparkSession().conf().get("spark.sql.shuffle.partitions"));
    Dataset<Row> keyed =
        placements
            .withColumn(
                PERSON_KEY,
                coalesce(
                    upper(expr("trim(person_id)")),
                    concat(lit("\u0000no-person-"), col("input_order").cast("string"))))
            .withColumn(STAY_KEY, coalesce(col("stay_book_in").cast("string"), lit(NULL_MARK)));
    int partitions = PersonPass.partitionsFor(rows, configured);
    if (partitions > configured) {
      // The window's partitioning by person is satisfied by this one: still a single exchange.
      keyed = keyed.repartition(partitions, col(PERSON_KEY));
    }
    WindowSpec ordered =
        Window.partitionBy(col(PERSON_KEY))
            .orderBy(col("book_in").asc_nulls_last(), col("book_out").asc_nulls_last(), col("input_order").asc());
    WindowSpec earlier = ordered.rowsBetween(Window.unboundedPreceding(), -1);
    // The whole partition: Spark computes such a frame once per person, not once per row. The
    // lists over it replace frames of the earlier or later rows, which Spark would rebuild for
    // every row (a frame of the later rows is recomputed from scratch at each row); each row finds
    // its own place in them by its position (ROW_POSITION, 1-based).
    WindowSpec whole = ordered.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Column twinKey =
        concat_ws(
            "|",
            coalesce(col("book_in").cast("string"), lit(NULL_MARK)),
            coalesce(col("book_out").cast("string"), lit(NULL_MARK)),
            coalesce(upper(expr("trim(facility_code)")), lit(NULL_MARK)));
    Column personRow =
        struct(
            col(STAY_KEY).as("s"),
            expr(FacilityNameConflicts.CODE_KEY_SQL).as("c"),
            col("book_in").as("b"));
    String nextOfStay =
        "get(filter("
            + PERSON_ROWS
            + ", (x, i) -> i >= "
            + ROW_POSITION
            + " AND x.s = "
            + STAY_KEY
            + "), 0)";

    return keyed
        .select(
            col("*"),
            row_number().over(ordered).as(ROW_POSITION),
            max(coalesce(col("book_out"), expr(OPEN_END_SQL))).over(earlier).as(PREV_MAX_END),
            collect_list(twinKey).over(whole).as(TWIN_KEYS),
            twinKey.as(TWIN_KEY),
            collect_list(personRow).over(whole).as(PERSON_ROWS),
            coalesce(
                    array_contains(
                        collect_set(when(col("stay_book_out").isNotNull(), col(STAY_KEY))).over(whole),
                        col(STAY_KEY)),
                    lit(false))
                .as(STAY_HAS_BOOK_OUT),
            max(col("book_in")).over(whole).as(PERSON_MAX_BOOK_IN))
        .withColumn(
            EARLIER_TWIN,
            expr(
                "exists(slice("
                    + TWIN_KEYS
                    + ", 1, "
                    + ROW_POSITION
                    + " - 1), k -> k = "
                    + TWIN_KEY
                    + ")"))
        .withColumn(LATER_IN_STAY, expr(nextOfStay + " IS NOT NULL"))
        .withColumn(NEXT_IN_STAY_CODE, expr(nextOfStay + ".c"))
        .withColumn(NEXT_IN_STAY_BOOK_IN, expr(nextOfStay + ".b"))
        .drop(PERSON_ROWS, TWIN_KEYS, TWIN_KEY, ROW_POSITION, STAY_KEY);
  }
}

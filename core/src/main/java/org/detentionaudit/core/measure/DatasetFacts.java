package org.detentionaudit.core.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Measure;

/**
 * The dataset at a glance ({@code summary.json} {@code dataset}): records, people, stays, the
 * book-in date range, open placements, placements that ended in death or escape, and how long
 * placements and stays last.
 *
 * <p>A stay is the group (person_id, stay_book_in) of records with a person id (docs/rules.md); its
 * length runs from {@code stay_book_in} to the latest {@code stay_book_out} of its records. A
 * placement's length runs from {@code book_in} to {@code book_out}. Lengths are in days
 * (fractional).
 *
 * <p>Only plausible timestamps ({@link PlausibleTimestamps}) are measured: an implausible one stays
 * in the record but is no first, last or latest date, and the length of its placement (book_in or
 * book_out implausible) or stay (stay_book_in or a stay_book_out implausible) is unknown, neither
 * open nor zero.
 *
 * <p>A measure whose fields the layout lacks ({@link Measure#requiredFields()}) is null, never a
 * zero: a file without book-outs says nothing about open placements or lengths, one without person
 * ids nothing about people or stays. {@link MeasureStatus} says why.
 *
 * @param records records loaded
 * @param people distinct person ids; null without a person id column
 * @param stays distinct (person_id, stay_book_in) groups, a null stay book-in being one group;
 *     null without person id or stay book-in columns
 * @param firstBookIn the earliest book-in (ISO local date-time), or null (none, or no book-in column)
 * @param lastBookIn the latest book-in, or null
 * @param latestTimestamp the latest of all plausible book-in, book-out, stay book-in and stay
 *     book-out timestamps (the inferred extract date), or null
 * @param implausibleTimestamps records with at least one implausible timestamp (the records {@code
 *     placement.implausible_date} fails), set aside from lengths, bed-days and cost
 * @param openPlacements records with a book-in and no book-out; null without a book-in or book-out
 *     column
 * @param died records whose release reason is {@code Died} (trimmed, any case); null without a
 *     release reason column
 * @param escaped records whose release reason is {@code Escaped}; as {@code died}
 * @param placementLengths the placements' lengths; null without book-in or book-out columns
 * @param stayLengths the stays' lengths; null without person id, stay book-in or stay book-out
 */
@JsonPropertyOrder({
  "records", "people", "stays", "first_book_in", "last_book_in", "latest_timestamp",
  "implausible_timestamps", "open_placements", "died", "escaped", "placement_lengths", "stay_lengths"
})
public record DatasetFacts(
    long records,
    Long people,
    Long stays,
    String firstBookIn,
    String lastBookIn,
    String latestTimestamp,
    long implausibleTimestamps,
    Long openPlacements,
    Long died,
    Long escaped,
    LengthSummary placementLengths,
    LengthSummary stayLengths) {

  /** Bucket bounds in days: under 1 day, 1-7, 7-30, 30-90, 90-180, 180-365, a year or more. */
  static final double[] BUCKET_BOUNDS = {0, 1, 7, 30, 90, 180, 365};

  private static final String[] BUCKET_LABELS = {
    "under 1 day", "1 to 7 days", "7 to 30 days", "30 to 90 days", "90 to 180 days",
    "180 to 365 days", "a year or more"
  };

  /**
   * Measures {@code placements} (the canonical placement table) in one aggregation over the
   * records. People, stays and stay lengths are null here: the sort pass counts them, person by
   * person, and {@link #withPersons} adds them.
   *
   * @param available the canonical fields the layout has (every input's); the measures that need
   *     others are null
   * @param plausible the plausible range of timestamps; the others are set aside
   */
  public static DatasetFacts of(
      Dataset<Row> placements, Set<CanonicalField> available, PlausibleTimestamps plausible) {
    List<Column> aggregates = aggregates(plausible);
    Row row =
        withMeasuredColumns(placements, plausible)
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
            .first();
    return fromAggregates(row, 0, available);
  }

  /**
   * The placements with the columns {@link #aggregates} read: {@code _set_aside} (book-in or
   * book-out implausible), {@code _implausible} (any timestamp implausible) and {@code _length}.
   * percentile_approx is an object aggregate, so Spark evaluates these aggregations interpreted:
   * each length is computed once in a projection before (compiled, and read by several
   * aggregates).
   */
  public static Dataset<Row> withMeasuredColumns(Dataset<Row> placements, PlausibleTimestamps plausible) {
    return placements
        .withColumn("_set_aside", plausible.anyImplausible(col("book_in"), col("book_out")))
        .withColumn(
            "_implausible",
            plausible.anyImplausible(
                col("stay_book_in"), col("book_in"), col("book_out"), col("stay_book_out")))
        .withColumn(
            "_length",
            when(
                functions.not(plausible.anyImplausible(col("book_in"), col("book_out"))),
                days(col("book_in"), col("book_out"))));
  }

  /**
   * The record facts as aggregate columns over {@link #withMeasuredColumns}, for the scan pass to
   * compute with its other aggregates in one job; read back by {@link #fromAggregates}.
   */
  public static List<Column> aggregates(PlausibleTimestamps plausible) {
    Column plausibleBookIn = plausible.plausible(col("book_in"));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)).as("records"));
    aggregates.add(min(plausibleBookIn).as("first_book_in"));
    aggregates.add(max(plausibleBookIn).as("last_book_in"));
    aggregates.add(
        max(greatest(
                plausible.plausible(col("stay_book_in")),
                plausibleBookIn,
                plausible.plausible(col("book_out")),
                plausible.plausible(col("stay_book_out"))))
            .as("latest"));
    aggregates.add(
        count(when(col("book_in").isNotNull().and(col("book_out").isNull()).and(not(col("_set_aside"))), 1))
            .as("open"));
    aggregates.add(count(when(reasonIs("died"), 1)).as("died"));
    aggregates.add(count(when(reasonIs("escaped"), 1)).as("escaped"));
    aggregates.addAll(
        lengthAggregates(col("book_in"), col("book_out"), col("_length"), col("_set_aside")));
    aggregates.add(count(when(col("_implausible"), 1)).as("implausible"));
    return aggregates;
  }

  /** The number of columns {@link #aggregates} gives. */
  public static int aggregateCount() {
    return 8 + 5 + BUCKET_BOUNDS.length;
  }

  /**
   * The record facts from the aggregates' values, starting at {@code offset} of {@code row}. People,
   * stays and stay lengths are null: the sort pass counts them ({@link #withPersons}).
   */
  public static DatasetFacts fromAggregates(Row aggregates, int offset, Set<CanonicalField> available) {
    Object[] values = new Object[aggregateCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = aggregates.get(offset + i);
    }
    Row row = org.apache.spark.sql.RowFactory.create(values);
    return new DatasetFacts(
        row.getLong(0),
        null,
        null,
        Measure.BOOK_IN_RANGE.applicableTo(available) ? iso(row.get(1)) : null,
        Measure.BOOK_IN_RANGE.applicableTo(available) ? iso(row.get(2)) : null,
        iso(row.get(3)),
        row.getLong(aggregateCount() - 1),
        Measure.OPEN_PLACEMENTS.applicableTo(available) ? row.getLong(4) : null,
        Measure.DIED_ESCAPED.applicableTo(available) ? row.getLong(5) : null,
        Measure.DIED_ESCAPED.applicableTo(available) ? row.getLong(6) : null,
        Measure.PLACEMENT_LENGTHS.applicableTo(available) ? lengths(row, 7) : null,
        null);
  }

  /**
   * These facts with the people, stays and stay lengths the sort pass counted ({@link
   * org.detentionaudit.core.sort.PersonTally}), each where the layout has its fields.
   */
  public DatasetFacts withPersons(
      Set<CanonicalField> available, long peopleCounted, long staysCounted, LengthSummary stayLengthsCounted) {
    return new DatasetFacts(
        records,
        Measure.PEOPLE.applicableTo(available) ? peopleCounted : null,
        Measure.STAYS.applicableTo(available) ? staysCounted : null,
        firstBookIn,
        lastBookIn,
        latestTimestamp,
        implausibleTimestamps,
        openPlacements,
        died,
        escaped,
        placementLengths,
        Measure.STAY_LENGTHS.applicableTo(available) ? stayLengthsCounted : null);
  }

  /**
   * Length in days from {@code start} to {@code end} (wall-clock timestamps, no time zone: a day is
   * 24 hours of the clock); null unless both exist and end >= start.
   */
  public static Column days(Column start, Column end) {
    Column wholeDays = functions.unix_date(functions.to_date(end)).minus(functions.unix_date(functions.to_date(start)));
    Column seconds = secondOfDay(end).minus(secondOfDay(start));
    Column length = wholeDays.plus(seconds.divide(86_400.0));
    return when(start.isNotNull().and(end.isNotNull()).and(end.geq(start)), length);
  }

  private static Column secondOfDay(Column timestamp) {
    return functions
        .hour(timestamp)
        .multiply(3600)
        .plus(functions.minute(timestamp).multiply(60))
        .plus(functions.second(timestamp));
  }

  private static Column reasonIs(String reason) {
    return lower(trim(col("release_reason"))).equalTo(lit(reason));
  }

  /**
   * measured, open, unknown, percentiles (array), max, then one count per bucket: read back by
   * {@link #lengths(Row, int)}. {@code setAside} (never null) marks the records whose length is
   * unknown because a timestamp is implausible: {@code length} is null for them.
   */
  private static List<Column> lengthAggregates(Column start, Column end, Column length, Column setAside) {
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(length));
    aggregates.add(count(when(start.isNotNull().and(end.isNull()).and(not(setAside)), 1)));
    aggregates.add(
        count(when(length.isNull().and(start.isNull().or(end.isNotNull()).or(setAside)), 1)));
    aggregates.add(percentile_approx(length, functions.array(lit(0.5), lit(0.9), lit(0.99)), lit(10_000)));
    aggregates.add(max(length));
    for (int i = 0; i < BUCKET_BOUNDS.length; i++) {
      Column inBucket = length.geq(BUCKET_BOUNDS[i]);
      if (i + 1 < BUCKET_BOUNDS.length) {
        inBucket = inBucket.and(length.lt(BUCKET_BOUNDS[i + 1]));
      }
      aggregates.add(count(when(inBucket, 1)));
    }
    return aggregates;
  }

  private static LengthSummary lengths(Row row, int at) {
    List<Long> buckets = new ArrayList<>();
    for (int i = 0; i < BUCKET_BOUNDS.length; i++) {
      buckets.add(row.getLong(at + 5 + i));
    }
    return lengthSummary(
        row.getLong(at),
        row.getLong(at + 1),
        row.getLong(at + 2),
        row.isNullAt(at + 3) ? null : row.getList(at + 3),
        row.isNullAt(at + 4) ? null : row.getDouble(at + 4),
        buckets);
  }

  /**
   * A length summary from its counts: measured, open, unknown, the 50th, 90th and 99th percentile
   * (null when nothing was measured), the longest, and the records per bucket of {@link
   * #BUCKET_BOUNDS}.
   */
  static LengthSummary lengthSummary(
      long measured, long open, long unknown, List<Double> percentiles, Double max, List<Long> perBucket) {
    List<LengthSummary.Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < BUCKET_BOUNDS.length; i++) {
      buckets.add(
          new LengthSummary.Bucket(
              BUCKET_LABELS[i],
              BUCKET_BOUNDS[i],
              i + 1 < BUCKET_BOUNDS.length ? BUCKET_BOUNDS[i + 1] : null,
              perBucket.get(i)));
    }
    return new LengthSummary(
        measured,
        open,
        unknown,
        percentiles == null ? null : round(percentiles.get(0)),
        percentiles == null ? null : round(percentiles.get(1)),
        percentiles == null ? null : round(percentiles.get(2)),
        max == null ? null : round(max),
        buckets);
  }

  /** Days to one decimal, as the report shows them. */
  private static Double round(Double days) {
    return days == null ? null : Math.round(days * 10) / 10.0;
  }

  private static String iso(Object timestamp) {
    return timestamp == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) timestamp);
  }
}

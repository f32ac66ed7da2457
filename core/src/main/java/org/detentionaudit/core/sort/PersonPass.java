package org.detentionaudit.core.sort;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.check.PlausibleTimestamps;

/**
 * The sort pass's one shuffle: placements repartitioned by person and sorted within partitions in
 * the person ordering, then one plain-Java pass per person ({@link PersonStateMachine}) that
 * appends the {@link PersonColumns}. Spark plans one exchange and one sort for it, nothing else.
 */
public final class PersonPass {
  /**
   * Rows per partition of the per-person sort when the input is large. With a fixed number of
   * partitions each partition's sort grows with the input: at 100 million placements, 8 partitions
   * of 12.5 million rows each spilled to disk again and again and took about 20 minutes apiece.
   */
  public static final long ROWS_PER_PARTITION = 500_000;

  private PersonPass() {}

  /**
   * The number of partitions of the per-person sort for {@code rows} placements: the configured
   * number ({@code spark.sql.shuffle.partitions}), or more when that would put more than {@link
   * #ROWS_PER_PARTITION} rows in a partition, so time grows linearly with the input.
   */
  public static int partitionsFor(long rows, int configured) {
    long positive = Math.max(0, rows);
    long needed = positive / ROWS_PER_PARTITION + (positive % ROWS_PER_PARTITION == 0 ? 0 : 1);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(Math.max(1, configured), needed));
  }

  /** The partition key of a placement, as SQL: its folded person id, else a key of its own. */
  static Column personKey() {
    return coalesce(
        upper(expr("trim(person_id)")),
        concat(lit("\u0000no-person-"), col("input_order").cast("string")));
  }

  /**
   * A new accumulator, registered with {@code spark}, for the people and stays the state machine
   * counts.
   */
  public static TallyAccumulator<PersonTally> personTally(SparkSession spark) {
    TallyAccumulator<PersonTally> tally = new TallyAccumulator<>(new PersonTally());
    spark.sparkContext().register(tally, "people and stays");
    return tally;
  }

  /**
   * As {@link #addPersonColumns(Dataset, long, PlausibleTimestamps, TallyAccumulator)}, counting
   * people and stays into an accumulator of its own (for a caller that wants only the columns).
   */
  public static Dataset<Row> addPersonColumns(Dataset<Row> placements, long rows) {
    return addPersonColumns(
        placements,
        rows,
        PlausibleTimestamps.until(LocalDate.now()),
        personTally(placements.sparkSession()));
  }

  /**
   * The placements with the {@link PersonColumns} appended (lazy: nothing runs yet), in {@link
   * #partitionsFor partitionsFor(rows, spark.sql.shuffle.partitions)} partitions. When an action
   * reads all of it, {@code tally} holds the people and stays ({@link PersonTally}).
   *
   * @param rows the number of placements (0 when unknown)
   * @param plausible the plausible timestamps, for the stays' lengths
   */
  public static Dataset<Row> addPersonColumns(
      Dataset<Row> placements,
      long rows,
      PlausibleTimestamps plausible,
      TallyAccumulator<PersonTally> tally) {
    int configured =
        Integer.parseInt(placements.sparkSession().conf().get("spark.sql.shuffle.partitions"));
    Dataset<Row> keyed = placements.withColumn(PersonColumns.PERSON_KEY, personKey());
    Dataset<Row> sorted =
        keyed
            .repartition(partitionsFor(rows, configured), col(PersonColumns.PERSON_KEY))
            .sortWithinPartitions(
                col(PersonColumns.PERSON_KEY),
                col("book_in").asc_nulls_last(),
                col("book_out").asc_nulls_last(),
                col("input_order").asc());
    return sorted
        .mapPartitions(
            new PersonStateMachine(keyed.schema(), plausible, tally),
            Encoders.row(PersonColumns.withDerived(keyed.schema())))
        .drop(PersonColumns.PERSON_KEY);
  }
}

package org.detentionaudit.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.compare.ComparisonOutputs;
import org.detentionaudit.core.compare.ComparisonRow;
import org.detentionaudit.core.compare.ReleaseComparison;
import org.detentionaudit.core.outputs.AtomicOutputFolder;

/**
 * The comparison of two audits ({@link DetentionAudit#compare}): its rows, what is flagged, and
 * the writer of {@code compare.parquet}, {@code compare.json} and {@code compare.html}.
 */
public final class ComparisonResult {
  private final SparkSession spark;
  private final ReleaseComparison comparison;
  private final String comparedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();

  ComparisonResult(SparkSession spark, ReleaseComparison comparison) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.comparison = Objects.requireNonNull(comparison, "comparison");
  }

  /** Every compared quantity, in kind order (window, schema, rule, column, records, facility). */
  public List<ComparisonRow> rows() {
    return comparison.rows();
  }

  /** The flagged rows, largest change first. */
  public List<ComparisonRow> flaggedRows() {
    return comparison.flaggedRows();
  }

  /** How many rows are flagged (0: nothing changed beyond its threshold). */
  public long flagged() {
    return comparison.flagged();
  }

  /** Flagged rows per kind, every kind present. */
  public Map<String, Long> flaggedByKind() {
    return comparison.flaggedByKind();
  }

  /** The rows as a DataFrame of {@code compare.parquet}'s schema. */
  public Dataset<Row> table() {
    return spark.createDataFrame(rows().stream().map(ComparisonRow::toRow).toList(), ComparisonRow.SCHEMA);
  }

  /** The comparison itself: both releases' metrics, the years compared, the thresholds. */
  public ReleaseComparison comparison() {
    return comparison;
  }

  /**
   * Writes the outputs into {@code dir} atomically: on any failure no folder is left there.
   *
   * @param overwrite replace an existing folder; without it an existing folder is refused
   * @throws InputException when {@code dir} is one of the compared folders, exists and {@code
   *     overwrite} is false, cannot be written, is locked by another run, or writing fails
   */
  public void write(String dir, boolean overwrite) {
    ComparisonOutputs.checkNotAnInput(spark.sparkContext().hadoopConfiguration(), dir, comparison);
    try (AtomicOutputFolder out =
        AtomicOutputFolder.reserve(dir, overwrite, spark.sparkContext().hadoopConfiguration())) {
      write(out);
    }
  }

  /**
   * Writes the outputs into a folder reserved before the releases were read, and commits it; the
   * caller closes {@code out}, which removes what a failure left.
   */
  public void write(AtomicOutputFolder out) {
    ComparisonOutputs.write(table(), comparison, comparedAt, out);
  }
}

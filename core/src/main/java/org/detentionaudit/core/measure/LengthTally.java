package org.detentionaudit.core.measure;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.aggregate.ApproximatePercentile;
import org.apache.spark.sql.catalyst.util.QuantileSummaries;
import scala.Option;

/**
 * Lengths counted in plain Java, one record (or stay) at a time, mergeable across tasks: the same
 * {@link LengthSummary} the SQL aggregation of {@link DatasetFacts} gives, with percentiles from
 * Spark's own quantile sketch ({@code percentile_approx}'s, relative rank error 1/10,000).
 */
public final class LengthTally implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double RELATIVE_ERROR = 1.0 / 10_000;

  private long measured;
  private long open;
  private long unknown;
  private Double max;
  private final long[] buckets = new long[DatasetFacts.BUCKET_BOUNDS.length];
  private QuantileSummaries sketch = emptySketch();

  private static QuantileSummaries emptySketch() {
    return new ApproximatePercentile.PercentileDigest(RELATIVE_ERROR).quantileSummaries();
  }

  /**
   * Counts one record: its start and end (null when absent), and whether a timestamp is
   * implausible (then its length is unknown).
   */
  public void add(LocalDateTime start, LocalDateTime end, boolean setAside) {
    Double length = setAside ? null : days(start, end);
    if (length == null) {
      if (start != null && end == null && !setAside) {
        open++;
      } else {
        unknown++;
      }
      return;
    }
    measured++;
    max = max == null ? length : Math.max(max, length);
    double[] bounds = DatasetFacts.BUCKET_BOUNDS;
    for (int i = bounds.length - 1; i >= 0; i--) {
      if (length >= bounds[i]) {
        buckets[i]++;
        break;
      }
    }
    sketch = sketch.insert(length);
  }

  /** Adds another tally's counts to this one. */
  public void merge(LengthTally other) {
    measured += other.measured;
    open += other.open;
    unknown += other.unknown;
    if (other.max != null) {
      max = max == null ? other.max : Math.max(max, other.max);
    }
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] += other.buckets[i];
    }
    sketch = sketch.compress().merge(other.sketch.compress());
  }

  /** The summary, as {@link DatasetFacts} reports lengths. */
  public LengthSummary summary() {
    QuantileSummaries compressed = sketch.compress();
    return DatasetFacts.lengthSummary(
        measured,
        open,
        unknown,
        measured == 0 ? null : List.of(quantile(compressed, 0.5), quantile(compressed, 0.9), quantile(compressed, 0.99)),
        max,
        toList(buckets));
  }

  private static double quantile(QuantileSummaries sketch, double p) {
    Option<Object> value = sketch.query(p);
    return (Double) value.get();
  }

  private static List<Long> toList(long[] values) {
    List<Long> list = new ArrayList<>();
    for (long value : values) {
      list.add(value);
    }
    return list;
  }

  /**
   * Days from {@code start} to {@code end} as {@link DatasetFacts#days} gives them: whole calendar
   * days between the dates plus the difference of the times of day (whole seconds), on the wall
   * clock; null unless both exist and the end is not before the start.
   */
  static Double days(LocalDateTime start, LocalDateTime end) {
    if (start == null || end == null || end.isBefore(start)) {
      return null;
    }
    long wholeDays = ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate());
    int seconds = end.toLocalTime().toSecondOfDay() - start.toLocalTime().toSecondOfDay();
    return wholeDays + seconds / 86_400.0;
  }
}

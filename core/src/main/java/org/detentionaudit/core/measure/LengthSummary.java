package org.detentionaudit.core.measure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How long placements (or stays) last, in days.
 *
 * @param measured records whose length is known: both ends present and the end not before the start
 * @param open records with a start but no end (still held, or the end was never recorded)
 * @param unknown records without a start, or ending before they start
 * @param medianDays median length of the measured records (approximate: within 0.01% rank), or
 *     null when none
 * @param p90Days 90th percentile, as the median
 * @param p99Days 99th percentile, as the median
 * @param maxDays the longest
 * @param buckets the measured records by length, shortest first
 */
@JsonPropertyOrder({"measured", "open", "unknown", "median_days", "p90_days", "p99_days", "max_days", "buckets"})
public record LengthSummary(
    long measured,
    long open,
    long unknown,
    Double medianDays,
    Double p90Days,
    Double p99Days,
    Double maxDays,
    List<Bucket> buckets) {
  public LengthSummary {
    buckets = List.copyOf(buckets);
  }

  /**
   * Measured records whose length in days is at least {@code fromDays} and below {@code toDays}.
   *
   * @param toDays null for the open-ended last bucket
   */
  @JsonPropertyOrder({"label", "from_days", "to_days", "records"})
  public record Bucket(String label, double fromDays, Double toDays, long records) {}
}

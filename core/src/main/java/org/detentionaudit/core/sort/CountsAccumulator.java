package org.detentionaudit.core.sort;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Counts per key (e.g. findings per rule), added to inside the tasks of the sort pass's last stage.
 *
 * <p>Exact when a task is retried: the sort pass updates it only in the tasks of the job's result
 * stage (after the shuffle, in the same tasks that write the findings), and Spark applies a result
 * task's accumulator updates once per partition, from the attempt that succeeded; failed and
 * duplicate (speculative) attempts are dropped.
 */
public final class CountsAccumulator extends AccumulatorV2<String, Map<String, Long>> {
  private static final long serialVersionUID = 1L;
  private final HashMap<String, Long> counts = new HashMap<>();

  @Override
  public boolean isZero() {
    return counts.isEmpty();
  }

  @Override
  public CountsAccumulator copy() {
    CountsAccumulator copy = new CountsAccumulator();
    copy.counts.putAll(counts);
    return copy;
  }

  @Override
  public void reset() {
    counts.clear();
  }

  @Override
  public void add(String key) {
    counts.merge(key, 1L, Long::sum);
  }

  @Override
  public void merge(AccumulatorV2<String, Map<String, Long>> other) {
    other.value().forEach((key, count) -> counts.merge(key, count, Long::sum));
  }

  @Override
  public Map<String, Long> value() {
    return counts;
  }
}

package org.detentionaudit.core.sort;

import org.apache.spark.util.AccumulatorV2;

/**
 * Merges the tallies the sort pass's tasks build, one per partition.
 *
 * <p>Exact when a task is retried: the sort pass adds to it only in the tasks of the job's result
 * stage (after the shuffle, the same tasks that write the findings), and Spark applies a result
 * task's accumulator updates once per partition, from the attempt that succeeded; failed and
 * duplicate (speculative) attempts are dropped. Each task adds its partition's whole tally once,
 * when it has read the partition to its end.
 */
public final class TallyAccumulator<T extends Tally<T>> extends AccumulatorV2<T, T> {
  private static final long serialVersionUID = 1L;
  private T value;
  private boolean zero = true;

  public TallyAccumulator(T zero) {
    this.value = zero.empty();
  }

  @Override
  public boolean isZero() {
    return zero;
  }

  @Override
  public TallyAccumulator<T> copy() {
    TallyAccumulator<T> copy = new TallyAccumulator<>(value);
    copy.value.merge(value);
    copy.zero = zero;
    return copy;
  }

  @Override
  public void reset() {
    value = value.empty();
    zero = true;
  }

  @Override
  public TallyAccumulator<T> copyAndReset() {
    return new TallyAccumulator<>(value);
  }

  @Override
  public void add(T partial) {
    value.merge(partial);
    zero = false;
  }

  @Override
  public void merge(AccumulatorV2<T, T> other) {
    add(other.value());
  }

  @Override
  public T value() {
    return value;
  }
}

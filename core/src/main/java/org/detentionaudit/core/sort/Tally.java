package org.detentionaudit.core.sort;

import java.io.Serializable;

/**
 * A partial result of the sort pass that one task builds over its partition and Spark merges on
 * the driver ({@link TallyAccumulator}).
 *
 * @param <T> the tally's own type
 */
public interface Tally<T extends Tally<T>> extends Serializable {
  /** Adds {@code other}'s counts to this one. */
  void merge(T other);

  /** An empty tally of the same kind (the accumulator's zero). */
  T empty();
}

package org.detentionaudit.core.profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.util.AccumulatorV2;
import org.detentionaudit.core.load.ProfiledInput;

/**
 * Gathers the column counts that the load's parse tasks make while they read text files and
 * workbooks, so that the column profile of those inputs needs no second read.
 *
 * <p>Each part of an input that one task reads whole (a text file, a byte range of one, a workbook)
 * counts its rows into a {@link Part} and, once it has read the part to its end, adds the part's
 * counts under a key naming what it read (the input unit and, for a byte range, its first byte).
 * {@link #value()} merges the parts into the JSON of {@link ColumnCounts#finish}.
 *
 * <p>Exact under task retries and recomputation, because a second contribution for a key
 * <em>replaces</em> the first, never adds to it. The parse tasks run in a map stage (the load's
 * count aggregates after them), whose successful tasks' updates Spark merges every time: a stage
 * resubmitted after a lost shuffle output, a speculative copy that also succeeds, or a cached
 * partition evicted from memory and parsed again by a later job would each add the same part once
 * more. Every run of a part reads the same bytes and counts the same rows, so replacing gives the
 * same value whichever runs Spark merged. Keys name the data, not the task: task and attempt ids
 * change between runs of the same part. A task that fails, or stops before the end of its part,
 * adds nothing.
 *
 * <p>Registered without a name, so Spark never computes {@link #value()} for its user interface.
 */
public final class ColumnCountsAccumulator extends AccumulatorV2<ColumnCountsAccumulator.Part, String> {
  private static final long serialVersionUID = 1L;

  private final ColumnCounts counts;
  /** Per part key, the part's {@link ColumnCounts.Buffer} serialized: immutable once added. */
  private final TreeMap<String, byte[]> parts = new TreeMap<>();

  private ColumnCountsAccumulator(ColumnCounts counts) {
    this.counts = counts;
  }

  /**
   * An accumulator for the columns of {@code inputs}, registered with {@code context}: register it
   * before the job whose tasks add to it.
   */
  public static ColumnCountsAccumulator registered(SparkContext context, List<ProfiledInput> inputs) {
    ColumnCountsAccumulator accumulator = new ColumnCountsAccumulator(ColumnProfile.counts(inputs));
    context.register(accumulator);
    return accumulator;
  }

  /** Unregistered, for tests of the merge rules. */
  static ColumnCountsAccumulator of(ColumnCounts counts) {
    return new ColumnCountsAccumulator(counts);
  }

  /**
   * Starts counting one part inside a task. Call {@link Part#add} for each row and {@link
   * Part#complete()} when the part was read to its end.
   *
   * @param key names the data the task reads (not the task), the same in every run of the part
   */
  public Part part(String key) {
    return new Part(this, Objects.requireNonNull(key, "key"));
  }

  /** The counts of one part as a task makes them. Not thread-safe; not sent anywhere itself. */
  public static final class Part {
    private final ColumnCountsAccumulator into;
    private final String key;
    private final ColumnCounts.Buffer buffer = new ColumnCounts.Buffer();
    private boolean completed;

    private Part(ColumnCountsAccumulator into, String key) {
      this.into = into;
      this.key = key;
    }

    /**
     * Counts one row of input unit {@code unit}.
     *
     * @param cells the row's cells as text, null for an absent cell
     * @param errorPositions the 0-based positions of its error cells, or null when none
     */
    public void add(int unit, List<String> cells, List<Integer> errorPositions) {
      into.counts.add(buffer, unit, cells, errorPositions);
    }

    /** Hands the part's counts to the accumulator; only the first call counts. */
    public void complete() {
      if (!completed) {
        completed = true;
        into.add(this);
      }
    }
  }

  @Override
  public synchronized boolean isZero() {
    return parts.isEmpty();
  }

  @Override
  public synchronized ColumnCountsAccumulator copy() {
    ColumnCountsAccumulator copy = new ColumnCountsAccumulator(counts);
    copy.parts.putAll(parts);
    return copy;
  }

  @Override
  public ColumnCountsAccumulator copyAndReset() {
    return new ColumnCountsAccumulator(counts);
  }

  @Override
  public synchronized void reset() {
    parts.clear();
  }

  /** Sets the part's counts, replacing any earlier counts under its key. */
  @Override
  public void add(Part part) {
    byte[] serialized = ColumnCounts.toBytes(part.buffer);
    synchronized (this) {
      parts.put(part.key, serialized);
    }
  }

  /** Takes {@code other}'s parts, each replacing this one's under the same key. */
  @Override
  public void merge(AccumulatorV2<Part, String> other) {
    if (!(other instanceof ColumnCountsAccumulator that)) {
      throw new UnsupportedOperationException(
          "Cannot merge " + getClass().getSimpleName() + " with " + other.getClass().getName());
    }
    Map<String, byte[]> taken;
    synchronized (that) {
      taken = new TreeMap<>(that.parts);
    }
    synchronized (this) {
      parts.putAll(taken);
    }
  }

  /**
   * The parts' counts merged, as {@link ColumnCounts#finish} writes them (keyed by input unit), or
   * null when no part was added.
   */
  @Override
  public synchronized String value() {
    if (parts.isEmpty()) {
      return null;
    }
    ColumnCounts.Buffer total = new ColumnCounts.Buffer();
    for (byte[] part : parts.values()) {
      total = counts.merge(total, ColumnCounts.fromBytes(part));
    }
    return counts.finish(total);
  }

  /** The keys of the parts added, in order. */
  synchronized List<String> keys() {
    return List.copyOf(parts.keySet());
  }

  @Override
  public synchronized String toString() {
    return "ColumnCountsAccumulator(" + parts.size() + " parts)";
  }
}

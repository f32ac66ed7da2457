package org.detentionaudit.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The accumulator of the parse tasks' column counts: exact when a part is counted twice (a retried
 * or recomputed task), and blind to a part not read to its end.
 */
class ColumnCountsAccumulatorTest {
  private static final int UNIT = 2;
  private final ColumnCounts counts = new ColumnCounts(Map.of(UNIT, new boolean[] {true}), 10, 5);

  /** A part that counts {@code values} (one row each) under {@code key}, completed. */
  private static void contribute(ColumnCountsAccumulator accumulator, String key, String... values) {
    ColumnCountsAccumulator.Part part = accumulator.part(key);
    for (String value : values) {
      part.add(UNIT, Arrays.asList(value), null);
    }
    part.complete();
  }

  private static ColumnCounts.Result result(ColumnCountsAccumulator accumulator) {
    return ColumnCounts.parse(accumulator.value()).get(UNIT).get(0);
  }

  @Test
  void partsOfDifferentKeysAddUp() {
    ColumnCountsAccumulator accumulator = ColumnCountsAccumulator.of(counts);
    contribute(accumulator, "text 2 from 0", "a", "b");
    contribute(accumulator, "text 2 from 100", "a", "NA");
    ColumnCounts.Result result = result(accumulator);
    assertThat(List.of(result.values(), result.missing(), result.distinct())).containsExactly(3L, 1L, 2L);
    assertThat(result.top()).containsExactly(Map.entry("a", 2L), Map.entry("b", 1L));
  }

  @Test
  void aPartCountedAgainUnderItsKeyReplacesItsCountsNeverAddsToThem() {
    ColumnCountsAccumulator accumulator = ColumnCountsAccumulator.of(counts);
    contribute(accumulator, "text 2 from 0", "a", "b");
    contribute(accumulator, "text 2 from 100", "c");
    String once = accumulator.value();
    // A retried task, in this accumulator (add) and merged from another task's copy (merge).
    contribute(accumulator, "text 2 from 0", "a", "b");
    ColumnCountsAccumulator retry = accumulator.copyAndReset();
    assertThat(retry.isZero()).isTrue();
    contribute(retry, "text 2 from 100", "c");
    accumulator.merge(retry);
    accumulator.merge(retry.copy());

    assertThat(accumulator.value()).isEqualTo(once);
    assertThat(accumulator.keys()).containsExactly("text 2 from 0", "text 2 from 100");
    assertThat(result(accumulator).values()).isEqualTo(3L);
  }

  @Test
  void aPartNotReadToItsEndAddsNothingAndCompletingTwiceAddsOnce() {
    ColumnCountsAccumulator accumulator = ColumnCountsAccumulator.of(counts);
    ColumnCountsAccumulator.Part unfinished = accumulator.part("xlsx 2");
    unfinished.add(UNIT, Arrays.asList("a"), null);
    assertThat(accumulator.isZero()).isTrue();
    assertThat(accumulator.value()).isNull();

    ColumnCountsAccumulator.Part part = accumulator.part("xlsx 2");
    part.add(UNIT, Arrays.asList("a"), null);
    part.complete();
    // Rows counted after completing, and a second completion, change nothing.
    part.add(UNIT, Arrays.asList("b"), null);
    part.complete();
    assertThat(result(accumulator).values()).isEqualTo(1L);
    assertThat(result(accumulator).top()).containsExactly(Map.entry("a", 1L));
  }

  @Test
  void errorPositionsAndMissingCellsAreCountedAsTheAggregateCountsThem() {
    ColumnCounts twoColumns = new ColumnCounts(Map.of(UNIT, new boolean[] {true, true}), 10, 5);
    ColumnCountsAccumulator accumulator = ColumnCountsAccumulator.of(twoColumns);
    ColumnCountsAccumulator.Part part = accumulator.part("xlsx 2");
    part.add(UNIT, Arrays.asList(null, "x"), List.of(0));
    part.add(UNIT, Arrays.asList(" ", "(b)(6)"), null);
    part.complete();
    ColumnCounts.Buffer direct = twoColumns.zero();
    twoColumns.add(direct, UNIT, Arrays.asList(null, "x"), List.of(0));
    twoColumns.add(direct, UNIT, Arrays.asList(" ", "(b)(6)"), null);
    assertThat(accumulator.value()).isEqualTo(twoColumns.finish(direct));
    ColumnCounts.Result first = ColumnCounts.parse(accumulator.value()).get(UNIT).get(0);
    assertThat(List.of(first.values(), first.missing(), first.redacted(), first.errors()))
        .containsExactly(0L, 1L, 0L, 1L);
  }
}

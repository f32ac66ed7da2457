package org.detentionaudit.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class ColumnCountsTest {
  private static final int UNIT = 3;
  private static final int OTHER_UNIT = 5;

  /**
   * Unit 3: column 0 listed, column 1 an identifier; unit 5: one listed column. At most 3 distinct
   * values counted exactly.
   */
  private final ColumnCounts counts =
      new ColumnCounts(
          Map.of(UNIT, new boolean[] {true, false}, OTHER_UNIT, new boolean[] {true}), 3, 2);

  private static Row row(String... cells) {
    return RowFactory.create(UNIT, scala.collection.JavaConverters.asScalaBuffer(Arrays.asList(cells)));
  }

  private ColumnCounts.Buffer reduce(Row... rows) {
    ColumnCounts.Buffer buffer = counts.zero();
    for (Row row : rows) {
      buffer = counts.reduce(buffer, row);
    }
    return buffer;
  }

  private List<ColumnCounts.Result> results(ColumnCounts.Buffer buffer) {
    return ColumnCounts.parse(counts.finish(buffer)).get(UNIT);
  }

  @Test
  void eachInputUnitHasItsOwnColumnsInOneBuffer() {
    ColumnCounts.Buffer buffer = reduce(row("a", "P1"), row("b", "P2"));
    counts.add(buffer, OTHER_UNIT, Arrays.asList("x"), null);
    counts.add(buffer, OTHER_UNIT, Arrays.asList(" x ", "beyond its columns"), null);
    counts.add(buffer, OTHER_UNIT, Arrays.asList("NA"), null);
    ColumnCounts.Buffer other = counts.zero();
    counts.add(other, OTHER_UNIT, Arrays.asList("y"), null);
    Map<Integer, List<ColumnCounts.Result>> units =
        ColumnCounts.parse(counts.finish(counts.merge(buffer, other)));
    assertThat(units.keySet()).containsExactlyInAnyOrder(UNIT, OTHER_UNIT);
    assertThat(units.get(UNIT)).hasSize(2);
    assertThat(units.get(UNIT).get(0).values()).isEqualTo(2);
    // A row wider than its unit's columns counts only those columns.
    ColumnCounts.Result x = units.get(OTHER_UNIT).get(0);
    assertThat(units.get(OTHER_UNIT)).hasSize(1);
    assertThat(List.of(x.values(), x.missing(), x.distinct())).containsExactly(3L, 1L, 2L);
    assertThat(x.top()).containsExactly(Map.entry("x", 2L), Map.entry("y", 1L));
    assertThat(ColumnCounts.parse(counts.finish(counts.zero()))).isEmpty();
  }

  @Test
  void countsValuesMissingAndRedactedAfterTrimming() {
    List<ColumnCounts.Result> results =
        results(reduce(row(" a ", "P1"), row("a", "P2"), row("NA", null), row("(b)(6)", " "), row("b", "P1")));
    ColumnCounts.Result first = results.get(0);
    assertThat(List.of(first.values(), first.missing(), first.redacted(), first.distinct()))
        .containsExactly(3L, 1L, 1L, 2L);
    assertThat(first.estimated()).isFalse();
    assertThat(first.top()).containsExactly(Map.entry("a", 2L), Map.entry("b", 1L));
    ColumnCounts.Result id = results.get(1);
    assertThat(List.of(id.values(), id.missing(), id.redacted(), id.distinct())).containsExactly(3L, 2L, 0L, 2L);
    assertThat(id.top()).as("identifiers are never listed").isEmpty();
  }

  @Test
  void hugeValuesAreCountedDistinctUnderShortStandInsAndTheResultReadsBack() {
    // Two 30 MB cells differing in their last character, and one a character short of the limit:
    // before the stand-ins the result held 60 MB of text and could not be read back (exit 3).
    String big = "X".repeat(30 * 1024 * 1024);
    String nearMiss = "Y".repeat(ColumnCounts.MAX_VALUE_CHARS);
    List<ColumnCounts.Result> results =
        results(reduce(row(big + "a", "P1"), row(big + "b", "P2"), row(big + "a", "P3"), row(nearMiss, "P4")));
    ColumnCounts.Result first = results.get(0);
    assertThat(first.values()).isEqualTo(4);
    assertThat(first.distinct()).isEqualTo(3);
    assertThat(first.top().keySet()).allSatisfy(value -> assertThat(value.length()).isLessThanOrEqualTo(1_000));
    assertThat(first.top().entrySet().iterator().next().getKey())
        .startsWith("XXXX")
        .contains("(31457281 characters, sha-256 ");
    assertThat(first.top()).containsValue(2L);
    assertThat(ColumnCounts.counted(nearMiss)).as("at the limit, a value is itself").isEqualTo(nearMiss);
  }

  @Test
  void aColumnPastTheCapIsEstimatedWithoutTopValues() {
    List<ColumnCounts.Result> results =
        results(reduce(row("v1", "x"), row("v2", "x"), row("v3", "x"), row("v4", "x"), row("v4", "x")));
    ColumnCounts.Result first = results.get(0);
    assertThat(first.values()).isEqualTo(5);
    assertThat(first.estimated()).isTrue();
    assertThat(first.distinct()).isEqualTo(4); // the sketch is exact at this size
    assertThat(first.top()).isEmpty();
  }

  @Test
  void mergesExactAndSketchedPartsAndEmptyBuffers() {
    ColumnCounts.Buffer exact = reduce(row("v1", "P1"), row("v2", "P2"));
    ColumnCounts.Buffer other = reduce(row("v2", "P2"), row("v3", "P3"));
    ColumnCounts.Result merged = results(counts.merge(counts.merge(exact, counts.zero()), other)).get(0);
    assertThat(merged.estimated()).isFalse();
    assertThat(merged.distinct()).isEqualTo(3);
    assertThat(merged.top()).containsExactly(Map.entry("v2", 2L), Map.entry("v1", 1L));

    ColumnCounts.Buffer sketched = reduce(row("w1", "P1"), row("w2", "P1"), row("w3", "P1"), row("w4", "P1"));
    ColumnCounts.Buffer small = reduce(row("v1", "P9"), row("w1", "P9"));
    List<ColumnCounts.Result> both = results(counts.merge(small, sketched));
    assertThat(both.get(0).estimated()).isTrue();
    assertThat(both.get(0).distinct()).isEqualTo(5);
    assertThat(both.get(0).values()).isEqualTo(6);
    assertThat(both.get(1).distinct()).isEqualTo(2);
  }

  @Test
  void aBufferSurvivesJavaSerialization() throws Exception {
    ColumnCounts.Buffer buffer = reduce(row("v1", "P1"), row("v2", "P2"));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(buffer);
    }
    ColumnCounts.Buffer copy;
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ColumnCounts.Buffer) in.readObject();
    }
    assertThat(results(counts.merge(copy, reduce(row("v3", "P3")))).get(1).distinct()).isEqualTo(3);
  }

  private static Row rowWithErrors(List<Integer> errors, String... cells) {
    return RowFactory.create(
        UNIT,
        scala.collection.JavaConverters.asScalaBuffer(Arrays.asList(cells)),
        errors == null ? null : scala.collection.JavaConverters.asScalaBuffer(errors));
  }

  @Test
  void errorCellsCountAsErrorsNeitherValuesNorMissingAndMerge() {
    ColumnCounts.Buffer left = reduce(rowWithErrors(List.of(0), null, "P1"), rowWithErrors(List.of(0, 1), null, null));
    ColumnCounts.Buffer right = reduce(row("a", "P2"), rowWithErrors(null, "NA", "P3"));
    List<ColumnCounts.Result> results = results(counts.merge(left, right));
    ColumnCounts.Result first = results.get(0);
    assertThat(List.of(first.values(), first.missing(), first.redacted(), first.errors(), first.distinct()))
        .containsExactly(1L, 1L, 0L, 2L, 1L);
    assertThat(first.top()).containsExactly(Map.entry("a", 1L));
    ColumnCounts.Result id = results.get(1);
    assertThat(List.of(id.values(), id.missing(), id.redacted(), id.errors())).containsExactly(3L, 0L, 0L, 1L);
  }
}

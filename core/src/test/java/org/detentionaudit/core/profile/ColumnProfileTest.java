package org.detentionaudit.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ColumnProfileTest {
  private static final StructType RAW =
      new StructType()
          .add("Unique Identifier", DataTypes.StringType)
          .add("Gender", DataTypes.StringType)
          .add("Alien File Number", DataTypes.StringType)
          .add("Birth Year", DataTypes.IntegerType);

  @Test
  void countsValuesMissingRedactedDistinctAndTopValues(SparkSession spark) {
    Dataset<Row> raw =
        spark.createDataFrame(
            List.of(
                RowFactory.create("P1", "Male", "(b)(6), (b)(7)c", 1980),
                RowFactory.create("P2", " Male ", "A123", 1980),
                RowFactory.create("P3", "Female", "b(6), b(7)C", null),
                RowFactory.create(null, "NA", "", 1990),
                RowFactory.create("(b)(6), (b)(7)c", "", "A124", 1991)),
            RAW);
    Map<String, Row> rows =
        ColumnProfile.of(spark, "in.csv", raw, Map.of("Unique Identifier", CanonicalField.PERSON_ID))
            .collectAsList().stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.getString(1), r -> r));
    assertThat(rows).containsOnlyKeys("Unique Identifier", "Gender", "Alien File Number", "Birth Year");

    Row id = rows.get("Unique Identifier");
    assertThat(id.getString(2)).isEqualTo("person_id");
    assertThat(List.of(id.getLong(3), id.getLong(4), id.getLong(5), id.getLong(7))).containsExactly(3L, 1L, 1L, 3L);
    assertThat(id.getList(8)).as("identifiers are never listed by value").isEmpty();

    Row gender = rows.get("Gender");
    assertThat(gender.isNullAt(2)).isTrue();
    assertThat(List.of(gender.getLong(3), gender.getLong(4), gender.getLong(5), gender.getLong(7))).containsExactly(3L, 2L, 0L, 2L);
    List<Row> top = gender.getList(8);
    assertThat(top).extracting(r -> r.getString(0) + "=" + r.getLong(1)).containsExactly("Male=2", "Female=1");

    Row alien = rows.get("Alien File Number");
    assertThat(List.of(alien.getLong(3), alien.getLong(4), alien.getLong(5))).containsExactly(2L, 1L, 2L);
    assertThat(alien.getList(8)).isEmpty();

    Row year = rows.get("Birth Year");
    assertThat(List.of(year.getLong(3), year.getLong(4))).containsExactly(4L, 1L);
    assertThat(year.<Row>getList(8)).extracting(r -> r.getString(0)).containsExactly("1980", "1990", "1991");
  }

  @Test
  void identifierColumnsAreRecognisedByName() {
    assertThat(ColumnProfile.isIdentifier("EID Subject ID", Optional.empty())).isTrue();
    assertThat(ColumnProfile.isIdentifier("Alien File Number", Optional.empty())).isTrue();
    assertThat(ColumnProfile.isIdentifier("Anonymized Identifier", Optional.empty())).isTrue();
    assertThat(ColumnProfile.isIdentifier("x", Optional.of(CanonicalField.PERSON_ID))).isTrue();
    assertThat(ColumnProfile.isIdentifier("Detention Facility", Optional.empty())).isFalse();
    assertThat(ColumnProfile.isIdentifier("Gender", Optional.empty())).isFalse();
  }

  /** Counts of one column per unit, as {@link ColumnCounts#finish} writes them. */
  private static String countsOf(int unit, String... values) {
    ColumnCounts counts = new ColumnCounts(Map.of(unit, new boolean[] {true}), 10, 5);
    ColumnCounts.Buffer buffer = counts.zero();
    for (String value : values) {
      counts.add(buffer, unit, java.util.Arrays.asList(value), null);
    }
    return counts.finish(buffer);
  }

  @Test
  void parseTimeCountsAndCellCountsAreMergedByInputAndMayNotOverlap(SparkSession spark) {
    List<org.detentionaudit.core.load.ProfiledInput> inputs =
        List.of(
            new org.detentionaudit.core.load.ProfiledInput(0, "a.csv", List.of("Gender"), Map.of()),
            new org.detentionaudit.core.load.ProfiledInput(1, "b.parquet", List.of("Gender"), Map.of()),
            new org.detentionaudit.core.load.ProfiledInput(2, "c.csv", List.of("Gender"), Map.of()));
    org.detentionaudit.core.load.RawColumns raw =
        new org.detentionaudit.core.load.RawColumns(null, inputs, countsOf(0, "Male", "Male", "NA"));

    List<Row> rows = ColumnProfile.fromCounts(spark, raw, countsOf(1, "Female")).collectAsList();
    assertThat(rows)
        .extracting(r -> r.getString(0) + " " + r.getLong(3) + " " + r.getLong(4))
        .as("c.csv had no counted rows")
        .containsExactly("a.csv 2 1", "b.parquet 1 0", "c.csv 0 0");
    // Without cells to read, of() reads nothing and gives the same.
    assertThat(ColumnProfile.of(spark, raw).collectAsList())
        .extracting(r -> r.getString(0) + " " + r.getLong(3))
        .containsExactly("a.csv 2", "b.parquet 0", "c.csv 0");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ColumnProfile.fromCounts(spark, raw, countsOf(0, "Female")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("input unit 0");
  }
}

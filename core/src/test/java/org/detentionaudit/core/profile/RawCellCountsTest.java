package org.detentionaudit.core.profile;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.load.RawColumns;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The aggregate over Spark's own cells counts exactly what {@link ColumnCounts} counts on text. */
@ExtendWith(SharedSpark.class)
class RawCellCountsTest {
  private static final int UNIT = 2;

  private static final StructType TEXT_ROWS =
      new StructType()
          .add("input_unit", DataTypes.IntegerType, false)
          .add("cells", DataTypes.createArrayType(DataTypes.StringType, true), false)
          .add("errors", DataTypes.createArrayType(DataTypes.IntegerType, false), true);

  /** Column 0 listed, column 1 an identifier (never listed), column 2 listed. */
  private static ColumnCounts counts(int cap) {
    return new ColumnCounts(Map.of(UNIT, new boolean[] {true, false, true}), cap, 5);
  }

  /** Profiles {@code rows} (of {@link #TEXT_ROWS}) both ways, in 3 partitions so that buffers merge. */
  private static List<Map<Integer, List<ColumnCounts.Result>>> bothWays(
      SparkSession spark, List<Row> rows, int cap) {
    Dataset<Row> table = spark.createDataFrame(rows, TEXT_ROWS).repartition(3);
    String asText =
        table
            .agg(functions.udaf(counts(cap), Encoders.row(ColumnCounts.INPUT))
                .apply(col("input_unit"), col("cells"), col("errors")))
            .first()
            .getString(0);
    String asBytes =
        table
            .agg(
                RawCellCounts.of(
                    counts(cap),
                    col("input_unit"),
                    col("cells"),
                    col("errors"),
                    functions.lit(null).cast(RawColumns.SCHEMA.apply(RawColumns.TIMESTAMPS).dataType())))
            .first()
            .getString(0);
    return List.of(ColumnCounts.parse(asText), ColumnCounts.parse(asBytes));
  }

  private static Row row(List<Integer> errors, String... cells) {
    return RowFactory.create(UNIT, Arrays.asList(cells), errors);
  }

  @Test
  void markersSpacesErrorsAndLongValuesAreCountedAsColumnCountsCountsThem(SparkSession spark) {
    String nearLimit = "é".repeat(400) + "x".repeat(200); // 600 characters, 1,000 bytes
    String overLimitInBytes = "é".repeat(600); // 600 characters but 1,200 bytes: not a stand-in
    String overLimit = "Z".repeat(ColumnCounts.MAX_VALUE_CHARS + 1);
    List<Row> rows = new ArrayList<>();
    String[] firstColumn = {
      " a ", "a", "\ta\n", "NA", "n/a", " N/A ", "", "   ", null, "(b)(6)", " (b)(6), (b)(7)(c) ",
      "[REDACTED]", "redacted", "Redacted ", "B6", "SMITH (b)(6)", "not redacted at all", "REDACTEDX",
      "CENTRO DE DETENCIÓN", "CENTRO DE DETENCIÓN ", "人民", "😀 emoji", "\u0000NUL\u0000", nearLimit,
      overLimitInBytes, overLimit, overLimit + "!", "NAN", "N/AA", "(", "  b) (6 "
    };
    for (int i = 0; i < firstColumn.length; i++) {
      rows.add(row(i % 7 == 3 ? List.of(2) : null, firstColumn[i], "P" + (i % 4), i % 5 == 0 ? null : "v" + (i % 3)));
    }
    rows.add(row(List.of(0, 1, 9), "error here", "P1", "v1"));
    List<Map<Integer, List<ColumnCounts.Result>>> results = bothWays(spark, rows, 1000);

    assertThat(results.get(1)).isEqualTo(results.get(0));
    ColumnCounts.Result first = results.get(1).get(UNIT).get(0);
    assertThat(first.missing()).as("NA, n/a, N/A, two blanks and the null").isEqualTo(6);
    assertThat(first.redacted())
        .as("(b)(6), the citation list, [REDACTED], redacted twice, b) (6")
        .isEqualTo(6);
    assertThat(first.errors()).isEqualTo(1);
    assertThat(first.top()).containsEntry("a", 3L);
  }

  @Test
  void pastTheCapBothGoToTheSameSketch(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 3000; i++) {
      rows.add(row(null, "value " + random.nextInt(2500), "P" + i, i % 2 == 0 ? "even" : "odd"));
    }
    List<Map<Integer, List<ColumnCounts.Result>>> results = bothWays(spark, rows, 50);

    assertThat(results.get(1)).isEqualTo(results.get(0));
    assertThat(results.get(1).get(UNIT).get(0).estimated()).isTrue();
    assertThat(results.get(1).get(UNIT).get(2).top()).containsExactly(Map.entry("even", 1500L), Map.entry("odd", 1500L));
  }

  @Test
  void timestampsAreCountedAsTheirValuesAndListedAsSparkWritesThemAsText(SparkSession spark) {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("booked", DataTypes.TimestampNTZType)
            .add("note", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    LocalDateTime[] times = {
      LocalDateTime.of(2024, 2, 18, 7, 5), LocalDateTime.of(2024, 2, 18, 7, 5, 0, 123_000_000),
      LocalDateTime.of(1950, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 18, 7, 5), null
    };
    for (int i = 0; i < times.length; i++) {
      rows.add(RowFactory.create("P" + i, times[i], "n"));
    }
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    ColumnCounts counts = new ColumnCounts(Map.of(0, new boolean[] {false, true, true}), 1000, 5);
    Column unit = functions.lit(0);
    Column noErrors = functions.lit(null).cast(RawColumns.SCHEMA.apply(RawColumns.ERRORS).dataType());
    String asText =
        table
            .agg(functions.udaf(counts, Encoders.row(ColumnCounts.INPUT))
                .apply(unit, functions.array(col("id"), col("booked").cast("string"), col("note")), noErrors))
            .first()
            .getString(0);
    String asTimestamps =
        table
            .agg(
                RawCellCounts.of(
                    counts,
                    unit,
                    functions.array(col("id"), functions.lit(null).cast("string"), col("note")),
                    noErrors,
                    functions.array(
                        functions.lit(null).cast("timestamp_ntz"), col("booked"), functions.lit(null).cast("timestamp_ntz"))))
            .first()
            .getString(0);

    assertThat(ColumnCounts.parse(asTimestamps)).isEqualTo(ColumnCounts.parse(asText));
    assertThat(ColumnCounts.parse(asTimestamps).get(0).get(1).top())
        .containsExactly(
            Map.entry("2024-02-18 07:05:00", 2L),
            Map.entry("1950-01-01 00:00:00", 1L),
            Map.entry("2024-02-18 07:05:00.123", 1L));
  }

  @Test
  void manyTimestampsAreEstimatedWithinTheSketchsError(SparkSession spark) {
    Dataset<Row> table =
        spark
            .range(0, 20_000)
            .select(
                functions.expr("timestamp_ntz'2020-01-01 00:00:00' + make_interval(0, 0, 0, 0, 0, id, 0)")
                    .as("booked"));
    ColumnCounts counts = new ColumnCounts(Map.of(0, new boolean[] {true}), 1000, 5);
    String json =
        table
            .agg(
                RawCellCounts.of(
                    counts,
                    functions.lit(0),
                    functions.array(functions.lit(null).cast("string")),
                    functions.lit(null).cast(RawColumns.SCHEMA.apply(RawColumns.ERRORS).dataType()),
                    functions.array(col("booked"))))
            .first()
            .getString(0);
    ColumnCounts.Result booked = ColumnCounts.parse(json).get(0).get(0);
    assertThat(booked.values()).isEqualTo(20_000);
    assertThat(booked.estimated()).isTrue();
    assertThat((double) booked.distinct()).isCloseTo(20_000, within(20_000 * 0.03));
  }
}

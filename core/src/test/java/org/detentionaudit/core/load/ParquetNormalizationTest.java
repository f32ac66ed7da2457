package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.layout.LayoutMatch;
import org.detentionaudit.core.normalize.FieldSource;
import org.detentionaudit.core.normalize.NormalizedRecord;
import org.detentionaudit.core.normalize.PlacementNormalizer;
import org.detentionaudit.core.normalize.RedactionMarkerTest;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet path (Spark SQL expressions) gives the same placements, redactions, quarantine
 * reasons and raw text as {@link PlacementNormalizer} (the text path) on the same values.
 */
@ExtendWith(SharedSpark.class)
class ParquetNormalizationTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();
  private final InputLoader loader = new InputLoader(spark, LayoutCatalog.builtIn());

  private static final StructType SCHEMA =
      new StructType()
          .add("unique_identifier", DataTypes.StringType)
          .add("stay_book_in_date_time", DataTypes.DateType)
          .add("book_in_date_time", DataTypes.TimestampNTZType)
          .add("detention_book_out_date_time", DataTypes.StringType)
          .add("stay_book_out_date_time", DataTypes.TimestampType)
          .add("detention_facility_code", DataTypes.StringType)
          .add("detention_facility", DataTypes.StringType)
          .add("detention_release_reason", DataTypes.StringType)
          .add("stay_release_reason", DataTypes.StringType)
          .add("gender", DataTypes.StringType);

  private static List<String> cells() {
    List<String> cells = new ArrayList<>();
    for (String cell : RedactionMarkerTest.MARKERS) {
      cells.add(cell);
      cells.add(" \t" + cell + " ");
    }
    cells.addAll(RedactionMarkerTest.NOT_MARKERS);
    cells.addAll(
        Arrays.asList(
            null, "NA", " n/a ", "\t", "2020-01-05 09:30:00", " 1/5/2020 9:30 ",
            "2020-01-05T09:30:00Z", "2/30/2020 1:00", "13/45/2020 25:61", "(b)(6)\u2028",
            "x".repeat(250)));
    return cells;
  }

  private static Row row(int i, String cell) {
    return RowFactory.create(
        i % 3 == 0 ? cell : "P" + i,
        i % 5 == 0 ? null : java.sql.Date.valueOf("2020-01-02"),
        LocalDateTime.of(2020, 1, 2, 10, 0).plusMinutes(i),
        cell,
        java.sql.Timestamp.from(java.time.Instant.parse("2020-02-01T23:30:00Z")),
        cell,
        i % 2 == 0 ? "ADELANTO" : cell,
        i % 4 == 0 ? "(b)(6)" : cell,
        "Removed",
        "Male");
  }

  private static Object[] javaValues(Row row) {
    Object[] values = new Object[row.length()];
    for (int i = 0; i < row.length(); i++) {
      Object value = row.get(i);
      // What Spark hands to Java for a DATE cast to TIMESTAMP_NTZ, as the old reader did.
      values[i] = value instanceof java.sql.Date date ? date.toLocalDate().atStartOfDay() : value;
    }
    return values;
  }

  @Test
  void parquetRowsNormalizeExactlyAsTheTextRulesDo() {
    List<String> cells = cells();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      rows.add(row(i, cells.get(i)));
    }
    Path file = dir.resolve("cells.parquet");
    spark.createDataFrame(rows, SCHEMA).coalesce(1).write().parquet(file.toString());

    List<String> header = Arrays.asList(SCHEMA.fieldNames());
    LayoutMatch match = LayoutCatalog.builtIn().resolve(header, Optional.empty(), "cells");
    List<FieldSource> sources = new ArrayList<>();
    for (Map.Entry<CanonicalField, Integer> entry : match.fieldPositions().entrySet()) {
      sources.add(new FieldSource(entry.getKey(), entry.getValue(), header.get(entry.getValue())));
    }
    PlacementNormalizer normalizer =
        new PlacementNormalizer(sources, match.layout().timestampParser());

    LoadedDataset dataset = loader.load(List.of(file.toString()), Optional.empty());
    try {
      Map<Long, Row> placements = bySourceRow(dataset.placements().collectAsList());
      Map<Long, Row> quarantine = bySourceRow(dataset.quarantine().collectAsList());
      assertThat(placements.size() + quarantine.size()).isEqualTo(rows.size());
      assertThat(quarantine).isNotEmpty();
      // Written by one task in order, so file row i + 1 is input row i.
      for (int i = 0; i < rows.size(); i++) {
        Object[] values = javaValues(rows.get(i));
        NormalizedRecord expected = normalizer.normalize(values);
        long sourceRow = i + 1;
        String label = "row " + sourceRow + " cell '" + cells.get(i) + "'";
        if (expected instanceof NormalizedRecord.Placement placement) {
          Row actual = placements.get(sourceRow);
          assertThat(actual).as(label).isNotNull();
          for (CanonicalField field : CanonicalField.values()) {
            assertThat((Object) actual.getAs(field.columnName()))
                .as(label + " " + field)
                .isEqualTo(placement.value(field));
          }
          List<String> redacted =
              actual.isNullAt(actual.fieldIndex("redacted_fields"))
                  ? null
                  : actual.getList(actual.fieldIndex("redacted_fields"));
          assertThat(redacted)
              .as(label)
              .isEqualTo(placement.redactedFields().isEmpty() ? null : placement.redactedFields());
        } else {
          Row actual = quarantine.get(sourceRow);
          assertThat(actual).as(label).isNotNull();
          assertThat(actual.<String>getAs("reason"))
              .as(label)
              .isEqualTo(((NormalizedRecord.Rejected) expected).reason());
          StringBuilder raw = new StringBuilder();
          for (FieldSource source : sources) {
            if (raw.length() > 0) {
              raw.append("; ");
            }
            raw.append(source.columnName()).append('=').append(values[source.position()]);
          }
          assertThat(actual.<String>getAs("raw")).as(label).isEqualTo(raw.toString());
        }
      }
      assertThat(dataset.placements().schema()).isEqualTo(PlacementSchema.PLACEMENTS);
    } finally {
      dataset.unpersist();
    }
  }

  private static Map<Long, Row> bySourceRow(List<Row> rows) {
    Map<Long, Row> bySourceRow = new HashMap<>();
    for (Row row : rows) {
      bySourceRow.put(row.<Long>getAs("source_row"), row);
    }
    return bySourceRow;
  }

  @Test
  void partFilesInAFolderWithASpaceKeepTheirNamesAndOrder() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(row(i, "2020-01-05 09:30:00"));
    }
    Path folder = dir.resolve("release 2025");
    spark.createDataFrame(rows, SCHEMA).repartition(3).write().parquet(folder.toString());
    String[] parts =
        Arrays.stream(folder.toFile().listFiles((d, name) -> name.endsWith(".parquet")))
            .map(File::getName)
            .sorted()
            .toArray(String[]::new);
    assertThat(parts).hasSize(3);

    LoadedDataset dataset = loader.load(List.of(folder.toString()), Optional.empty());
    try {
      List<Row> loaded = dataset.placements().orderBy("input_order").collectAsList();
      assertThat(loaded).hasSize(12);
      Map<String, Long> rowsPerFile = new HashMap<>();
      for (Row row : loaded) {
        String sourceFile = row.getAs("source_file");
        long fileIndex = row.<Long>getAs("input_order") / PlacementSchema.INPUT_ORDER_FILE_STRIDE;
        // Files are indexed in path order; each name is the folder as given plus the part name.
        assertThat(sourceFile).isEqualTo(folder + "/" + parts[(int) fileIndex]);
        assertThat(row.<Long>getAs("input_order") % PlacementSchema.INPUT_ORDER_FILE_STRIDE)
            .isEqualTo(row.<Long>getAs("source_row"));
        rowsPerFile.merge(sourceFile, 1L, Long::sum);
      }
      assertThat(rowsPerFile).hasSize(3);
      assertThat(dataset.placements().schema()).isEqualTo(PlacementSchema.PLACEMENTS);
    } finally {
      dataset.unpersist();
    }
  }

  @Test
  void typedTimestampsNeedNoUdfAndNoRowConversion() {
    StructType typed = new StructType();
    for (var field : SCHEMA.fields()) {
      typed =
          field.name().equals("detention_book_out_date_time")
              ? typed.add(field.name(), DataTypes.TimestampNTZType)
              : typed.add(field);
    }
    Row row = row(1, "ADLNTCA");
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    values[3] = LocalDateTime.of(2020, 1, 5, 9, 30);
    Path file = dir.resolve("typed.parquet");
    spark.createDataFrame(List.of(RowFactory.create(values)), typed).write().parquet(file.toString());

    List<InputFile> files =
        new InputExpander(spark.sparkContext().hadoopConfiguration()).expand(List.of(file.toString()));
    ParquetInputReader.ParquetInput input =
        new ParquetInputReader(spark, LayoutCatalog.builtIn())
            .read(0, file.toString(), files, Optional.empty());
    String plan = input.parsed().queryExecution().executedPlan().toString();
    assertThat(plan).doesNotContain("parse_layout_date", "MapElements", "DeserializeToObject");
    // "*(n)" marks the operators that whole-stage code generation compiles.
    assertThat(plan).startsWith("*(1) Project");

    LoadedDataset dataset = loader.load(List.of(file.toString()), Optional.empty());
    assertThat(dataset.cached()).as("Parquet inputs are read directly by each pass").isNull();
    assertThat(dataset.scanRows()).isNotNull();
    assertThat(dataset.inputs().get(0).rowsRead()).isEqualTo(1);
    Row loaded = dataset.placements().first();
    assertThat(loaded.<LocalDateTime>getAs("book_out")).isEqualTo(LocalDateTime.of(2020, 1, 5, 9, 30));
    assertThat(loaded.<LocalDateTime>getAs("stay_book_in"))
        .isEqualTo(LocalDate.of(2020, 1, 2).atStartOfDay());
    dataset.unpersist();
  }
}

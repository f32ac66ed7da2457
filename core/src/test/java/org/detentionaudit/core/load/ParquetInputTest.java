package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class ParquetInputTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();
  private final InputLoader loader = new InputLoader(spark, LayoutCatalog.builtIn());

  /** A snake_case re-save: NTZ book-in, DATE stay book-in, text book-out, long person id. */
  private static final StructType SNAKE_CASE =
      new StructType()
          .add("unique_identifier", DataTypes.LongType)
          .add("stay_book_in_date_time", DataTypes.DateType)
          .add("book_in_date_time", DataTypes.TimestampNTZType)
          .add("detention_book_out_date_time", DataTypes.StringType)
          .add("stay_book_out_date_time", DataTypes.TimestampType)
          .add("detention_facility_code", DataTypes.StringType)
          .add("detention_facility", DataTypes.StringType)
          .add("detention_release_reason", DataTypes.StringType)
          .add("stay_release_reason", DataTypes.StringType)
          .add("gender", DataTypes.StringType);

  private Path writeParquet(String name, List<Row> rows, int files) {
    Path out = dir.resolve(name);
    spark
        .createDataFrame(rows, SNAKE_CASE)
        .coalesce(1)
        .repartition(files)
        .sortWithinPartitions("book_in_date_time")
        .write()
        .parquet(out.toString());
    return out;
  }

  private static Row row(long id, String bookOut, String code) {
    return RowFactory.create(
        id,
        java.sql.Date.valueOf("2020-01-02"),
        LocalDateTime.of(2020, 1, 2, 10, 0).plusMinutes(id),
        bookOut,
        java.sql.Timestamp.from(java.time.Instant.parse("2020-02-01T12:00:00Z")),
        code,
        "ADELANTO ICE PROCESSING CENTER",
        "Transferred",
        "Removed",
        "Male");
  }

  @Test
  void snakeCaseParquetFolderIsReadWithRowIndexAndTypedTimestamps() {
    String previousZone = spark.conf().get("spark.sql.session.timeZone");
    Path folder =
        writeParquet(
            "snake",
            List.of(
                row(1, "2020-01-05 09:30:00", "ADLNTCA"),
                row(2, "1/5/2020 9:30", "(b)(6), (b)(7)c"),
                row(3, "13/45/2020 25:61", "ADLNTCA")),
            1);
    spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    LoadedDataset dataset;
    try {
      dataset = loader.load(List.of(folder.toString()), Optional.empty());
    } finally {
      spark.conf().set("spark.sql.session.timeZone", previousZone);
    }
    try {
      assertThat(dataset.inputs())
          .containsExactly(new InputAccounting(folder.toString(), "parquet", "ddp-2025", 3, 2, 1));
      List<Row> rows = dataset.placements().orderBy("source_row").collectAsList();
      Row first = rows.get(0);
      assertThat(first.<String>getAs("source_file")).startsWith(folder + "/part-").endsWith(".parquet");
      assertThat(first.<Long>getAs("source_row")).isEqualTo(1L);
      assertThat(first.<String>getAs("person_id")).isEqualTo("1");
      assertThat(first.<LocalDateTime>getAs("stay_book_in"))
          .isEqualTo(LocalDate.of(2020, 1, 2).atStartOfDay());
      assertThat(first.<LocalDateTime>getAs("book_in")).isEqualTo(LocalDateTime.of(2020, 1, 2, 10, 1));
      assertThat(first.<LocalDateTime>getAs("book_out")).isEqualTo(LocalDateTime.of(2020, 1, 5, 9, 30));
      assertThat(first.<LocalDateTime>getAs("stay_book_out"))
          .isEqualTo(LocalDateTime.of(2020, 2, 1, 12, 0));
      Row second = rows.get(1);
      assertThat(second.<LocalDateTime>getAs("book_out")).isEqualTo(LocalDateTime.of(2020, 1, 5, 9, 30));
      assertThat(second.isNullAt(second.fieldIndex("facility_code"))).isTrue();
      assertThat(second.<String>getList(second.fieldIndex("redacted_fields")))
          .containsExactly("facility_code");

      Row quarantined = dataset.quarantine().collectAsList().get(0);
      assertThat(quarantined.<Long>getAs("source_row")).isEqualTo(3L);
      assertThat(quarantined.<String>getAs("reason"))
          .isEqualTo(
              "unparseable date in column 'detention_book_out_date_time': '13/45/2020 25:61'");
      assertThat(quarantined.<String>getAs("raw")).contains("detention_book_out_date_time=13/45/2020 25:61");
    } finally {
      dataset.unpersist();
    }
  }

  @Test
  void parquetPartFilesAreNumberedPerFileAndOrderedByPath() {
    Path folder =
        writeParquet(
            "parts", List.of(row(1, null, "A"), row(2, null, "B"), row(3, null, "C"), row(4, null, "D")), 2);
    LoadedDataset dataset = loader.load(List.of(folder.toString()), Optional.empty());
    try {
      Dataset<Row> placements = dataset.placements();
      assertThat(placements.count()).isEqualTo(4);
      List<Row> rows = placements.orderBy("input_order").collectAsList();
      assertThat(rows.stream().map(r -> r.<String>getAs("source_file")).distinct().count())
          .isEqualTo(2);
      for (Row r : rows) {
        long fileIndex = r.<Long>getAs("input_order") / PlacementSchema.INPUT_ORDER_FILE_STRIDE;
        assertThat(r.<Long>getAs("input_order") % PlacementSchema.INPUT_ORDER_FILE_STRIDE)
            .isEqualTo(r.<Long>getAs("source_row"));
        assertThat(fileIndex).isBetween(0L, 1L);
      }
      assertThat(dataset.inputs()).hasSize(1);
      assertThat(dataset.inputs().get(0).rowsRead()).isEqualTo(4);
    } finally {
      dataset.unpersist();
    }
  }

  @Test
  void parquetColumnsAreProfiledAsText() {
    Path out =
        writeParquet(
            "profiled",
            List.of(row(1, "1/5/2020 9:30", "ADLNTCA"), row(2, "(b)(7)(c)", "ADLNTCA"), row(3, null, " ")),
            2);
    LoadedDataset dataset = loader.load(List.of(out.toString()), java.util.Optional.empty());
    try {
      java.util.Map<String, Row> rows =
          org.detentionaudit.core.profile.ColumnProfile.of(spark, dataset.rawColumns())
              .collectAsList()
              .stream()
              .collect(java.util.stream.Collectors.toMap(r -> r.getString(1), r -> r));
      assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(List.of(SNAKE_CASE.fieldNames()));
      Row bookOut = rows.get("detention_book_out_date_time");
      assertThat(bookOut.getString(2)).isEqualTo("book_out");
      assertThat(List.of(bookOut.getLong(3), bookOut.getLong(4), bookOut.getLong(5))).containsExactly(1L, 1L, 1L);
      Row code = rows.get("detention_facility_code");
      assertThat(List.of(code.getLong(3), code.getLong(4))).containsExactly(2L, 1L);
      Row stayBookIn = rows.get("stay_book_in_date_time");
      assertThat(stayBookIn.<Row>getList(8)).extracting(r -> r.getString(0) + "=" + r.getLong(1))
          .containsExactly("2020-01-02=3");
      assertThat(rows.get("unique_identifier").getList(8)).isEmpty();
      assertThat(rows.get("unique_identifier").getLong(7)).isEqualTo(3L);
    } finally {
      dataset.unpersist();
    }
  }
}

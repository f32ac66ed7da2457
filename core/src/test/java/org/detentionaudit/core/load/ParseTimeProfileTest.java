package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detentionaudit.core.load.Ddp2025Rows.HEADER;
import static org.detentionaudit.core.load.Ddp2025Rows.headerLine;
import static org.detentionaudit.core.load.Ddp2025Rows.placement;
import static org.detentionaudit.core.load.Ddp2025Rows.preamble;
import static org.detentionaudit.core.load.Ddp2025Rows.rowLine;
import static org.detentionaudit.core.load.Ddp2025Rows.with;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.profile.ColumnCountsAccumulator;
import org.detentionaudit.core.profile.ColumnProfile;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text files and workbooks are counted for the column profile in the tasks that parse them: the
 * profile equals what reading the file again gave, whatever the byte ranges, and computing it runs
 * no Spark job. A part read only in part adds nothing; a part read again replaces its counts.
 */
@ExtendWith(SharedSpark.class)
class ParseTimeProfileTest {
  private static final int PREAMBLE_LINES = 4;

  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();
  private final InputLoader loader = new InputLoader(spark, LayoutCatalog.builtIn());

  /**
   * A preamble, then 300 records: quoted delimiters, missing ({@code NA}, blank) and redacted
   * values, an unreadable date (quarantined, still counted), and records that do not split into
   * the header's fields (a wrong field count, broken quoting: not counted); blank lines between.
   */
  private Path messyCsv() throws IOException {
    List<String> lines = new ArrayList<>(preamble(PREAMBLE_LINES));
    lines.add(headerLine(',', false));
    for (int i = 1; i <= 300; i++) {
      Map<String, String> row = placement("P" + (i % 97));
      switch (i % 10) {
        case 1 -> row = with(row, "Detention Facility", "JAIL, NORTH \"ANNEX\"");
        case 2 -> row = with(row, "Gender", "NA");
        case 3 -> row = with(row, "Gender", "(b)(6)");
        case 4 -> row = with(row, "Book In Date Time", "13/45/2020 25:61");
        case 5 -> row = with(row, "Religion", "  Catholic ");
        default -> row = with(row, "Citizenship Country", "C" + (i % 7));
      }
      String line = rowLine(row, ',', false);
      if (i % 37 == 0) {
        line = line + ",extra";
      } else if (i % 41 == 0) {
        line = line.replace("Removed", "\"Removed\"x");
      }
      lines.add(line);
      if (i % 50 == 0) {
        lines.add("");
      }
    }
    return Files.write(dir.resolve("messy.csv"), lines, StandardCharsets.UTF_8);
  }

  /** A workbook with one data sheet: text cells, an error cell and a blank cell. */
  private Path workbook() throws IOException {
    Path file = dir.resolve("release.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Data");
      org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
      for (int c = 0; c < HEADER.size(); c++) {
        header.createCell(c).setCellValue(HEADER.get(c));
      }
      for (int r = 1; r <= 20; r++) {
        List<String> cells = Ddp2025Rows.cells(placement("W" + r));
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
        for (int c = 0; c < cells.size(); c++) {
          if (!cells.get(c).isEmpty()) {
            row.createCell(c).setCellValue(cells.get(c));
          }
        }
        if (r % 5 == 0) {
          row.createCell(HEADER.indexOf("Gender")).setCellErrorValue(FormulaError.NA.getCode());
        }
      }
      workbook.write(out);
    }
    return file;
  }

  private LoadedDataset load(Long splitBytes, Path... files) {
    if (splitBytes != null) {
      spark.conf().set(InputLoader.TEXT_SPLIT_BYTES, splitBytes);
    }
    try {
      List<String> paths = new ArrayList<>();
      for (Path file : files) {
        paths.add(file.toString());
      }
      return loader.load(paths, Optional.empty(), Optional.empty(), TextEncoding.given("UTF-8"));
    } finally {
      spark.conf().unset(InputLoader.TEXT_SPLIT_BYTES);
    }
  }

  private static List<String> text(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).toList();
  }

  /**
   * The profile as it was computed before the counts moved into the parse tasks: the file read
   * again past its header, every record that splits into the header's fields a row of raw cells,
   * counted by one aggregation.
   */
  private List<String> reReadProfile(Path file, LoadedDataset dataset) throws IOException {
    Configuration configuration = spark.sparkContext().hadoopConfiguration();
    List<Row> rows = new ArrayList<>();
    try (TextLineSource lines =
        TextFileOpener.open(configuration, file.toUri().toString(), false, TextEncoding.given("UTF-8"))) {
      for (int i = 0; i < PREAMBLE_LINES + 1; i++) {
        lines.readLine();
      }
      new DelimitedRecordReader(lines, ',', HEADER.size(), TextFileSplit.Start.WHOLE_FILE)
          .forEachRemaining(
              record -> {
                if (record.problem() == null) {
                  rows.add(RowFactory.create(0, record.fields().toArray(new String[0]), null, null));
                }
              });
    }
    RawColumns cells =
        new RawColumns(spark.createDataFrame(rows, RawColumns.SCHEMA), dataset.rawColumns().inputs());
    assertThat(cells.parsedCounts()).isNull();
    return text(ColumnProfile.of(spark, cells));
  }

  @Test
  void aCsvIsProfiledInItsParseTasksAsReadingItAgainProfiledIt() throws IOException {
    Path file = messyCsv();
    LoadedDataset whole = load(null, file);
    List<String> expected;
    try {
      expected = reReadProfile(file, whole);
      assertThat(text(ColumnProfile.of(spark, whole.rawColumns()))).isEqualTo(expected);
      assertThat(whole.rawColumns().cells()).as("no raw cells to read again").isNull();
      // The fixture holds what it claims: 8 wrong field counts, 7 broken quotes, and 28 bad dates
      // (30, less records 74 and 164, which do not split).
      assertThat(whole.inputs().get(0).rowsQuarantined()).isEqualTo(8 + 7 + 28);
    } finally {
      whole.unpersist();
    }
    Map<String, Row> profile = new java.util.HashMap<>();
    for (long splitBytes : new long[] {700, 3000, 20_000}) {
      LoadedDataset split = load(splitBytes, file);
      try {
        assertThat(split.cached().rdd().getNumPartitions()).as("%d bytes", splitBytes).isGreaterThan(1);
        Dataset<Row> rows = ColumnProfile.of(spark, split.rawColumns());
        assertThat(text(rows)).as("profile at %d bytes", splitBytes).isEqualTo(expected);
        rows.collectAsList().forEach(r -> profile.put(r.getString(1), r));
      } finally {
        split.unpersist();
      }
    }
    // Counted rows: 300 records less the 15 that do not split (none is both: 37 × 41 > 300).
    Row gender = profile.get("Gender");
    long counted = gender.getLong(3) + gender.getLong(4) + gender.getLong(5) + gender.getLong(6);
    assertThat(counted).isEqualTo(300 - 8 - 7);
    assertThat(gender.getLong(5)).as("redacted (30, less record 123)").isEqualTo(29);
  }

  /** Counts the Spark jobs started while {@code action} runs. */
  private int jobsDuring(Runnable action) throws java.util.concurrent.TimeoutException {
    AtomicInteger jobs = new AtomicInteger();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart jobStart) {
            jobs.incrementAndGet();
          }
        };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(listener);
    try {
      action.run();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    return jobs.get();
  }

  @Test
  void theProfileOfTextAndWorkbookInputsRunsNoJobAndAParquetInputsDoes() throws Exception {
    Path csv = messyCsv();
    Path xlsx = workbook();
    LoadedDataset dataset = load(null, csv, xlsx);
    try {
      List<Dataset<Row>> profile = new ArrayList<>();
      assertThat(jobsDuring(() -> profile.add(ColumnProfile.of(spark, dataset.rawColumns())))).isZero();
      assertThat(profile.get(0).queryExecution().analyzed()).isInstanceOf(LocalRelation.class);
      Row gender =
          profile.get(0).filter("input = '" + xlsx + "' and column = 'Gender'").first();
      assertThat(List.of(gender.getLong(3), gender.getLong(6))).as("values, errors").containsExactly(16L, 4L);
    } finally {
      dataset.unpersist();
    }

    // Near miss: a Parquet input's cells are read again, by one job; the text input's are not.
    Path parquet = dir.resolve("trimmed.parquet");
    StructType schema =
        new StructType()
            .add("unique_identifier", DataTypes.StringType)
            .add("book_in_date_time", DataTypes.StringType)
            .add("detention_facility_code", DataTypes.StringType);
    spark
        .createDataFrame(
            List.of(RowFactory.create("Q1", "2021-03-04 05:06:07", "CSCNWWA")), schema)
        .coalesce(1)
        .write()
        .parquet(parquet.toString());
    LoadedDataset mixed = load(null, csv, parquet);
    try {
      assertThat(mixed.rawColumns().cells()).isNotNull();
      assertThat(jobsDuring(() -> ColumnProfile.of(spark, mixed.rawColumns()))).isPositive();
      Row code =
          ColumnProfile.of(spark, mixed.rawColumns())
              .filter("column = 'detention_facility_code'")
              .first();
      assertThat(List.of(code.getLong(3), code.getLong(7))).containsExactly(1L, 1L);
      Row csvCode =
          ColumnProfile.of(spark, mixed.rawColumns())
              .filter("column = 'Detention Facility Code'")
              .first();
      assertThat(csvCode.getLong(3)).isEqualTo(300 - 8 - 7);
    } finally {
      mixed.unpersist();
    }
  }

  /** The parse output of {@code splits}, counting into {@code counts} (static: no test in the closure). */
  private static JavaRDD<Row> parse(
      JavaSparkContext jsc,
      List<TextFileSplit> splits,
      Broadcast<HadoopConfigurationCarrier> carrier,
      ColumnCountsAccumulator counts) {
    return jsc.parallelize(splits, splits.size())
        .flatMap(split -> TextFileParser.open(split, carrier.value().configuration(), counts));
  }

  @Test
  void aSplitReadInPartAddsNothingAndASplitReadAgainReplacesItsCounts() throws Exception {
    Path file = messyCsv();
    Configuration configuration = spark.sparkContext().hadoopConfiguration();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    InputFile input = new InputExpander(configuration).expand(List.of(file.toString())).get(0);
    TextEncoding encoding = TextEncoding.given("UTF-8");
    TextFileHeader header =
        new TextHeaderSniffer(configuration, LayoutCatalog.builtIn()).sniff(input, encoding, Optional.empty());
    TextFilePlan plan = InputLoader.textPlan(input, 0, header, encoding);
    Broadcast<HadoopConfigurationCarrier> carrier =
        jsc.broadcast(new HadoopConfigurationCarrier(configuration));
    List<TextFileSplit> splits;
    spark.conf().set(InputLoader.TEXT_SPLIT_BYTES, 3000L);
    try {
      splits = new TextFileSplitter(spark, configuration).split(List.of(plan), carrier);
    } finally {
      spark.conf().unset(InputLoader.TEXT_SPLIT_BYTES);
    }
    assertThat(splits).hasSizeGreaterThan(1);
    ColumnCountsAccumulator counts =
        ColumnCountsAccumulator.registered(
            spark.sparkContext(),
            List.of(new ProfiledInput(0, input.sourceName(), header.match().header(), Map.of())));
    JavaRDD<Row> rows = parse(jsc, splits, carrier, counts);

    assertThat(rows.take(1)).hasSize(1);
    assertThat(counts.isZero()).as("a split read in part").isTrue();

    assertThat(rows.count()).isEqualTo(300);
    String once = counts.value();
    // Read again (as a retried task or an evicted cached partition would be): replaced, not added.
    assertThat(rows.count()).isEqualTo(300);
    assertThat(counts.value()).isEqualTo(once);
    LoadedDataset loaded = load(3000L, file);
    try {
      assertThat(once).isEqualTo(loaded.rawColumns().parsedCounts());
    } finally {
      loaded.unpersist();
    }
  }

  @Test
  void aWorkbookReadInPartAddsNothing() throws IOException {
    Path file = workbook();
    Configuration configuration = spark.sparkContext().hadoopConfiguration();
    InputFile input = new InputExpander(configuration).expand(List.of(file.toString())).get(0);
    WorkbookPlan plan =
        new WorkbookSheetSniffer(configuration, LayoutCatalog.builtIn())
            .choose(input, 0, Optional.empty(), Optional.empty())
            .plan();
    ColumnCountsAccumulator counts =
        ColumnCountsAccumulator.registered(
            spark.sparkContext(),
            List.of(new ProfiledInput(0, input.sourceName(), WorkbookColumns.of(plan).names(), Map.of())));

    Iterator<Row> partly = WorkbookParser.open(plan, configuration, counts);
    partly.next();
    assertThat(counts.isZero()).isTrue();

    Iterator<Row> whole = WorkbookParser.open(plan, configuration, counts);
    int rows = 0;
    while (whole.hasNext()) {
      whole.next();
      rows++;
    }
    assertThat(rows).isEqualTo(20);
    LoadedDataset loaded = load(null, file);
    try {
      assertThat(counts.value()).isEqualTo(loaded.rawColumns().parsedCounts());
    } finally {
      loaded.unpersist();
    }
  }
}

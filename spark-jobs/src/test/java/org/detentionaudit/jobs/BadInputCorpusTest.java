package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.load.InputAccounting;
import org.detentionaudit.core.load.InputLoader;
import org.detentionaudit.core.load.LoadedDataset;
import org.detentionaudit.core.profile.ColumnProfile;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.core.testing.TestWorkbooks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-inputs/}, described in its README): each case
 * of {@code cases.csv} is one audit of one malformed input on the command line, with its expected
 * exit status, a fragment of its console message, its rows read, loaded and quarantined, and checks
 * of the figures the malformation must not move. An input is a committed file or, where a file
 * would be large or binary, a recipe below that builds it from {@code base.csv}.
 */
@ExtendWith(SharedSpark.class)
class BadInputCorpusTest {
  private static final String CORPUS = "/bad-inputs/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(CORPUS + "cases.csv");
        CSVParser parser =
            CSVFormat.DEFAULT.builder()
                .setDelimiter('|')
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (CSVRecord record : parser) {
        cases.add(Arguments.of(record.get("case"), Case.of(record)));
      }
    }
    return cases.stream();
  }

  /** One line of cases.csv. */
  record Case(
      String input,
      List<String> args,
      int exit,
      String console,
      Long rowsRead,
      Long rowsLoaded,
      Long rowsQuarantined,
      List<String> checks) {
    static Case of(CSVRecord r) {
      return new Case(
          r.get("input"),
          r.get("args").isBlank() ? List.of() : List.of(r.get("args").split(" ")),
          Integer.parseInt(r.get("exit")),
          r.get("console"),
          number(r.get("rows_read")),
          number(r.get("rows_loaded")),
          number(r.get("rows_quarantined")),
          r.get("checks").isBlank() ? List.of() : List.of(r.get("checks").split(";")));
    }

    private static Long number(String text) {
      return text.isBlank() ? null : Long.parseLong(text);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBadInputEndsAsTheCorpusSays(String name, Case c, SparkSession spark) throws IOException {
    Path input = c.input().startsWith("recipe:") ? recipe(c.input().substring(7), spark) : corpusFile(c.input());
    Path output = dir.resolve("out");
    List<String> command = new ArrayList<>(List.of("audit", "--input", input.toString()));
    for (String arg : c.args()) {
      if (arg.equals("output-under-a-file")) {
        output = Files.writeString(dir.resolve("a-file"), "not a folder").resolve("out");
      } else {
        command.add(arg);
      }
    }
    command.addAll(List.of("--output", output.toString(), "-q"));
    CommandRun run = CommandRun.of(command.toArray(new String[0]));

    assertThat(run.status()).as("exit status; stderr:\n%s", run.err()).isEqualTo(c.exit());
    if (c.exit() == ExitCodes.USAGE_OR_INPUT) {
      assertThat(run.err()).contains(c.console());
      assertThat(run.err().strip())
          .as("one paragraph, no stack trace, no log lines")
          .doesNotContain("\n\n")
          .doesNotContain("\tat ")
          .doesNotContain("Exception")
          .doesNotContain(" WARN ")
          .doesNotContain(" ERROR ");
      assertThat(Files.exists(output)).as("output %s exists", output).isFalse();
      assertThat(hiddenLeftovers()).isEmpty();
      return;
    }
    assertThat(run.out() + run.err()).contains(c.console());
    JsonNode summary = JSON.readTree(output.resolve("summary.json").toFile());
    JsonNode in = summary.get("inputs").get(0);
    assertThat(in.get("rows_read").asLong()).as("rows read").isEqualTo(c.rowsRead());
    assertThat(in.get("rows_loaded").asLong()).as("rows loaded").isEqualTo(c.rowsLoaded());
    assertThat(in.get("rows_quarantined").asLong()).as("rows quarantined").isEqualTo(c.rowsQuarantined());
    for (String check : c.checks()) {
      check(check, summary, output, spark);
    }
    try (Stream<Path> files = Files.walk(output)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no checksum files").noneMatch(f -> f.endsWith(".crc"));
    }
  }

  /**
   * Every text case, read by several tasks over byte ranges (about eight per file), loads exactly
   * as when one task reads it: the same parse output (rows, reasons, {@code source_row}s, line
   * counts), column profile (counted in the parse tasks) and accounting, or the same error. A file with a line ending inside quotes
   * ({@code unclosed-quote}), a gzip file and a file without data are read by one task.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachTextCaseLoadsTheSameReadInByteRanges(String name, Case c, SparkSession spark) throws IOException {
    Path input = c.input().startsWith("recipe:") ? recipe(c.input().substring(7), spark) : corpusFile(c.input());
    String file = input.getFileName().toString();
    Assumptions.assumeTrue(
        file.endsWith(".csv") || file.endsWith(".csv.gz"), "a text case (not a workbook or Parquet)");
    Loaded whole = load(input, spark, null);
    Loaded split = load(input, spark, Math.max(16, Files.size(input) / 8));
    assertThat(split.error()).as("error").isEqualTo(whole.error());
    assertThat(split.parsed()).as("parse output").isEqualTo(whole.parsed());
    assertThat(split.profile()).as("column profile").isEqualTo(whole.profile());
    assertThat(split.inputs()).as("accounting").isEqualTo(whole.inputs());
    boolean readWhole =
        whole.error() != null || file.endsWith(".gz") || name.equals("unclosed-quote");
    if (readWhole) {
      assertThat(split.partitions()).as("partitions").isEqualTo(whole.partitions());
    } else {
      assertThat(split.partitions()).as("partitions").isGreaterThan(1);
    }
  }

  /** What loading an input gives, as text: the parse output, column profile, accounting, or the error. */
  record Loaded(
      List<String> parsed, List<String> profile, List<InputAccounting> inputs, int partitions, String error) {}

  private static Loaded load(Path input, SparkSession spark, Long splitBytes) {
    if (splitBytes != null) {
      spark.conf().set(InputLoader.TEXT_SPLIT_BYTES, splitBytes);
    }
    LoadedDataset loaded = null;
    try {
      loaded = new InputLoader(spark, LayoutCatalog.builtIn()).load(List.of(input.toString()), Optional.empty());
      return new Loaded(
          loaded.cached().collectAsList().stream().map(Object::toString).toList(),
          ColumnProfile.of(spark, loaded.rawColumns()).collectAsList().stream().map(Object::toString).toList(),
          loaded.inputs(),
          loaded.cached().rdd().getNumPartitions(),
          null);
    } catch (InputException e) {
      return new Loaded(List.of(), List.of(), List.of(), 0, e.getMessage());
    } finally {
      spark.conf().unset(InputLoader.TEXT_SPLIT_BYTES);
      if (loaded != null) {
        loaded.unpersist();
      }
    }
  }

  private static void check(String check, JsonNode summary, Path output, SparkSession spark) {
    String[] kv = check.split("=", 2);
    String key = kv[0];
    String value = kv[1];
    JsonNode cost = summary.get("cost");
    switch (key) {
      case "bed_days" -> assertThat(cost.get("bed_days").asLong()).as(check).isEqualTo(Long.parseLong(value));
      case "bed_days<" -> assertThat(cost.get("bed_days").asLong()).as(check).isLessThanOrEqualTo(Long.parseLong(value));
      case "estimated_cost" -> assertThat(cost.get("estimated_cost").asDouble()).as(check).isEqualTo(Double.parseDouble(value));
      case "estimated_cost<" ->
          assertThat(cost.get("estimated_cost").asDouble()).as(check).isLessThanOrEqualTo(Double.parseDouble(value));
      case "extract_date" -> assertThat(summary.get("extract_date").asText()).as(check).startsWith(value);
      case "people" -> assertThat(summary.get("dataset").get("people").asLong()).as(check).isEqualTo(Long.parseLong(value));
      case "encoding" ->
          assertThat(summary.get("inputs").get(0).path("encoding").asText()).as(check).startsWithIgnoringCase(value);
      case "quarantined_rows" ->
          assertThat(
                  spark.read().parquet(output.resolve("quarantine.parquet").toString()).orderBy("source_row")
                      .collectAsList().stream()
                      .map(r -> String.valueOf((Long) r.getAs("source_row")))
                      .toList())
              .as(check)
              .containsExactly(value.split(","));
      case "profile_errors" ->
          assertThat(
                  spark.read().parquet(output.resolve("profile.parquet").toString())
                      .agg(functions.sum("errors")).first().getLong(0))
              .as(check)
              .isEqualTo(Long.parseLong(value));
      case "facility_name" ->
          assertThat(
                  spark.read().parquet(output.resolve("facilities.parquet").toString())
                      .select(functions.explode(new Column("names_seen")))
                      .as(org.apache.spark.sql.Encoders.STRING())
                      .collectAsList())
              .as(check)
              .contains(value);
      default -> {
        if (key.startsWith("failed:")) {
          String rule = key.substring(7);
          JsonNode row = ruleRow(summary, rule);
          assertThat(row.get("records_failed").asLong()).as(check).isEqualTo(Long.parseLong(value));
        } else if (key.startsWith("detail:")) {
          String rule = key.substring(7);
          Dataset<org.apache.spark.sql.Row> findings =
              spark.read().parquet(output.resolve("findings.parquet").toString()).where(new Column("rule_id").equalTo(rule));
          assertThat(findings.select("detail").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
              .as(check)
              .anySatisfy(detail -> assertThat(detail).contains(value));
        } else {
          fail("unknown check in cases.csv: " + check);
        }
      }
    }
  }

  private static JsonNode ruleRow(JsonNode summary, String rule) {
    for (JsonNode row : summary.get("rules")) {
      if (row.get("rule_id").asText().equals(rule)) {
        return row;
      }
    }
    throw new AssertionError("summary.json has no rule " + rule);
  }

  private List<Path> hiddenLeftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  private static Path corpusFile(String name) {
    try {
      return Path.of(BadInputCorpusTest.class.getResource(CORPUS + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- recipes: inputs too large or too binary to commit, built from base.csv ----

  private Path recipe(String name, SparkSession spark) throws IOException {
    Base base = Base.read();
    return switch (name) {
      case "line-of-50-mb" -> base.withField(dir.resolve("line-of-50-mb.csv"), 5, "Final Charge", 50 * 1024 * 1024);
      case "cell-of-1-mb" -> base.withField(dir.resolve("cell-of-1-mb.csv"), 5, "Detention Facility", 1024 * 1024);
      case "ten-thousand-extra-fields" -> {
        List<String> rows = new ArrayList<>(base.rows());
        rows.set(4, rows.get(4) + ",x".repeat(10_000));
        yield base.write(dir.resolve("ten-thousand-extra-fields.csv"), rows);
      }
      case "workbook-error-cells" -> {
        Path xlsx = workbook(base, dir.resolve("error-cells.xlsx"));
        yield xlsx;
      }
      case "workbook-bloated-styles" -> {
        Path xlsx = workbook(base, dir.resolve("bloated-styles.xlsx"));
        TestWorkbooks.bloatStyles(xlsx, 12_500);
        assertThat(TestWorkbooks.partSize(xlsx, TestWorkbooks.STYLES)).isGreaterThan(1_800_000);
        yield xlsx;
      }
      case "workbook-truncated" -> {
        Path whole = workbook(base, dir.resolve("whole.xlsx"));
        byte[] bytes = Files.readAllBytes(whole);
        yield Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
      }
      case "workbook-encrypted" -> {
        Path plain = workbook(base, dir.resolve("plain.xlsx"));
        Path encrypted = dir.resolve("encrypted.xlsx");
        TestWorkbooks.encrypt(plain, encrypted, "s3cret");
        yield encrypted;
      }
      case "parquet-truncated-footer" -> {
        byte[] bytes = Files.readAllBytes(parquet(base, spark, functions.col("book_in_date_time")));
        yield Files.write(dir.resolve("truncated-footer.parquet"), Arrays.copyOf(bytes, bytes.length - 64));
      }
      case "parquet-broken-page" -> {
        byte[] bytes = Files.readAllBytes(parquet(base, spark, functions.col("book_in_date_time")));
        Arrays.fill(bytes, bytes.length / 4, bytes.length / 4 + 512, (byte) 0xFF);
        yield Files.write(dir.resolve("broken-page.parquet"), bytes);
      }
      case "parquet-not-parquet" -> Files.copy(corpusFile("base.csv"), dir.resolve("not-parquet.parquet"));
      case "parquet-book-in-integer" ->
          parquet(base, spark, functions.date_format(functions.col("book_in_date_time"), "yyyyMMdd").cast("int"));
      case "parquet-year-192102" -> parquetWithBookOutOfRow2InYear192102(base, spark);
      default -> throw new IllegalArgumentException("no recipe " + name);
    };
  }

  /** base.csv: the header and 30 rows of the bundled generated DDP-2025 sample. */
  record Base(String header, List<String> rows) {
    static Base read() throws IOException {
      List<String> lines = Files.readAllLines(corpusFile("base.csv"), StandardCharsets.UTF_8);
      return new Base(lines.get(0), lines.subList(1, lines.size()));
    }

    List<String> columns() {
      return List.of(header.split(","));
    }

    Path write(Path file, List<String> rows) throws IOException {
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(header + "\n");
        for (String row : rows) {
          out.write(row + "\n");
        }
      }
      return file;
    }

    /** The base with one field of data row {@code row} (from 1) set to {@code size} letters. */
    Path withField(Path file, int row, String column, int size) throws IOException {
      int index = columns().indexOf(column);
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(header + "\n");
        for (int i = 0; i < rows.size(); i++) {
          if (i + 1 != row) {
            out.write(rows.get(i) + "\n");
            continue;
          }
          List<String> fields = List.of(rows.get(i).split(",", -1));
          for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
              out.write(',');
            }
            if (f == index) {
              char[] chunk = new char[1 << 16];
              Arrays.fill(chunk, 'X');
              for (int written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, size - written));
              }
            } else {
              out.write(fields.get(f));
            }
          }
          out.write('\n');
        }
      }
      return file;
    }
  }

  /** The base as a workbook (text cells); the Gender cells of rows 3 and 4 are error cells. */
  private static Path workbook(Base base, Path file) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        CSVParser parser =
            CSVFormat.DEFAULT.parse(Files.newBufferedReader(corpusFile("base.csv"), StandardCharsets.UTF_8))) {
      Sheet sheet = workbook.createSheet("Placements");
      int gender = base.columns().indexOf("Gender");
      int r = 0;
      for (CSVRecord record : parser) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < record.size(); c++) {
          if (!record.get(c).isEmpty()) {
            row.createCell(c).setCellValue(record.get(c));
          }
        }
        if ((r == 3 || r == 4) && gender >= 0) {
          row.createCell(gender).setCellErrorValue(r == 3 ? FormulaError.NA.getCode() : FormulaError.REF.getCode());
        }
        r++;
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
    return file;
  }

  /**
   * The base as one Parquet file with snake_case columns (as the bundled Parquet sample), the
   * timestamps as timestamps and {@code bookIn} as the book-in column.
   */
  private Path parquet(Base base, SparkSession spark, Column bookIn) {
    Dataset<org.apache.spark.sql.Row> rows = baseFrame(spark).withColumn("book_in_date_time", bookIn);
    return writeOne(rows, "base");
  }

  private Path parquetWithBookOutOfRow2InYear192102(Base base, SparkSession spark) {
    // 6.0e12 seconds after 1970 is in the year 192,103; row 2 was booked out in 2015.
    Dataset<org.apache.spark.sql.Row> rows =
        baseFrame(spark)
            .withColumn(
                "detention_book_out_date_time",
                functions.when(
                        functions.col("row").equalTo(2), functions.timestamp_seconds(functions.lit(6_000_000_000_000L)))
                    .otherwise(functions.col("detention_book_out_date_time")));
    return writeOne(rows.drop("row"), "year-192102");
  }

  private static Dataset<org.apache.spark.sql.Row> baseFrame(SparkSession spark) {
    Dataset<org.apache.spark.sql.Row> csv =
        spark.read().option("header", "true").csv(corpusFile("base.csv").toString());
    List<Column> columns = new ArrayList<>();
    for (String name : csv.columns()) {
      String snake = name.toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
      Column column = functions.col("`" + name + "`");
      if (snake.endsWith("date_time")) {
        column = functions.to_timestamp(column, "yyyy-MM-dd HH:mm:ss");
      }
      columns.add(column.as(snake));
    }
    columns.add(functions.monotonically_increasing_id().plus(1).as("row"));
    return csv.coalesce(1).select(columns.toArray(new Column[0]));
  }

  private Path writeOne(Dataset<org.apache.spark.sql.Row> rows, String name) {
    Path folder = dir.resolve("parquet-" + name);
    SparkSession spark = rows.sparkSession();
    String previous = spark.conf().get("spark.sql.parquet.outputTimestampType");
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    try {
      (rows.columns()[rows.columns().length - 1].equals("row") ? rows.drop("row") : rows)
          .coalesce(1)
          .write()
          .parquet(folder.toString());
    } finally {
      spark.conf().set("spark.sql.parquet.outputTimestampType", previous);
    }
    try (Stream<Path> files = Files.list(folder)) {
      Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      return Files.move(part, dir.resolve(name + ".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

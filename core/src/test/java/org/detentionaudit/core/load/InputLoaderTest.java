package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SharedSpark.class)
class InputLoaderTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();
  private final InputLoader loader = new InputLoader(spark, LayoutCatalog.builtIn());
  private final List<LoadedDataset> loaded = new ArrayList<>();

  @AfterEach
  void unpersist() {
    loaded.forEach(LoadedDataset::unpersist);
  }

  private LoadedDataset load(Path... inputs) {
    List<String> paths = Arrays.stream(inputs).map(Path::toString).toList();
    LoadedDataset dataset = loader.load(paths, Optional.empty());
    loaded.add(dataset);
    return dataset;
  }

  private Path write(String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static List<Row> placementsBySourceRow(LoadedDataset dataset) {
    return dataset.placements().orderBy("source_file", "source_row").collectAsList();
  }

  private static LocalDateTime at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute);
  }

  @Test
  void placementsHaveTheContractSchemaInOrder() throws IOException {
    Path csv =
        write("plain.csv", List.of(headerLine(',', false), rowLine(placement("P1"), ',', false)));
    LoadedDataset dataset = load(csv);
    StructType schema = dataset.placements().schema();
    assertThat(schema.simpleString())
        .isEqualTo(
            "struct<source_file:string,source_row:bigint,input_order:bigint,person_id:string,"
                + "stay_book_in:timestamp_ntz,book_in:timestamp_ntz,book_out:timestamp_ntz,"
                + "stay_book_out:timestamp_ntz,facility_code:string,facility_name:string,"
                + "release_reason:string,stay_release_reason:string,redacted_fields:array<string>>");
    assertThat(dataset.quarantine().schema().simpleString())
        .isEqualTo("struct<source_file:string,source_row:bigint,raw:string,reason:string>");
    assertThat(dataset.availableFields()).containsExactlyInAnyOrder(CanonicalField.values());
  }

  @Test
  void plainCsvRowIsNormalizedToCanonicalValues() throws IOException {
    Path csv =
        write("plain.csv", List.of(headerLine(',', false), rowLine(placement("P1"), ',', false)));
    Row row = placementsBySourceRow(load(csv)).get(0);
    assertThat(row.<String>getAs("source_file")).isEqualTo(csv.toString());
    assertThat(row.<Long>getAs("source_row")).isEqualTo(1L);
    assertThat(row.<Long>getAs("input_order")).isEqualTo(1L);
    assertThat(row.<String>getAs("person_id")).isEqualTo("P1");
    assertThat(row.<LocalDateTime>getAs("stay_book_in")).isEqualTo(at(2020, 1, 2, 10, 0));
    assertThat(row.<LocalDateTime>getAs("book_in")).isEqualTo(at(2020, 1, 2, 10, 0));
    assertThat(row.<LocalDateTime>getAs("book_out")).isEqualTo(at(2020, 1, 5, 9, 30));
    assertThat(row.<LocalDateTime>getAs("stay_book_out")).isEqualTo(at(2020, 2, 1, 12, 0));
    assertThat(row.<String>getAs("facility_code")).isEqualTo("ADLNTCA");
    assertThat(row.<String>getAs("facility_name")).isEqualTo("ADELANTO ICE PROCESSING CENTER");
    assertThat(row.<String>getAs("release_reason")).isEqualTo("Transferred");
    assertThat(row.<String>getAs("stay_release_reason")).isEqualTo("Removed");
    assertThat(row.isNullAt(row.fieldIndex("redacted_fields"))).isTrue();
  }

  @ParameterizedTest(name = "preamble of {0} lines")
  @ValueSource(ints = {4, 5, 6, 21})
  void preambleBeforeHeaderIsSkipped(int preambleLines) throws IOException {
    List<String> lines = new ArrayList<>(preamble(preambleLines));
    lines.add(headerLine(',', false));
    lines.add(rowLine(placement("P1"), ',', false));
    lines.add(rowLine(placement("P2"), ',', false));
    LoadedDataset dataset = load(write("preamble-" + preambleLines + ".csv", lines));
    List<Row> rows = placementsBySourceRow(dataset);
    assertThat(rows).extracting(r -> r.<String>getAs("person_id")).containsExactly("P1", "P2");
    assertThat(rows).extracting(r -> r.<Long>getAs("source_row")).containsExactly(1L, 2L);
    assertThat(dataset.inputs().get(0).layout()).isEqualTo("ddp-2025");
    assertThat(dataset.inputs().get(0).rowsRead()).isEqualTo(2);
  }

  @Test
  void pipeDelimitedWithAllFieldsQuotedAndPreamble() throws IOException {
    List<String> lines = new ArrayList<>();
    preamble(6).forEach(line -> lines.add(line.isEmpty() ? "" : '"' + line + '"'));
    lines.add(headerLine('|', true));
    lines.add(rowLine(with(placement("P1"), "Detention Facility", "JAIL, \"NORTH\" | WING"), '|', true));
    LoadedDataset dataset = load(write("stints-quoted.txt", lines));
    Row row = placementsBySourceRow(dataset).get(0);
    assertThat(row.<String>getAs("facility_name")).isEqualTo("JAIL, \"NORTH\" | WING");
    assertThat(row.<LocalDateTime>getAs("book_in")).isEqualTo(at(2020, 1, 2, 10, 0));
    assertThat(dataset.inputs().get(0).format()).isEqualTo("pipe");
  }

  @Test
  void tabDelimitedIsDetected() throws IOException {
    Path tsv =
        write("stints.tsv", List.of(headerLine('\t', false), rowLine(placement("P1"), '\t', false)));
    LoadedDataset dataset = load(tsv);
    assertThat(placementsBySourceRow(dataset).get(0).<String>getAs("person_id")).isEqualTo("P1");
    assertThat(dataset.inputs().get(0).format()).isEqualTo("tsv");
  }

  @Test
  void tabDelimitedTxtIsDetectedFromTheHeader() throws IOException {
    Path txt =
        write("stints-tab.txt", List.of(headerLine('\t', false), rowLine(placement("P1"), '\t', false)));
    assertThat(load(txt).inputs().get(0).format()).isEqualTo("tsv");
  }

  @Test
  void gzipCsvIsStreamedThroughGunzip() throws IOException {
    Path gz = dir.resolve("stints.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      String text =
          String.join(
              "\n",
              headerLine(',', false),
              rowLine(placement("P1"), ',', false),
              rowLine(placement("P2"), ',', false));
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    LoadedDataset dataset = load(gz);
    assertThat(dataset.placements().count()).isEqualTo(2);
    assertThat(dataset.inputs().get(0).format()).isEqualTo("csv.gz");
  }

  @Test
  void quotedValueSpanningLinesIsOneRecord() throws IOException {
    Path csv =
        write(
            "multiline-quoted.csv",
            List.of(
                headerLine(',', false),
                rowLine(with(placement("P1"), "Detention Facility", "LINE ONE\nLINE TWO"), ',', false),
                rowLine(placement("P2"), ',', false)));
    List<Row> rows = placementsBySourceRow(load(csv));
    assertThat(rows).extracting(r -> r.<String>getAs("facility_name"))
        .containsExactly("LINE ONE\nLINE TWO", "ADELANTO ICE PROCESSING CENTER");
    assertThat(rows).extracting(r -> r.<Long>getAs("source_row")).containsExactly(1L, 2L);
  }

  @Test
  void aMultiLineRecordIsOneRowReadAndItsLinesAreAccounted() throws IOException {
    Path csv =
        write(
            "multiline-accounting.csv",
            List.of(
                headerLine(',', false),
                rowLine(with(placement("P1"), "Detention Facility", "ONE\nTWO\nTHREE"), ',', false),
                "",
                rowLine(placement("P2"), ',', false)));
    InputAccounting accounting = load(csv).inputs().get(0);
    assertThat(accounting.rowsRead()).isEqualTo(2);
    assertThat(accounting.text())
        .isEqualTo(new InputAccounting.Text("UTF-8", "detected: valid UTF-8", 5, 1, 2, 1));
  }

  @Test
  void aStrayQuoteAtTheEndOfLine101CostsThatLineOnly() throws IOException {
    // 200 data rows; row 100 (line 101 of the file) ends with an opening quote, and row 101 holds a
    // quoted value with a comma, which closed the stray quote: before, rows 100 and 101 became one
    // quarantined record, rows read was 199 and every later source_row one short.
    List<String> lines = new ArrayList<>();
    lines.add(headerLine(',', false));
    for (int i = 1; i <= 200; i++) {
      String facility = i == 101 ? "JAIL, NORTH" : "ADELANTO";
      lines.add(rowLine(with(placement("P" + i), "Detention Facility", facility), ',', false));
    }
    lines.set(100, lines.get(100) + ",\"");
    Path csv = write("line-101.csv", lines);
    LoadedDataset dataset = load(csv);

    InputAccounting accounting = dataset.inputs().get(0);
    assertThat(accounting.rowsRead()).isEqualTo(200);
    assertThat(accounting.rowsLoaded()).isEqualTo(199);
    assertThat(accounting.rowsQuarantined()).isEqualTo(1);
    assertThat(accounting.text().physicalLines()).isEqualTo(200);
    Row quarantined = dataset.quarantine().collectAsList().get(0);
    assertThat(quarantined.<Long>getAs("source_row")).isEqualTo(100L);
    assertThat(quarantined.<String>getAs("raw")).isEqualTo(lines.get(100));
    assertThat(quarantined.<String>getAs("reason")).isEqualTo(DelimitedRecordReader.UNCLOSED_QUOTE);
    List<Row> rows = placementsBySourceRow(dataset);
    assertThat(rows).hasSize(199);
    assertThat(rows.get(99).<String>getAs("person_id")).isEqualTo("P101");
    assertThat(rows.get(99).<String>getAs("facility_name")).isEqualTo("JAIL, NORTH");
    assertThat(rows).allSatisfy(
        r -> assertThat(r.<String>getAs("person_id")).isEqualTo("P" + r.<Long>getAs("source_row")));
  }

  @Test
  void redactionsBecomeNullAndAreListedPerRow() throws IOException {
    Path csv =
        write(
            "redacted.csv",
            List.of(
                headerLine(',', false),
                rowLine(
                    with(
                        with(placement("(b)(6), (b)(7)c"), "Detention Facility Code", "b)(4)"),
                        "Detention Release Reason",
                        "NA"),
                    ',',
                    false)));
    Row row = placementsBySourceRow(load(csv)).get(0);
    assertThat(row.isNullAt(row.fieldIndex("person_id"))).isTrue();
    assertThat(row.isNullAt(row.fieldIndex("facility_code"))).isTrue();
    assertThat(row.isNullAt(row.fieldIndex("release_reason"))).isTrue();
    assertThat(row.<String>getList(row.fieldIndex("redacted_fields")))
        .containsExactly("person_id", "facility_code");
  }

  @Test
  void unreadableRowsAreQuarantinedWithExactRowAndRawText() throws IOException {
    String good = rowLine(placement("P1"), ',', false);
    String shortRow = "1/2/2020 10:00,1/2/2020 10:00,ADELANTO";
    String brokenQuote = rowLine(with(placement("P3"), "Detention Facility", "X"), ',', false)
        .replace(",X,", ",\"X\"Y,");
    String badDate =
        rowLine(with(placement("P4"), "Book In Date Time", "13/45/2020 25:61"), ',', false);
    Path csv =
        write(
            "defects.csv",
            List.of(headerLine(',', false), good, shortRow, "", brokenQuote, badDate, good));
    LoadedDataset dataset = load(csv);

    List<Row> quarantine = dataset.quarantine().orderBy("source_row").collectAsList();
    assertThat(quarantine).extracting(r -> r.<Long>getAs("source_row")).containsExactly(2L, 4L, 5L);
    assertThat(quarantine).extracting(r -> r.<String>getAs("raw"))
        .containsExactly(shortRow, brokenQuote, badDate);
    assertThat(quarantine.get(0).<String>getAs("reason"))
        .isEqualTo("wrong number of fields: expected 37 as in the header, found 3");
    assertThat(quarantine.get(1).<String>getAs("reason")).startsWith("broken quoting in field 3");
    assertThat(quarantine.get(2).<String>getAs("reason"))
        .isEqualTo("unparseable date in column 'Book In Date Time': '13/45/2020 25:61'");
    assertThat(quarantine).allSatisfy(r -> assertThat(r.<String>getAs("source_file")).isEqualTo(csv.toString()));

    assertThat(placementsBySourceRow(dataset)).extracting(r -> r.<Long>getAs("source_row"))
        .containsExactly(1L, 6L);
    InputAccounting accounting = dataset.inputs().get(0);
    assertThat(accounting)
        .isEqualTo(
            new InputAccounting(
                csv.toString(),
                "csv",
                "ddp-2025",
                5,
                2,
                3,
                new InputAccounting.Text("UTF-8", "detected: valid UTF-8", 6, 1, 0, 0)));
  }

  @Test
  void unclosedQuoteQuarantinesOnlyItsLineAndReadingResumes() throws IOException {
    String unclosed = rowLine(placement("P2"), ',', false).replace("ADELANTO ICE", "\"ADELANTO ICE");
    Path csv =
        write(
            "unclosed-quote.csv",
            List.of(headerLine(',', false), rowLine(placement("P1"), ',', false), unclosed,
                rowLine(placement("P3"), ',', false)));
    LoadedDataset dataset = load(csv);
    List<Row> quarantine = dataset.quarantine().collectAsList();
    assertThat(quarantine).hasSize(1);
    assertThat(quarantine.get(0).<Long>getAs("source_row")).isEqualTo(2L);
    assertThat(quarantine.get(0).<String>getAs("raw")).isEqualTo(unclosed);
    assertThat(placementsBySourceRow(dataset)).extracting(r -> r.<String>getAs("person_id"))
        .containsExactly("P1", "P3");
  }

  @Test
  void folderOfTwoFilesIsOneDatasetInPathOrder() throws IOException {
    Path folder = dir.resolve("release");
    write("release/b.csv", List.of(headerLine(',', false), rowLine(placement("B1"), ',', false)));
    write("release/a.csv", List.of(headerLine(',', false), rowLine(placement("A1"), ',', false),
        rowLine(placement("A2"), ',', false)));
    write("release/_SUCCESS", List.of());
    write("release/stale.crc", List.of("x"));
    write("release/.hidden/c.csv", List.of("not, a, layout"));
    LoadedDataset dataset = load(folder);
    List<Row> rows = dataset.placements().orderBy("input_order").collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("person_id")).containsExactly("A1", "A2", "B1");
    assertThat(rows).extracting(r -> r.<String>getAs("source_file"))
        .containsExactly(folder + "/a.csv", folder + "/a.csv", folder + "/b.csv");
    assertThat(rows).extracting(r -> r.<Long>getAs("input_order"))
        .containsExactly(1L, 2L, 1_000_000_000_001L);
    assertThat(dataset.inputs()).extracting(InputAccounting::path)
        .containsExactly(folder + "/a.csv", folder + "/b.csv");
  }

  @Test
  void availableFieldsAreThoseEveryInputProvides() throws IOException {
    Path full =
        write("full.csv", List.of(headerLine(',', false), rowLine(placement("P1"), ',', false)));
    Path trimmed =
        write(
            "trimmed.csv",
            List.of(
                "Unique Identifier,Book In Date Time,Detention Facility Code",
                "P9,2021-03-04 05:06:07,CSCNWWA"));
    LoadedDataset dataset = load(full, trimmed);
    assertThat(dataset.availableFields())
        .containsExactlyInAnyOrder(
            CanonicalField.PERSON_ID, CanonicalField.BOOK_IN, CanonicalField.FACILITY_CODE);
    Row trimmedRow =
        dataset.placements().filter("person_id = 'P9'").collectAsList().get(0);
    assertThat(trimmedRow.<LocalDateTime>getAs("book_in"))
        .isEqualTo(LocalDateTime.of(2021, 3, 4, 5, 6, 7));
    assertThat(trimmedRow.isNullAt(trimmedRow.fieldIndex("book_out"))).isTrue();
    assertThat(trimmedRow.<Long>getAs("input_order")).isEqualTo(1_000_000_000_001L);
  }

  @Test
  void rowsReadEqualLoadedPlusQuarantinedForEveryInput() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(headerLine(',', false));
    for (int i = 0; i < 200; i++) {
      Object date = i % 7 == 0 ? "not a date" : "3/4/2021 5:06";
      String row = rowLine(with(placement("P" + i), "Book Out Date Time", "x"), ',', false);
      lines.add(i % 11 == 0 ? "a,b" : rowLine(with(placement("P" + i), "Book In Date Time", date.toString()), ',', false));
      assertThat(row).isNotEmpty();
    }
    LoadedDataset dataset = load(write("mixed.csv", lines));
    InputAccounting accounting = dataset.inputs().get(0);
    assertThat(accounting.rowsRead()).isEqualTo(200);
    assertThat(accounting.rowsLoaded()).isEqualTo(dataset.placements().count());
    assertThat(accounting.rowsQuarantined()).isEqualTo(dataset.quarantine().count());
    assertThat(accounting.rowsLoaded() + accounting.rowsQuarantined()).isEqualTo(200);
  }

  /** The profile rows of {@code dataset} keyed by "input column". */
  private java.util.Map<String, Row> profile(LoadedDataset dataset) {
    return org.detentionaudit.core.profile.ColumnProfile.of(spark, dataset.rawColumns())
        .collectAsList()
        .stream()
        .collect(java.util.stream.Collectors.toMap(r -> r.getString(0) + " " + r.getString(1), r -> r));
  }

  @Test
  void everyTextInputIsProfiledByItsOwnColumnsLeavingOutUnsplittableRecords() throws IOException {
    List<String> first = new ArrayList<>(preamble(6));
    first.add(headerLine(',', false));
    first.add(rowLine(placement("P1"), ',', false));
    first.add(rowLine(with(placement("P2"), "Gender", "NA"), ',', false));
    first.add(rowLine(with(placement("P3"), "Gender", "(b)(6)"), ',', false));
    first.add("too,few,fields");
    first.add(rowLine(with(placement("P4"), "Book In Date Time", "not a date"), ',', false));
    Path a = write("a.csv", first);
    Path b =
        write(
            "b.txt",
            List.of(
                headerLine('|', false),
                rowLine(with(placement("Q1"), "Gender", "Female"), '|', false)));

    LoadedDataset dataset = load(a, b);
    assertThat(dataset.rawColumns().inputs())
        .extracting(ProfiledInput::name, i -> i.columns().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(a.toString(), 37),
            org.assertj.core.groups.Tuple.tuple(b.toString(), 37));
    java.util.Map<String, Row> rows = profile(dataset);
    assertThat(rows).hasSize(74);

    Row gender = rows.get(a + " Gender");
    // The unparseable date row has all its columns (it is quarantined for its value, not its
    // shape); the short line is left out.
    assertThat(List.of(gender.getLong(3), gender.getLong(4), gender.getLong(5), gender.getLong(7)))
        .containsExactly(2L, 1L, 1L, 1L);
    assertThat(gender.<Row>getList(8)).extracting(r -> r.getString(0) + "=" + r.getLong(1)).containsExactly("Male=2");
    Row bookIn = rows.get(a + " Book In Date Time");
    assertThat(bookIn.getString(2)).isEqualTo("book_in");
    assertThat(bookIn.<Row>getList(8)).extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("1/2/2020 10:00=3", "not a date=1");
    Row id = rows.get(a + " Unique Identifier");
    assertThat(id.getString(2)).isEqualTo("person_id");
    assertThat(id.getLong(3)).isEqualTo(4L);
    assertThat(id.getList(8)).as("identifiers are never listed").isEmpty();
    assertThat(rows.get(b + " Gender").<Row>getList(8)).extracting(r -> r.getString(0)).containsExactly("Female");
    assertThat(rows.get(b + " Gender").getLong(3)).isEqualTo(1L);
  }
}

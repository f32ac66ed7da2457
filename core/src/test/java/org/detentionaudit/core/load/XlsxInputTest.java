package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.core.testing.TestWorkbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Excel workbooks as ICE's statistical unit exports them: preambles, split tables, extra sheets. */
@ExtendWith(SharedSpark.class)
class XlsxInputTest {
  private static final List<String> ICE_PREAMBLE =
      Arrays.asList(
          "ERO-LESA Statistical Tracking Unit",
          "For Official Use Only (FOUO)/Pre-decisional",
          "FOIA request 2025-ICFO-00000",
          "Please review the last tab for footnotes.",
          null,
          "FY2020 - FY2025 YTD ICE Detention Placements Nationwide");
  private static final List<String> ARRESTS_HEADER =
      List.of("Apprehension Date", "Apprehension AOR", "Apprehension Method", "Citizenship Country", "Gender");

  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();
  private final InputLoader loader = new InputLoader(spark, LayoutCatalog.builtIn());
  private final List<LoadedDataset> loaded = new ArrayList<>();

  @AfterEach
  void unpersist() {
    loaded.forEach(LoadedDataset::unpersist);
  }

  /** One sheet to write: preamble lines (null = blank row), a header, rows of cells by column. */
  private record SheetSpec(String name, List<String> preamble, List<String> header, List<List<Object>> rows) {}

  private static SheetSpec dataSheet(String name, List<List<Object>> rows) {
    return new SheetSpec(name, ICE_PREAMBLE, Ddp2025Rows.HEADER, rows);
  }

  private static SheetSpec textSheet(String name, String... lines) {
    List<List<Object>> rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(List.of(line));
    }
    return new SheetSpec(name, List.of(), List.of(), rows);
  }

  /** A DDP 2025 row with native date cells for person {@code id}, book-in on the given day. */
  private static List<Object> row(String id, int day) {
    Map<String, Object> row = new LinkedHashMap<>();
    LocalDateTime in = LocalDateTime.of(2020, 1, day, 10, 15);
    row.put("Stay Book In Date Time", in);
    row.put("Book In Date Time", in);
    row.put("Detention Facility", "ADELANTO ICE PROCESSING CENTER");
    row.put("Detention Facility Code", "ADLNTCA");
    row.put("Detention Book Out Date Time", in.plusDays(3).plusMinutes(1));
    row.put("Detention Release Reason", "Removed");
    row.put("Unique Identifier", id);
    return cells(row);
  }

  private static List<Object> cells(Map<String, Object> byColumn) {
    List<Object> cells = new ArrayList<>();
    for (String column : Ddp2025Rows.HEADER) {
      cells.add(byColumn.get(column));
    }
    return cells;
  }

  private Path workbook(String name, SheetSpec... sheets) throws IOException {
    return build(name, workbook -> fill(workbook, sheets));
  }

  /** Edits a new POI workbook before it is written. */
  @FunctionalInterface
  private interface WorkbookEdit {
    void edit(XSSFWorkbook workbook) throws IOException;
  }

  private Path build(String name, WorkbookEdit edit) throws IOException {
    Path file = dir.resolve(name);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      edit.edit(workbook);
      workbook.write(out);
    }
    return file;
  }

  /**
   * Writes the sheets: text as shared strings, {@link LocalDateTime} as date cells, numbers as
   * numbers, {@link FormulaError} as error cells, {@link Formula} as formulas (evaluated, so their
   * results are cached as Excel caches them).
   */
  private static void fill(XSSFWorkbook workbook, SheetSpec... sheets) {
    CellStyle dateStyle = workbook.createCellStyle();
    dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yyyy h:mm"));
    boolean formulas = false;
    for (SheetSpec spec : sheets) {
      Sheet sheet = workbook.createSheet(spec.name());
      int r = 0;
      for (String line : spec.preamble()) {
        Row row = sheet.createRow(r++);
        if (line != null) {
          row.createCell(0).setCellValue(line);
        }
      }
      if (!spec.header().isEmpty()) {
        Row header = sheet.createRow(r++);
        for (int c = 0; c < spec.header().size(); c++) {
          header.createCell(c).setCellValue(spec.header().get(c));
        }
      }
      for (List<Object> values : spec.rows()) {
        Row row = sheet.createRow(r++);
        for (int c = 0; values != null && c < values.size(); c++) {
          Object value = values.get(c);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof LocalDateTime dateTime) {
            cell.setCellValue(dateTime);
            cell.setCellStyle(dateStyle);
          } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else if (value instanceof FormulaError error) {
            cell.setCellErrorValue(error.getCode());
          } else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.text());
            formulas = true;
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
    }
    if (formulas) {
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }
  }

  /** A formula cell, e.g. {@code 1/0}. */
  private record Formula(String text) {}

  private LoadedDataset load(Optional<String> sheet, Path... inputs) {
    List<String> paths = Arrays.stream(inputs).map(Path::toString).toList();
    LoadedDataset dataset = loader.load(paths, Optional.empty(), sheet);
    loaded.add(dataset);
    return dataset;
  }

  private static List<String> placements(LoadedDataset dataset) {
    return dataset
        .placements()
        .orderBy("input_order")
        .collectAsList()
        .stream()
        .map(r -> r.getAs("source_file") + " " + r.getAs("source_row") + " " + r.getAs("person_id"))
        .toList();
  }

  @Test
  void aTableSplitAcrossTwoSheetsWithSummaryAndFootnotesIsOneDataset() throws IOException {
    List<List<Object>> second = new ArrayList<>();
    second.add(row("P3", 3));
    second.add(null); // a blank row: not a record, but it counts in source_row
    second.add(row("P4", 4));
    Path file =
        workbook(
            "release.xlsx",
            dataSheet("Detentions 1", List.of(row("P1", 1), row("P2", 2))),
            dataSheet("Detentions 2", second),
            new SheetSpec("Summary", List.of(), List.of("Fiscal Year", "Book Ins"), List.of(List.of("FY2020", 4))),
            textSheet("Footnotes", "1. Data are preliminary.", "2. Unique Identifier is anonymized."));

    LoadedDataset dataset = load(Optional.empty(), file);

    assertThat(placements(dataset))
        .containsExactly(
            file + "#Detentions 1 1 P1",
            file + "#Detentions 1 2 P2",
            file + "#Detentions 2 1 P3",
            file + "#Detentions 2 3 P4");
    assertThat(dataset.inputs())
        .singleElement()
        .isEqualTo(new InputAccounting(file.toString(), "xlsx", "ddp-2025", 4, 4, 0));
    org.apache.spark.sql.Row first = dataset.placements().orderBy("input_order").first();
    // Native date cells are wall-clock values, no time zone shift.
    assertThat((LocalDateTime) first.getAs("book_in")).isEqualTo(LocalDateTime.of(2020, 1, 1, 10, 15));
    assertThat((LocalDateTime) first.getAs("book_out")).isEqualTo(LocalDateTime.of(2020, 1, 4, 10, 16));
    assertThat((String) first.getAs("facility_code")).isEqualTo("ADLNTCA");
  }

  @Test
  void textDatesRedactionsAndNaAreReadAsInTextFiles() throws IOException {
    Map<String, Object> text = new LinkedHashMap<>();
    text.put("Book In Date Time", "1/2/2020 10:00");
    text.put("Stay Book In Date Time", "NA");
    text.put("Detention Facility Code", "(b)(6), (b)(7)c");
    text.put("Unique Identifier", "P1");
    Map<String, Object> broken = new LinkedHashMap<>(text);
    broken.put("Book In Date Time", "not a date");
    Path file = workbook("text-dates.xlsx", dataSheet("Data", List.of(cells(text), cells(broken))));

    LoadedDataset dataset = load(Optional.empty(), file);

    org.apache.spark.sql.Row row = dataset.placements().first();
    assertThat((LocalDateTime) row.getAs("book_in")).isEqualTo(LocalDateTime.of(2020, 1, 2, 10, 0));
    assertThat((Object) row.getAs("stay_book_in")).isNull();
    assertThat((Object) row.getAs("facility_code")).isNull();
    assertThat(row.<scala.collection.Seq<String>>getAs("redacted_fields").mkString(",")).isEqualTo("facility_code");
    org.apache.spark.sql.Row quarantined = dataset.quarantine().first();
    assertThat((String) quarantined.getAs("source_file")).isEqualTo(file + "#Data");
    assertThat((Long) quarantined.getAs("source_row")).isEqualTo(2L);
    assertThat((String) quarantined.getAs("reason"))
        .isEqualTo("unparseable date in column 'Book In Date Time': 'not a date'");
    assertThat(dataset.inputs()).singleElement().isEqualTo(new InputAccounting(file.toString(), "xlsx", "ddp-2025", 2, 1, 1));
  }

  @Test
  void theDetentionSheetIsFoundAmongOtherTables() throws IOException {
    Path file =
        workbook(
            "ero-tables.xlsx",
            new SheetSpec("Arrests", ICE_PREAMBLE, ARRESTS_HEADER, List.of(List.of("1/2/2020", "SEA", "CAP", "MEXICO", "Male"))),
            dataSheet("Book-ins and stays", List.of(row("P1", 1))),
            new SheetSpec("Removals", List.of(), List.of("Departed Date", "Departure Country"), List.of(List.of("1/9/2020", "MEXICO"))));

    assertThat(placements(load(Optional.empty(), file)))
        .containsExactly(file + "#Book-ins and stays 1 P1");
  }

  @Test
  void sheetChoosesOneSheet() throws IOException {
    Path file =
        workbook(
            "two.xlsx",
            dataSheet("Part 1", List.of(row("P1", 1))),
            dataSheet("Part 2", List.of(row("P2", 2), row("P3", 3))));

    assertThat(placements(load(Optional.of(" part 2 "), file)))
        .containsExactly(file + "#Part 2 1 P2", file + "#Part 2 2 P3");
    assertThatThrownBy(() -> load(Optional.of("Part 3"), file))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot read sheet 'Part 3' of workbook '"
                + file
                + "': the workbook has no sheet of that name. Its sheets: ['Part 1', 'Part 2']. Pass"
                + " one of them to --sheet, or leave --sheet out to detect the data sheets.");
  }

  @Test
  void aWorkbookWithoutADetentionTableListsItsSheets() throws IOException {
    Path file =
        workbook(
            "arrests.xlsx",
            new SheetSpec("Arrests", ICE_PREAMBLE, ARRESTS_HEADER, List.of(List.of("1/2/2020", "SEA", "CAP", "MEXICO", "Male"))),
            textSheet("Footnotes", "1. Data are preliminary."));

    assertThatThrownBy(() -> load(Optional.empty(), file))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot find a detention table in workbook '"
                + file
                + "': no sheet's header matches a known layout. Sheets: 'Arrests' (first columns:"
                + " ['Apprehension Date', 'Apprehension AOR', 'Apprehension Method', 'Citizenship"
                + " Country', 'Gender']); 'Footnotes' (not audited: summary or footnotes). Choose the"
                + " data sheet with --sheet NAME, force a layout with --layout NAME, or save the data"
                + " sheet as CSV.");
  }

  @Test
  void aRenamedCsvOrATruncatedWorkbookIsNotAValidWorkbook() throws IOException {
    Path csv = dir.resolve("renamed.xlsx");
    Files.writeString(csv, Ddp2025Rows.headerLine(',', false) + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> load(Optional.empty(), csv))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Cannot read file '" + csv + "': it is not a valid Excel .xlsx workbook (");

    Path good = workbook("good.xlsx", dataSheet("Data", List.of(row("P1", 1))));
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = dir.resolve("truncated.xlsx");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> load(Optional.empty(), truncated))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Cannot read file '" + truncated + "': it is not a valid Excel .xlsx workbook (")
        .hasMessageContaining("copy it again");
  }

  @Test
  void anOldXlsWorkbookIsRefusedWithTheFix() throws IOException {
    Path xls = dir.resolve("old.xls");
    Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
    assertThatThrownBy(() -> load(Optional.empty(), xls))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot read file '"
                + xls
                + "': it is an old binary Excel 97-2003 (.xls) workbook, which is not supported. Open"
                + " it in Excel or LibreOffice and save it as .xlsx (Excel Workbook), or save each"
                + " data sheet as CSV.");
  }

  @Test
  void sheetWithoutAWorkbookIsAUsageError() throws IOException {
    Path csv = dir.resolve("plain.csv");
    Files.writeString(csv, Ddp2025Rows.headerLine(',', false) + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> load(Optional.of("Data"), csv))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Cannot use --sheet Data: no input is an Excel workbook (.xlsx).");
  }

  @Test
  void theStackedSheetsAreProfiledAsOneInputAndSummaryIsLeftOut() throws IOException {
    Path file =
        workbook(
            "release.xlsx",
            dataSheet("Detentions 1", List.of(row("P1", 1), row("P2", 2))),
            dataSheet("Detentions 2", List.of(row("P3", 3))),
            new SheetSpec("Summary", List.of(), List.of("Fiscal Year", "Book Ins"), List.of(List.of("FY2020", 3))));

    LoadedDataset dataset = load(Optional.empty(), file);
    java.util.Map<String, org.apache.spark.sql.Row> rows =
        org.detentionaudit.core.profile.ColumnProfile.of(spark, dataset.rawColumns())
            .collectAsList()
            .stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.getString(1), r -> r));
    assertThat(rows).hasSize(Ddp2025Rows.HEADER.size()).doesNotContainKey("Fiscal Year");
    org.apache.spark.sql.Row code = rows.get("Detention Facility Code");
    assertThat(code.getString(0)).isEqualTo(file.toString());
    assertThat(code.getString(2)).isEqualTo("facility_code");
    assertThat(List.of(code.getLong(3), code.getLong(4), code.getLong(7))).containsExactly(3L, 0L, 1L);
    assertThat(code.<org.apache.spark.sql.Row>getList(8))
        .extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("ADLNTCA=3");
    org.apache.spark.sql.Row bookIn = rows.get("Book In Date Time");
    assertThat(bookIn.<org.apache.spark.sql.Row>getList(8))
        .extracting(r -> r.getString(0))
        .as("native date cells as ISO text")
        .containsExactly("2020-01-01T10:15", "2020-01-02T10:15", "2020-01-03T10:15");
    assertThat(rows.get("Gender").getLong(4)).isEqualTo(3L);
  }
  // ---- Real workbooks: what agency workbooks hold, each built here (issue 12, item 1) ----

  private static InputAccounting accounting(Path file, String layout, long read, long loaded, long quarantined) {
    return new InputAccounting(file.toString(), "xlsx", layout, read, loaded, quarantined);
  }

  private static org.apache.spark.sql.Row placement(LoadedDataset dataset, String personId) {
    return dataset.placements().filter(org.apache.spark.sql.functions.col("person_id").equalTo(personId)).first();
  }

  private static Map<String, org.apache.spark.sql.Row> profile(SparkSession spark, LoadedDataset dataset) {
    Map<String, org.apache.spark.sql.Row> rows = new LinkedHashMap<>();
    for (org.apache.spark.sql.Row row :
        org.detentionaudit.core.profile.ColumnProfile.of(spark, dataset.rawColumns()).collectAsList()) {
      rows.put(row.getString(1), row);
    }
    return rows;
  }

  /** non_null, nulls, redacted, errors of one profile row. */
  private static List<Long> counts(org.apache.spark.sql.Row profileRow) {
    return List.of(
        profileRow.<Long>getAs("non_null"),
        profileRow.<Long>getAs("nulls"),
        profileRow.<Long>getAs("redacted"),
        profileRow.<Long>getAs("errors"));
  }

  @Test
  void anAgencyWorkbookWithABloatedStylesPartSummaryAndFootnotesLoads() throws IOException {
    List<TestWorkbooks.BookIn> bookIns =
        List.of(
            new TestWorkbooks.BookIn(java.time.LocalDate.of(2018, 9, 30), "SEATTLE FIELD OFFICE HOLD ROOM"),
            new TestWorkbooks.BookIn(java.time.LocalDate.of(2018, 10, 1), "NORTHWEST DETENTION CENTER"),
            new TestWorkbooks.BookIn(java.time.LocalDate.of(2019, 7, 6), "NORTHWEST DETENTION CENTER"));
    Path file =
        TestWorkbooks.agencyBookIns(
            dir.resolve("ero-lesa.xlsx"), bookIns, new LinkedHashMap<>(Map.of("FY2018", 1L, "FY2019 YTD", 2L)));
    // The fixture is what the real workbook is: a style part of megabytes that deflates past
    // POI's default guard (ratio 0.01), yet far from a zip bomb (0.001); a full recalculation flag.
    assertThat(TestWorkbooks.partSize(file, TestWorkbooks.STYLES)).isGreaterThan(4_000_000L);
    assertThat(TestWorkbooks.inflateRatio(file, TestWorkbooks.STYLES)).isBetween(0.002, 0.0095);
    assertThat(TestWorkbooks.partText(file, "xl/workbook.xml")).contains("fullCalcOnLoad=\"1\"");

    LoadedDataset dataset = load(Optional.empty(), file);

    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(file, "ice-initial-book-ins", 3, 3, 0));
    assertThat(
            dataset.placements().orderBy("input_order").collectAsList().stream()
                .map(r -> r.getAs("source_file") + " " + r.getAs("source_row") + " " + r.getAs("book_in") + " " + r.getAs("facility_name"))
                .toList())
        .containsExactly(
            file + "#Book Ins 1 2018-09-30T00:00 SEATTLE FIELD OFFICE HOLD ROOM",
            file + "#Book Ins 2 2018-10-01T00:00 NORTHWEST DETENTION CENTER",
            file + "#Book Ins 3 2019-07-06T00:00 NORTHWEST DETENTION CENTER");
  }

  @Test
  void aZipBombIsStillRefusedSayingItIsAWorkbookWhichGuardWhichPartAndWhatToDo() throws IOException {
    Path file = workbook("bomb.xlsx", dataSheet("Data", List.of(row("P1", 1))));
    TestWorkbooks.zipBombStyles(file, 200L << 20);
    assertThat(TestWorkbooks.inflateRatio(file, TestWorkbooks.STYLES)).isLessThan(0.001);

    assertThatThrownBy(() -> load(Optional.empty(), file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "Cannot read workbook '"
                + file
                + "': it is an Excel .xlsx workbook, but its part 'xl/styles.xml' inflates to more"
                + " than 1,000 times its compressed size (it had inflated ")
        .hasMessageContaining(
            "which the zip-bomb guard's inflate-ratio limit refuses (limit: 1,000:1; no Excel content"
                + " compresses that well, zip bombs do). If you trust the file, open it in Excel or"
                + " LibreOffice and save each data sheet as CSV")
        .message()
        .doesNotContain("not a valid Excel", "truncated", "give it the .csv");
  }

  @Test
  void aZipBombInADataSheetIsRefusedNamingItsPartOnTheDriverAndInTheTask() throws IOException {
    String sheetPart = "xl/worksheets/sheet1.xml";
    // Before the header: the driver, reading the first rows to find the header, is refused.
    Path early = workbook("bomb-early.xlsx", dataSheet("Data", List.of(row("P1", 1))));
    TestWorkbooks.zipBomb(early, sheetPart, "<sheetData", 200L << 20);
    // After 30 rows: the driver stops reading before it (it reads at most the first 26 rows, the
    // largest preamble plus the header); only the Spark task that reads the whole sheet is refused.
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(row("P" + i, 1 + i % 28));
    }
    Path late = workbook("bomb-late.xlsx", dataSheet("Data", rows));
    TestWorkbooks.zipBomb(late, sheetPart, "</sheetData>", 200L << 20);

    for (Path file : List.of(early, late)) {
      assertThatThrownBy(() -> load(Optional.empty(), file))
          .as(file.getFileName().toString())
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(
              "Cannot read workbook '"
                  + file
                  + "': it is an Excel .xlsx workbook, but its part '"
                  + sheetPart
                  + "' inflates to more than 1,000 times its compressed size")
          .hasMessageContaining("inflate-ratio limit");
    }
  }

  @Test
  void aPasswordProtectedWorkbookIsRefusedSayingItIsEncrypted() throws IOException {
    Path plain = workbook("plain.xlsx", dataSheet("Data", List.of(row("P1", 1))));
    Path encrypted = dir.resolve("protected.xlsx");
    TestWorkbooks.encrypt(plain, encrypted, "s3cret");

    assertThatThrownBy(() -> load(Optional.empty(), encrypted))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot read workbook '"
                + encrypted
                + "': it is an Excel workbook protected by a password to open (encrypted), which"
                + " cannot be read without the password. Open it in Excel with the password and save"
                + " an unprotected copy (File > Info > Protect Workbook > Encrypt with Password: clear"
                + " the password, then save), or save each data sheet as CSV, and audit that.");
  }

  @Test
  void aWorkbookEncryptedWithExcelsDefaultPasswordOpensAsExcelOpensIt() throws IOException {
    // "Read-only recommended" workbooks are encrypted with Excel's built-in password, and Excel
    // opens them without asking: so does the loader.
    Path plain = workbook("plain.xlsx", dataSheet("Data", List.of(row("P1", 1), row("P2", 2))));
    Path encrypted = dir.resolve("read-only-recommended.xlsx");
    TestWorkbooks.encrypt(plain, encrypted, org.apache.poi.poifs.crypt.Decryptor.DEFAULT_PASSWORD);

    LoadedDataset dataset = load(Optional.empty(), encrypted);

    assertThat(placements(dataset))
        .containsExactly(encrypted + "#Data 1 P1", encrypted + "#Data 2 P2");
    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(encrypted, "ddp-2025", 2, 2, 0));
  }

  @Test
  void sharedStringsAndInlineStringsLoadAlike() throws IOException {
    List<String> values = new ArrayList<>(java.util.Collections.nCopies(Ddp2025Rows.HEADER.size(), (String) null));
    values.set(Ddp2025Rows.HEADER.indexOf("Book In Date Time"), "1/2/2020 10:00");
    values.set(Ddp2025Rows.HEADER.indexOf("Detention Facility Code"), "ADLNTCA");
    values.set(Ddp2025Rows.HEADER.indexOf("Gender"), "Female");
    Path file = dir.resolve("strings.xlsx");
    try (XSSFWorkbook template = new XSSFWorkbook()) {
      // Shared strings: POI's XSSF writer.
      fill(template, dataSheet("Shared", List.of(withId(values, "P1"))));
      // Inline strings (t="inlineStr"): POI's streaming writer without a shared-strings table.
      try (org.apache.poi.xssf.streaming.SXSSFWorkbook streaming =
              new org.apache.poi.xssf.streaming.SXSSFWorkbook(template, 100, false, false);
          OutputStream out = Files.newOutputStream(file)) {
        Sheet inline = streaming.createSheet("Inline");
        int r = 0;
        for (String line : ICE_PREAMBLE) {
          Row row = inline.createRow(r++);
          if (line != null) {
            row.createCell(0).setCellValue(line);
          }
        }
        writeTextRow(inline.createRow(r++), Ddp2025Rows.HEADER);
        writeTextRow(inline.createRow(r), withId(values, "P2"));
        streaming.write(out);
      }
    }
    assertThat(TestWorkbooks.partText(file, "xl/worksheets/sheet1.xml")).contains("t=\"s\"").doesNotContain("inlineStr");
    assertThat(TestWorkbooks.partText(file, "xl/worksheets/sheet2.xml")).contains("t=\"inlineStr\"");

    LoadedDataset dataset = load(Optional.empty(), file);

    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(file, "ddp-2025", 2, 2, 0));
    for (String id : List.of("P1", "P2")) {
      org.apache.spark.sql.Row row = placement(dataset, id);
      assertThat((LocalDateTime) row.getAs("book_in")).isEqualTo(LocalDateTime.of(2020, 1, 2, 10, 0));
      assertThat((String) row.getAs("facility_code")).isEqualTo("ADLNTCA");
    }
    assertThat(placements(dataset)).containsExactly(file + "#Shared 1 P1", file + "#Inline 1 P2");
  }

  private static List<Object> withId(List<String> values, String id) {
    List<Object> row = new ArrayList<>(values);
    row.set(Ddp2025Rows.HEADER.indexOf("Unique Identifier"), id);
    return row;
  }

  private static void writeTextRow(Row row, List<?> values) {
    for (int c = 0; c < values.size(); c++) {
      if (values.get(c) != null) {
        row.createCell(c).setCellValue(values.get(c).toString());
      }
    }
  }

  @Test
  void hiddenDataSheetsAreAuditedAsExcelShowsThemOnUnhide() throws IOException {
    Path file =
        build(
            "hidden.xlsx",
            workbook -> {
              fill(
                  workbook,
                  dataSheet("Detentions 1", List.of(row("P1", 1))),
                  dataSheet("Detentions 2", List.of(row("P2", 2))),
                  dataSheet("Detentions 3", List.of(row("P3", 3))));
              workbook.setSheetVisibility(1, org.apache.poi.ss.usermodel.SheetVisibility.HIDDEN);
              workbook.setSheetVisibility(2, org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
            });
    assertThat(TestWorkbooks.partText(file, "xl/workbook.xml"))
        .contains("state=\"hidden\"")
        .contains("state=\"veryHidden\"");

    LoadedDataset dataset = load(Optional.empty(), file);

    assertThat(placements(dataset))
        .containsExactly(file + "#Detentions 1 1 P1", file + "#Detentions 2 1 P2", file + "#Detentions 3 1 P3");
    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(file, "ddp-2025", 3, 3, 0));
  }

  @Test
  void mergedTitleCellsAboveTheHeaderAreSkipped() throws IOException {
    int lastColumn = Ddp2025Rows.HEADER.size() - 1;
    Path file =
        build(
            "merged.xlsx",
            workbook -> {
              fill(workbook, dataSheet("Data", List.of(row("P1", 1), row("P2", 2))));
              Sheet sheet = workbook.getSheet("Data");
              // Titles merged across the table's width, one of them over two rows (0-based 4-5).
              sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, lastColumn));
              sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(4, 5, 0, lastColumn));
              sheet.getRow(4).createCell(0).setCellValue("FY2020 - FY2025 YTD ICE Detention Placements");
            });
    assertThat(TestWorkbooks.partText(file, "xl/worksheets/sheet1.xml")).contains("<mergeCell ref=\"A5:AK6\"/>");

    LoadedDataset dataset = load(Optional.empty(), file);

    assertThat(placements(dataset)).containsExactly(file + "#Data 1 P1", file + "#Data 2 P2");
    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(file, "ddp-2025", 2, 2, 0));
  }

  @Test
  void errorCellsAreNullAndCountAsErrorsInTheColumnProfile() throws IOException {
    Map<String, Object> typedErrors = new LinkedHashMap<>();
    typedErrors.put("Book In Date Time", LocalDateTime.of(2020, 1, 2, 10, 0));
    typedErrors.put("Detention Facility Code", FormulaError.NA);
    typedErrors.put("Gender", FormulaError.REF);
    typedErrors.put("Unique Identifier", "P2");
    Map<String, Object> formulaError = new LinkedHashMap<>();
    formulaError.put("Book In Date Time", new Formula("1/0")); // cached #DIV/0!
    formulaError.put("Stay Book In Date Time", FormulaError.NA);
    formulaError.put("Detention Facility Code", "ADLNTCA");
    formulaError.put("Unique Identifier", "P3");
    Map<String, Object> unreadable = new LinkedHashMap<>(typedErrors);
    unreadable.put("Book In Date Time", "not a date");
    unreadable.put("Unique Identifier", "P4");
    Path file =
        workbook(
            "errors.xlsx",
            dataSheet("Data", List.of(row("P1", 1), cells(typedErrors), cells(formulaError), cells(unreadable))));
    String sheet = TestWorkbooks.partText(file, "xl/worksheets/sheet1.xml");
    assertThat(sheet).contains("t=\"e\" s=\"0\"><v>#N/A</v>", "t=\"e\" s=\"0\"><v>#REF!</v>", "<f>1/0</f><v>#DIV/0!</v>");

    LoadedDataset dataset = load(Optional.empty(), file);

    // Error cells are null: the row loads; only the unreadable date is quarantined.
    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(file, "ddp-2025", 4, 3, 1));
    org.apache.spark.sql.Row p2 = placement(dataset, "P2");
    assertThat((Object) p2.getAs("facility_code")).isNull();
    scala.collection.Seq<String> redacted = p2.getAs("redacted_fields");
    assertThat(redacted == null || redacted.isEmpty()).as("an error is not a redaction").isTrue();
    assertThat((LocalDateTime) p2.getAs("book_in")).isEqualTo(LocalDateTime.of(2020, 1, 2, 10, 0));
    org.apache.spark.sql.Row p3 = placement(dataset, "P3");
    assertThat((Object) p3.getAs("book_in")).isNull();
    assertThat((Object) p3.getAs("stay_book_in")).isNull();
    assertThat((String) p3.getAs("facility_code")).isEqualTo("ADLNTCA");
    org.apache.spark.sql.Row quarantined = dataset.quarantine().first();
    assertThat((String) quarantined.getAs("reason"))
        .isEqualTo("unparseable date in column 'Book In Date Time': 'not a date'");
    assertThat((String) quarantined.getAs("raw")).contains("Detention Facility Code=#N/A", "Gender=#REF!");

    // The profile counts every row (the quarantined one too: it has all its columns), each cell
    // once: value, missing, redacted or error.
    Map<String, org.apache.spark.sql.Row> profile = profile(spark, dataset);
    assertThat(counts(profile.get("Detention Facility Code"))).containsExactly(2L, 0L, 0L, 2L);
    assertThat(counts(profile.get("Gender"))).containsExactly(0L, 2L, 0L, 2L);
    assertThat(counts(profile.get("Book In Date Time"))).containsExactly(3L, 0L, 0L, 1L);
    assertThat(counts(profile.get("Stay Book In Date Time"))).containsExactly(1L, 2L, 0L, 1L);
    assertThat(counts(profile.get("Religion"))).containsExactly(0L, 4L, 0L, 0L);
    for (org.apache.spark.sql.Row column : profile.values()) {
      assertThat(counts(column).stream().mapToLong(Long::longValue).sum()).as(column.getString(1)).isEqualTo(4L);
    }
    assertThat(profile.get("Detention Facility Code").<org.apache.spark.sql.Row>getList(8))
        .extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .as("an error is not a value")
        .containsExactly("ADLNTCA=2");
  }

  @Test
  void numbersAndDatesStoredAsTextLoadAsExcelShowsThem() throws IOException {
    Path file =
        workbook(
            "book-ins.xlsx",
            new SheetSpec(
                "Book Ins",
                ICE_PREAMBLE,
                TestWorkbooks.BOOK_IN_HEADER,
                List.of(
                    List.of("7/6/2019", "NORTHWEST DETENTION CENTER"), // a date stored as text
                    List.of(LocalDateTime.of(2019, 7, 5, 0, 0), "12345"), // a number stored as text
                    List.of("7/4/2019", 12345), // a number
                    List.of(43652, "TACOMA"), // a date serial without a date format: Excel shows 43652
                    List.of("7/3/2019"))));

    LoadedDataset dataset = load(Optional.empty(), file);

    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(file, "ice-initial-book-ins", 5, 4, 1));
    assertThat(
            dataset.placements().orderBy("input_order").collectAsList().stream()
                .map(r -> r.getAs("source_row") + " " + r.getAs("book_in") + " " + r.getAs("facility_name"))
                .toList())
        .containsExactly(
            "1 2019-07-06T00:00 NORTHWEST DETENTION CENTER",
            "2 2019-07-05T00:00 12345",
            "3 2019-07-04T00:00 12345",
            "5 2019-07-03T00:00 null");
    org.apache.spark.sql.Row quarantined = dataset.quarantine().first();
    assertThat((Long) quarantined.getAs("source_row")).isEqualTo(4L);
    assertThat((String) quarantined.getAs("reason")).isEqualTo("unparseable date in column 'Book In Date': '43652'");
  }

  @Test
  void the1904DateSystemGivesTheDatesExcelShows() throws IOException {
    Path file =
        build(
            "mac-1904.xlsx",
            workbook -> {
              var properties = workbook.getCTWorkbook().isSetWorkbookPr()
                  ? workbook.getCTWorkbook().getWorkbookPr()
                  : workbook.getCTWorkbook().addNewWorkbookPr();
              properties.setDate1904(true);
              fill(workbook, dataSheet("Data", List.of(row("P1", 1))));
            });
    assertThat(TestWorkbooks.partText(file, "xl/workbook.xml")).containsPattern("date1904=\"(1|true)\"");
    // 2020-01-01 10:15 is day 43,831 counted from 1900 and 42,369 counted from 1904.
    assertThat(TestWorkbooks.partText(file, "xl/worksheets/sheet1.xml")).contains("<v>42369.42").doesNotContain("<v>43831");

    LoadedDataset dataset = load(Optional.empty(), file);

    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(file, "ddp-2025", 1, 1, 0));
    org.apache.spark.sql.Row row = placement(dataset, "P1");
    assertThat((LocalDateTime) row.getAs("book_in")).isEqualTo(LocalDateTime.of(2020, 1, 1, 10, 15));
    assertThat((LocalDateTime) row.getAs("book_out")).isEqualTo(LocalDateTime.of(2020, 1, 4, 10, 16));
  }

  @Test
  void aWorkbookToRecalculateOnLoadReadsTheResultsItHolds() throws IOException {
    Map<String, Object> formulas = new LinkedHashMap<>();
    formulas.put("Book In Date Time", "1/2/2020 10:00");
    formulas.put("Detention Facility Code", new Formula("\"ADL\"&\"NTCA\""));
    formulas.put("Bond Posted Amount", new Formula("1500*2"));
    formulas.put("Unique Identifier", "P1");
    Path file =
        build(
            "recalc.xlsx",
            workbook -> {
              fill(workbook, dataSheet("Data", List.of(cells(formulas))));
              workbook.setForceFormulaRecalculation(true);
            });
    TestWorkbooks.replaceText(file, "xl/workbook.xml", "fullCalcOnLoad=\"true\"", "fullCalcOnLoad=\"1\""); // as Excel writes it
    assertThat(TestWorkbooks.partText(file, "xl/workbook.xml")).contains("fullCalcOnLoad=\"1\"");

    LoadedDataset dataset = load(Optional.empty(), file);

    assertThat(dataset.inputs()).singleElement().isEqualTo(accounting(file, "ddp-2025", 1, 1, 0));
    assertThat((String) placement(dataset, "P1").getAs("facility_code")).isEqualTo("ADLNTCA");
    assertThat(profile(spark, dataset).get("Bond Posted Amount").<org.apache.spark.sql.Row>getList(8))
        .extracting(r -> r.getString(0))
        .containsExactly("3000");
  }

  @Test
  void aWorkbookOfArrestsEncountersAndRemovalsIsRefusedListingItsSheets() throws IOException {
    // Near miss: the arrests header shares four columns with the initial book-in layout, but no
    // sheet has a book-in date or a facility.
    List<String> arrests =
        List.of("Apprehension Date", "Apprehension AOR", "Apprehension Method", "Country of Citizenship", "Gender", "Most Serious Conviction");
    List<String> encounters = List.of("Event Date", "Responsible AOR", "Event Type", "Country of Citizenship", "Gender");
    List<String> removals = List.of("Departed Date", "Departure Country", "Country of Citizenship", "Gender", "Most Serious Conviction");
    Path file =
        workbook(
            "fy2018.xlsx",
            new SheetSpec("FY2018 Arrests", ICE_PREAMBLE, arrests, List.of(List.of("10/2/2017", "SEA", "CAP", "MEXICO", "Male", "Traffic"))),
            new SheetSpec("FY2018 Encounters", ICE_PREAMBLE, encounters, List.of(List.of("10/2/2017", "SEA", "Encounter", "MEXICO", "Male"))),
            new SheetSpec("FY2018 Removals", ICE_PREAMBLE, removals, List.of(List.of("10/9/2017", "MEXICO", "MEXICO", "Male", "Traffic"))),
            new SheetSpec("FY2017 Arrests", ICE_PREAMBLE, arrests, List.of(List.of("10/2/2016", "SEA", "CAP", "MEXICO", "Male", "Traffic"))));

    assertThatThrownBy(() -> load(Optional.empty(), file))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot find a detention table in workbook '"
                + file
                + "': no sheet's header matches a known layout. Sheets: 'FY2018 Arrests' (first"
                + " columns: ['Apprehension Date', 'Apprehension AOR', 'Apprehension Method',"
                + " 'Country of Citizenship', 'Gender', 'Most Serious Conviction']); 'FY2018"
                + " Encounters' (first columns: ['Event Date', 'Responsible AOR', 'Event Type',"
                + " 'Country of Citizenship', 'Gender']); 'FY2018 Removals' (first columns:"
                + " ['Departed Date', 'Departure Country', 'Country of Citizenship', 'Gender', 'Most"
                + " Serious Conviction']); 'FY2017 Arrests' (first columns: ['Apprehension Date',"
                + " 'Apprehension AOR', 'Apprehension Method', 'Country of Citizenship', 'Gender',"
                + " 'Most Serious Conviction']). Choose the data sheet with --sheet NAME, force a"
                + " layout with --layout NAME, or save the data sheet as CSV.");
  }
}

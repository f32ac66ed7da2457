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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.testing.SharedSpark;
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
    Path file = dir.resolve(name);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yyyy h:mm"));
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
            } else {
              cell.setCellValue(value.toString());
            }
          }
        }
      }
      workbook.write(out);
    }
    return file;
  }

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
        org.detentionaudit.core.check.ColumnProfile.of(spark, dataset.rawColumns())
            .collectAsList()
            .stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.getString(1), r -> r));
    assertThat(rows).hasSize(Ddp2025Rows.HEADER.size()).doesNotContainKey("Fiscal Year");
    org.apache.spark.sql.Row code = rows.get("Detention Facility Code");
    assertThat(code.getString(0)).isEqualTo(file.toString());
    assertThat(code.getString(2)).isEqualTo("facility_code");
    assertThat(List.of(code.getLong(3), code.getLong(4), code.getLong(6))).containsExactly(3L, 0L, 1L);
    assertThat(code.<org.apache.spark.sql.Row>getList(7))
        .extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("ADLNTCA=3");
    org.apache.spark.sql.Row bookIn = rows.get("Book In Date Time");
    assertThat(bookIn.<org.apache.spark.sql.Row>getList(7))
        .extracting(r -> r.getString(0))
        .as("native date cells as ISO text")
        .containsExactly("2020-01-01T10:15", "2020-01-02T10:15", "2020-01-03T10:15");
    assertThat(rows.get("Gender").getLong(4)).isEqualTo(3L);
  }
}

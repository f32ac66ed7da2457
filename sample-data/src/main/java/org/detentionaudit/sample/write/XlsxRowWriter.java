package org.detentionaudit.sample.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.detentionaudit.sample.model.PlacementRecord;

/**
 * Writes an Excel workbook the way ICE's statistical unit exports one (docs/formats-and-layouts.md, "Files"), with
 * POI's streaming {@link SXSSFWorkbook}: only a window of {@value #ROW_WINDOW} rows is in memory,
 * earlier rows go to compressed temporary files until {@link #close()} zips the workbook.
 *
 * <p>Sheets, in order: the data sheets {@code Placements 1}, {@code Placements 2}, ... (each with
 * ICE's 6-line preamble, the header on row 7, then at most {@code rowsPerSheet} data rows), a
 * {@code Summary} sheet (placements per fiscal year of book-in), and a last {@code Footnotes}
 * sheet. Timestamps are native date cells formatted {@value #TIMESTAMP_FORMAT}, dates {@value
 * #DATE_FORMAT}; text is written as inline strings; null cells are absent.
 */
final class XlsxRowWriter implements RowWriter {
  /** Excel's row limit per sheet. */
  public static final int EXCEL_MAX_ROWS = 1_048_576;
  /** Rows above the first data row: the preamble and the header. */
  public static final int ROWS_BEFORE_DATA = DelimitedRowWriter.ICE_PREAMBLE.size() + 1;
  /** The most data rows a sheet with the preamble can hold (1,048,569). */
  public static final int MAX_ROWS_PER_SHEET = EXCEL_MAX_ROWS - ROWS_BEFORE_DATA;

  static final String TIMESTAMP_FORMAT = "m/d/yyyy h:mm";
  static final String DATE_FORMAT = "m/d/yyyy";
  private static final int ROW_WINDOW = 200;

  private final Path file;
  private final Layout layout;
  private final List<LayoutColumn> columns;
  private final int rowsPerSheet;
  private final SXSSFWorkbook workbook;
  private final CellStyle timestampStyle;
  private final CellStyle dateStyle;
  private final Map<String, Long> placementsByFiscalYear = new TreeMap<>();
  private SXSSFSheet sheet;
  private int sheets;
  private int rowsInSheet;
  private long rows;

  XlsxRowWriter(Path file, Layout layout, int rowsPerSheet) {
    if (rowsPerSheet < 1 || rowsPerSheet > MAX_ROWS_PER_SHEET) {
      throw new IllegalArgumentException(
          "Cannot write workbook: rows per sheet must be 1 to " + MAX_ROWS_PER_SHEET + ", got " + rowsPerSheet);
    }
    this.file = file;
    this.layout = layout;
    this.columns = layout.columns();
    this.rowsPerSheet = rowsPerSheet;
    this.workbook = new SXSSFWorkbook(ROW_WINDOW);
    workbook.setCompressTempFiles(true);
    this.timestampStyle = workbook.createCellStyle();
    timestampStyle.setDataFormat(workbook.createDataFormat().getFormat(TIMESTAMP_FORMAT));
    this.dateStyle = workbook.createCellStyle();
    dateStyle.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
  }

  /** The name of the 1-based {@code n}th data sheet: {@code Placements n}. */
  public static String dataSheetName(int n) {
    return "Placements " + n;
  }

  @Override
  public void write(PlacementRecord row) {
    if (sheet == null || rowsInSheet == rowsPerSheet) {
      startDataSheet();
    }
    Row excelRow = sheet.createRow(ROWS_BEFORE_DATA + rowsInSheet);
    for (int i = 0; i < columns.size(); i++) {
      LayoutColumn column = columns.get(i);
      Object value = column.value().apply(row);
      if (value == null) {
        continue;
      }
      Cell cell = excelRow.createCell(i);
      if (value instanceof LocalDateTime dateTime) {
        cell.setCellValue(dateTime);
        cell.setCellStyle(timestampStyle);
      } else if (value instanceof LocalDate date) {
        cell.setCellValue(date);
        cell.setCellStyle(dateStyle);
      } else {
        cell.setCellValue(layout.format(value));
      }
    }
    rowsInSheet++;
    rows++;
    String fiscalYear =
        row.bookIn() == null
            ? "unknown"
            : "FY" + (row.bookIn().getMonthValue() >= 10 ? row.bookIn().getYear() + 1 : row.bookIn().getYear());
    placementsByFiscalYear.merge(fiscalYear, 1L, Long::sum);
  }

  private void startDataSheet() {
    sheets++;
    sheet = workbook.createSheet(dataSheetName(sheets));
    rowsInSheet = 0;
    List<String> preamble = DelimitedRowWriter.ICE_PREAMBLE;
    for (int i = 0; i < preamble.size(); i++) {
      if (!preamble.get(i).isEmpty()) {
        sheet.createRow(i).createCell(0).setCellValue(preamble.get(i));
      }
    }
    Row header = sheet.createRow(preamble.size());
    List<String> headers = layout.headers();
    for (int i = 0; i < headers.size(); i++) {
      header.createCell(i).setCellValue(headers.get(i));
    }
  }

  @Override
  public void writeMalformed(MalformedLineKind kind, PlacementRecord template) {
    throw new UnsupportedOperationException(
        "Cannot write malformed line: an Excel workbook has typed cells, not lines");
  }

  @Override
  public void close() throws IOException {
    try {
      if (sheet == null) {
        startDataSheet(); // a workbook always has its data sheet, even with no rows
      }
      SXSSFSheet summary = workbook.createSheet("Summary");
      summary.createRow(0).createCell(0).setCellValue("Fiscal Year");
      summary.getRow(0).createCell(1).setCellValue("Placements");
      int r = 1;
      for (Map.Entry<String, Long> entry : placementsByFiscalYear.entrySet()) {
        Row row = summary.createRow(r++);
        row.createCell(0).setCellValue(entry.getKey());
        row.createCell(1).setCellValue(entry.getValue());
      }
      Row total = summary.createRow(r);
      total.createCell(0).setCellValue("Total");
      total.createCell(1).setCellValue(rows);
      SXSSFSheet footnotes = workbook.createSheet("Footnotes");
      footnotes.createRow(0).createCell(0).setCellValue("Footnotes");
      footnotes.createRow(1).createCell(0).setCellValue(
          "1. Synthetic data generated by detention-audit sample-data, with known defects.");
      footnotes.createRow(2).createCell(0).setCellValue(
          "2. Fiscal years run from October 1 to September 30; a placement counts in the fiscal year of its book-in.");
      footnotes.createRow(3).createCell(0).setCellValue(
          "3. The table is split across sheets of at most " + rowsPerSheet + " rows; stack them in order.");
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    } finally {
      workbook.close(); // also deletes the temporary files
    }
  }
}

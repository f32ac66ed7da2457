package org.detentionaudit.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook shaped like the ERO-LESA release of Seattle-area initial book-ins (FY2012 - FY2019
 * YTD): a {@code Summary} sheet with one block per table (arrests, book-ins, removals with two
 * count columns), a {@code Book Ins} sheet in the {@code ice-initial-book-ins} layout (7 columns,
 * no person id, no book-out, no facility code) under a merged title, and a {@code Footnotes}
 * sheet. The book-in block's totals are given by the test, so records and totals can agree or not.
 */
public final class BookInWorkbook {
  /** The 7 columns of ICE's initial book-in tables. */
  public static final List<String> HEADER = TestWorkbooks.BOOK_IN_HEADER;

  /** The release window the block titles state. */
  public static final String WINDOW = "01/01/2012 - 07/06/2019";

  public static final String BOOK_INS_TITLE =
      "FY2012 - FY2019 YTD (" + WINDOW + ") ICE Initial Book Ins for the Seattle Area of Responsibility";

  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

  private final List<LocalDate> bookIns = new ArrayList<>();
  private String dataSheet = "Book Ins";
  private boolean bookInBlock = true;

  /** Adds {@code count} records booked in on {@code day}. */
  public BookInWorkbook records(LocalDate day, int count) {
    for (int i = 0; i < count; i++) {
      bookIns.add(day);
    }
    return this;
  }

  /** Names the data sheet (default {@code Book Ins}). */
  public BookInWorkbook dataSheet(String name) {
    this.dataSheet = name;
    return this;
  }

  /** Leaves the book-in block out of the Summary sheet (arrests and removals only). */
  public BookInWorkbook withoutBookInBlock() {
    this.bookInBlock = false;
    return this;
  }

  /** Records per U.S. federal fiscal year of their book-in, oldest first. */
  public Map<Integer, Long> recordsByFiscalYear() {
    Map<Integer, Long> years = new TreeMap<>();
    for (LocalDate day : bookIns) {
      years.merge(day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear(), 1L, Long::sum);
    }
    return years;
  }

  /**
   * Writes the workbook with the book-in block stating {@code published} per fiscal year (FY2019
   * labelled {@code FY2019 YTD}); even years' totals are numeric cells formatted {@code #,##0},
   * odd years' are text with a thousands separator, as ICE's sheets mix them.
   */
  public Path write(Path file, Map<Integer, Long> published) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      CellStyle thousands = workbook.createCellStyle();
      thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
      Sheet summary = workbook.createSheet("Summary");
      int r = 0;
      r = block(summary, r, title("ICE Administrative Arrests"), List.of("Total"),
          Map.of(2012, new long[] {1200}, 2013, new long[] {1350}), thousands);
      if (bookInBlock) {
        Map<Integer, long[]> values = new TreeMap<>();
        published.forEach((fy, n) -> values.put(fy, new long[] {n}));
        r = block(summary, r, BOOK_INS_TITLE, List.of("Total"), values, thousands);
      }
      block(summary, r, title("ICE Removals"), List.of("Expedited Removals", "Other Removals", "Total"),
          Map.of(2012, new long[] {10, 2990, 3000}, 2013, new long[] {20, 1980, 2000}), thousands);

      Sheet data = workbook.createSheet(dataSheet);
      Row title = data.createRow(0);
      title.createCell(0).setCellValue(BOOK_INS_TITLE);
      data.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
      data.createRow(1).createCell(0).setCellValue("ERO-LESA Statistical Tracking Unit");
      Row header = data.createRow(3);
      for (int c = 0; c < HEADER.size(); c++) {
        header.createCell(c).setCellValue(HEADER.get(c));
      }
      int row = 4;
      for (LocalDate day : bookIns) {
        Row record = data.createRow(row++);
        record.createCell(0).setCellValue(US_DATE.format(day));
        record.createCell(1).setCellValue(row % 3 == 0 ? "SEATTLE FIELD OFFICE HOLD ROOM" : "NORTHWEST DET. CENTER");
        record.createCell(2).setCellValue("1/1/1980");
        record.createCell(3).setCellValue(row % 2 == 0 ? "Male" : "Female");
        record.createCell(4).setCellValue("MEXICO");
        record.createCell(5).setCellValue("CAP Local Incarceration");
        record.createCell(6).setCellValue("");
      }
      Sheet footnotes = workbook.createSheet("Footnotes");
      footnotes.createRow(0).createCell(0).setCellValue("1. Data are current as of 07/06/2019.");
      workbook.write(out);
    }
    return file;
  }

  private static String title(String table) {
    return "FY2012 - FY2019 YTD (" + WINDOW + ") " + table + " for the Seattle Area of Responsibility";
  }

  /** Writes one block at row {@code r}; returns the row after it and its blank separator. */
  private static int block(
      Sheet sheet, int r, String title, List<String> columns, Map<Integer, long[]> values, CellStyle thousands) {
    sheet.createRow(r++).createCell(0).setCellValue(title);
    Row header = sheet.createRow(r++);
    header.createCell(0).setCellValue("Fiscal Year");
    for (int c = 0; c < columns.size(); c++) {
      header.createCell(c + 1).setCellValue(columns.get(c));
    }
    for (Map.Entry<Integer, long[]> year : new TreeMap<>(values).entrySet()) {
      Row row = sheet.createRow(r++);
      int fy = year.getKey();
      row.createCell(0).setCellValue("FY" + fy + (fy == 2019 ? " YTD" : ""));
      for (int c = 0; c < year.getValue().length; c++) {
        long n = year.getValue()[c];
        if (fy % 2 == 0) {
          row.createCell(c + 1).setCellValue(n);
          row.getCell(c + 1).setCellStyle(thousands);
        } else {
          row.createCell(c + 1).setCellValue(String.format("%,d", n));
        }
      }
    }
    return r + 1; // one blank row between blocks
  }
}

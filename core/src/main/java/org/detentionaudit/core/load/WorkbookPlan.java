package org.detentionaudit.core.load;

import java.io.Serializable;
import java.util.List;
import org.detentionaudit.core.normalize.PlacementNormalizer;

/**
 * Everything a Spark task needs to read one {@code .xlsx} workbook, decided on the driver from the
 * sheets' headers: the data sheets to stack, in tab order.
 *
 * @param fileIndex the file's position in the expanded input list
 * @param unitIndex the input (accounting unit) the workbook is
 * @param sourceName the workbook as the user named it; rows get {@code <sourceName>#<sheet name>}
 * @param qualifiedPath the Hadoop path to open
 * @param sheets the sheets to read, in tab order; not empty
 */
record WorkbookPlan(
    int fileIndex, int unitIndex, String sourceName, String qualifiedPath, List<SheetPlan> sheets)
    implements Serializable {

  /**
   * Distance in {@code input_order} between consecutive stacked sheets of one workbook: more than
   * the rows an Excel sheet can hold (1,048,576), so the order is workbook, then sheet, then row.
   */
  static final long INPUT_ORDER_SHEET_STRIDE = 10_000_000L;

  WorkbookPlan {
    sheets = List.copyOf(sheets);
  }

  /**
   * One data sheet.
   *
   * @param sheetIndex 0-based position of the sheet among all the workbook's sheets (tab order)
   * @param sheetName the sheet's name as written
   * @param headerRowIndex 0-based row index of the header; data rows follow it
   * @param header the header cells as read (names as written)
   * @param normalizer maps the row's cells (by column index) to canonical values
   */
  record SheetPlan(
      int sheetIndex,
      String sheetName,
      int headerRowIndex,
      List<String> header,
      PlacementNormalizer normalizer)
      implements Serializable {
    SheetPlan {
      header = List.copyOf(header);
    }
  }

  /** The {@code source_file} of rows of {@code sheet}: {@code <workbook>#<sheet name>}. */
  String sourceFile(SheetPlan sheet) {
    return sourceFile(sourceName, sheet.sheetName());
  }

  static String sourceFile(String workbook, String sheetName) {
    return workbook + "#" + sheetName;
  }
}

package org.detentionaudit.core.load;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.detentionaudit.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Summary} sheet of one audited workbook, as text rows, with the data sheets the audit
 * read from that workbook: what the reconciliation with ICE's own totals needs (see {@code
 * org.detentionaudit.core.reconcile}).
 *
 * @param workbook the workbook as the user named it (the input's {@code path} in the accounting)
 * @param sheetName the summary sheet's name as written
 * @param auditedSheets the workbook's data sheets that were loaded, in tab order
 * @param rows the summary sheet's rows, top to bottom: a blank row (no cell with text) is an empty
 *     list; cells as Excel shows them ({@code 7,101} for a number formatted with separators; a
 *     native date cell as ISO {@code yyyy-MM-ddTHH:mm}), an absent cell as the empty string
 */
public record WorkbookSummarySheet(
    String workbook, String sheetName, List<String> auditedSheets, List<List<String>> rows) {
  private static final Logger LOG = LoggerFactory.getLogger(WorkbookSummarySheet.class);

  /** The name (trimmed, any case) of the sheet that holds a release's own totals. */
  public static final String SUMMARY = "summary";

  /**
   * Rows read at most: a summary sheet holds a few blocks of a few dozen rows; a sheet called
   * Summary that is larger is not one, and reading stops there.
   */
  static final int MAX_ROWS = 5_000;

  public WorkbookSummarySheet {
    auditedSheets = List.copyOf(auditedSheets);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /**
   * Reads the sheet named {@code Summary} (trimmed, any case) of a workbook whose data sheets were
   * chosen by {@code plan}; empty when the workbook has none. Streams the sheet on the driver, at
   * most {@link #MAX_ROWS} rows.
   *
   * @throws InputException when the workbook cannot be read again (it was read moments before)
   */
  static Optional<WorkbookSummarySheet> read(Configuration configuration, WorkbookPlan plan) {
    try (WorkbookFile workbook =
        WorkbookFile.open(configuration, plan.qualifiedPath(), plan.sourceName())) {
      List<String> names = workbook.sheetNames();
      int index = -1;
      for (int i = 0; i < names.size() && index < 0; i++) {
        if (names.get(i).trim().toLowerCase(Locale.ROOT).equals(SUMMARY)) {
          index = i;
        }
      }
      if (index < 0) {
        return Optional.empty();
      }
      List<List<String>> rows = new ArrayList<>();
      workbook.readSheet(
          index,
          (rowIndex, cells) -> {
            if (rowIndex >= MAX_ROWS) {
              throw new WorkbookFile.StopReading();
            }
            while (rows.size() < rowIndex) {
              rows.add(List.of()); // rows the sheet does not hold are blank
            }
            rows.add(text(cells));
          });
      List<String> audited =
          plan.sheets().stream().map(WorkbookPlan.SheetPlan::sheetName).toList();
      LOG.info("Workbook {}: read {} row(s) of sheet '{}'", plan.sourceName(), rows.size(), names.get(index));
      return Optional.of(new WorkbookSummarySheet(plan.sourceName(), names.get(index), audited, rows));
    } catch (UnreadableInputException e) {
      throw e.toInputException();
    } catch (Exception e) {
      throw new InputException(
          "Cannot read the Summary sheet of workbook '"
              + plan.sourceName()
              + "': "
              + UnreadableInputException.describe(e)
              + ". Check that it is a complete .xlsx workbook.",
          e);
    }
  }

  /** A row's cells as text, trailing blank cells cut; a row without text is the empty list. */
  private static List<String> text(Object[] cells) {
    int width = cells.length;
    while (width > 0 && (cells[width - 1] == null || cells[width - 1].toString().isBlank())) {
      width--;
    }
    List<String> row = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      Object cell = cells[i];
      row.add(
          cell == null
              ? ""
              : cell instanceof LocalDateTime date ? date.toString() : cell.toString().trim());
    }
    return row;
  }
}

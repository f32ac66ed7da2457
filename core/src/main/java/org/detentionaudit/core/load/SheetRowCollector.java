package org.detentionaudit.core.load;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;

/**
 * Collects the cells of each sheet row as POI's SAX handler reports them and hands the whole row
 * to a {@link RowSink}: one row at a time, so a sheet is never held in memory.
 *
 * <p>A cell value is a {@link java.time.LocalDateTime} for a native date cell, else the cell's text
 * as Excel shows it; cells the sheet does not hold are null. Rows the sheet does not hold are not
 * reported at all (their index is skipped).
 */
final class SheetRowCollector implements SheetContentsHandler {

  /** Receives each row; may throw {@link WorkbookFile.StopReading} to end the sheet early. */
  interface RowSink {
    /**
     * @param rowIndex 0-based row index in the sheet (Excel's row number minus one)
     * @param cells values by 0-based column index, trailing empty cells cut
     */
    void accept(int rowIndex, Object[] cells);
  }

  private final DateAwareFormatter formatter;
  private final RowSink sink;
  private final List<Object> cells = new ArrayList<>();
  private int nextColumn;

  SheetRowCollector(DateAwareFormatter formatter, RowSink sink) {
    this.formatter = formatter;
    this.sink = sink;
  }

  @Override
  public void startRow(int rowNum) {
    cells.clear();
    nextColumn = 0;
  }

  @Override
  public void cell(String cellReference, String formattedValue, XSSFComment comment) {
    int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
    nextColumn = column + 1;
    Object value = formatter.takeDate();
    if (value == null) {
      value = formattedValue;
    }
    if (value == null || (value instanceof String text && text.isEmpty())) {
      return;
    }
    while (cells.size() <= column) {
      cells.add(null);
    }
    cells.set(column, value);
  }

  @Override
  public void endRow(int rowNum) {
    sink.accept(rowNum, cells.toArray());
  }
}

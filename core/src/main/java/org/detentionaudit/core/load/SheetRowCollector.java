package org.detentionaudit.core.load;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * Collects the cells of each sheet row as POI's SAX handler reports them and hands the whole row
 * to a {@link RowSink}: one row at a time, so a sheet is never held in memory.
 *
 * <p>A cell value is a {@link java.time.LocalDateTime} for a native date cell, a {@link CellError}
 * for an error cell ({@code t="e"}: {@code #N/A}, {@code #REF!}, {@code #DIV/0!}, ..., whether
 * typed or the cached result of a formula), else the cell's text as Excel shows it (shared and
 * inline strings alike); cells the sheet does not hold are null. Rows the sheet does not hold are
 * not reported at all (their index is skipped).
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

  /**
   * An Excel error value held by a cell ({@code #N/A}, {@code #REF!}, ...): no value. The loader
   * reads it as null; the column profile counts it as an error.
   *
   * @param code the error as Excel shows it
   */
  record CellError(String code) {
    @Override
    public String toString() {
      return code;
    }
  }

  /** What POI's handler prefixes an error cell's value with. */
  private static final String POI_ERROR_PREFIX = "ERROR:";

  private final DateAwareFormatter formatter;
  private final RowSink sink;
  private final List<Object> cells = new ArrayList<>();
  private int nextColumn;
  private boolean errorCell;

  SheetRowCollector(DateAwareFormatter formatter, RowSink sink) {
    this.formatter = formatter;
    this.sink = sink;
  }

  /**
   * POI's sheet handler feeding this collector, which also notes each cell's type attribute (POI
   * reports an error cell only as text).
   */
  XSSFSheetXMLHandler handler(StylesTable styles, ReadOnlySharedStringsTable strings) {
    return new XSSFSheetXMLHandler(styles, null, strings, this, formatter, false) {
      @Override
      public void startElement(String uri, String localName, String qName, Attributes attributes)
          throws SAXException {
        if ("c".equals(localName)) {
          errorCell = "e".equals(attributes.getValue("t"));
        }
        super.startElement(uri, localName, qName, attributes);
      }
    };
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
    if (errorCell && value instanceof String text) {
      value = new CellError(text.startsWith(POI_ERROR_PREFIX) ? text.substring(POI_ERROR_PREFIX.length()) : text);
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

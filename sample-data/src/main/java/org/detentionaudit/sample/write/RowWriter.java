package org.detentionaudit.sample.write;

import java.io.Closeable;
import java.io.IOException;
import org.detentionaudit.sample.model.PlacementRecord;

/** Writes rows of one layout to one file, in the order given; holds no more than a buffer. */
public interface RowWriter extends Closeable {

  /** Writes one valid row. */
  void write(PlacementRecord row) throws IOException;

  /**
   * Writes a broken line built from {@code template}'s values.
   *
   * @throws UnsupportedOperationException for binary formats
   */
  void writeMalformed(MalformedLineKind kind, PlacementRecord template) throws IOException;

  /** Opens a writer for {@code format}; the file is created or replaced. */
  static RowWriter open(java.nio.file.Path file, Layout layout, OutputFormat format) throws IOException {
    return open(file, layout, format, XlsxRowWriter.MAX_ROWS_PER_SHEET);
  }

  /**
   * Opens a writer for {@code format}; an {@link OutputFormat#XLSX} workbook splits its table into
   * sheets of at most {@code rowsPerSheet} data rows (1 to {@link #MAX_XLSX_ROWS_PER_SHEET}).
   */
  static RowWriter open(java.nio.file.Path file, Layout layout, OutputFormat format, int rowsPerSheet)
      throws IOException {
    switch (format) {
      case PARQUET:
        return new ParquetRowWriter(file, layout);
      case XLSX:
        return new XlsxRowWriter(file, layout, rowsPerSheet);
      default:
        return new DelimitedRowWriter(file, layout, format);
    }
  }

  /** The most data rows one workbook sheet holds below ICE's preamble and the header (1,048,569). */
  int MAX_XLSX_ROWS_PER_SHEET = XlsxRowWriter.MAX_ROWS_PER_SHEET;

  /** The name of the 1-based {@code n}th data sheet of a written workbook. */
  static String xlsxDataSheetName(int n) {
    return XlsxRowWriter.dataSheetName(n);
  }
}

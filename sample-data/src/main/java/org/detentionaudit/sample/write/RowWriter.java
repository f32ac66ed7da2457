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
    return format == OutputFormat.PARQUET
        ? new ParquetRowWriter(file, layout)
        : new DelimitedRowWriter(file, layout, format);
  }
}

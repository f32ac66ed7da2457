package org.detentionaudit.sample.write;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.detentionaudit.sample.model.PlacementRecord;

/**
 * Writes one Parquet file with parquet-hadoop's example {@link Group} writer: snake_case column
 * names, every column optional; timestamps as INT64 TIMESTAMP(MICROS, isAdjustedToUTC=false) holding
 * the wall-clock value (read by Spark as TIMESTAMP_NTZ), dates as INT32 DATE, text as UTF8.
 * Snappy-compressed, 16 MiB row groups; the writer buffers about one row group plus dictionaries, so give the JVM at least 256 MiB of heap when writing Parquet.
 */
final class ParquetRowWriter implements RowWriter {

  static final int ROW_GROUP_BYTES = 16 * 1024 * 1024;

  private final Layout layout;
  private final List<LayoutColumn> columns;
  private final SimpleGroupFactory groups;
  private final ParquetWriter<Group> writer;

  ParquetRowWriter(Path file, Layout layout) throws IOException {
    this.layout = layout;
    this.columns = layout.columns();
    MessageType schema = schema(layout);
    this.groups = new SimpleGroupFactory(schema);
    this.writer =
        ExampleParquetWriter.builder(new NioOutputFile(file))
            .withType(schema)
            .withConf(new Configuration(false))
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(ROW_GROUP_BYTES)
            .build();
  }

  /** The Parquet schema of {@code layout}, named {@code placement}. */
  static MessageType schema(Layout layout) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (LayoutColumn column : layout.columns()) {
      switch (column.type()) {
        case TIMESTAMP:
          message
              .optional(PrimitiveTypeName.INT64)
              .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
              .named(column.snakeCaseName());
          break;
        case DATE:
          message
              .optional(PrimitiveTypeName.INT32)
              .as(LogicalTypeAnnotation.dateType())
              .named(column.snakeCaseName());
          break;
        default:
          message
              .optional(PrimitiveTypeName.BINARY)
              .as(LogicalTypeAnnotation.stringType())
              .named(column.snakeCaseName());
      }
    }
    return message.named("placement");
  }

  @Override
  public void write(PlacementRecord row) throws IOException {
    Group group = groups.newGroup();
    for (int i = 0; i < columns.size(); i++) {
      LayoutColumn column = columns.get(i);
      Object value = column.value().apply(row);
      if (value == null) {
        continue;
      }
      switch (column.type()) {
        case TIMESTAMP:
          LocalDateTime dateTime = (LocalDateTime) value;
          long micros = dateTime.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + dateTime.getNano() / 1_000L;
          group.append(column.snakeCaseName(), micros);
          break;
        case DATE:
          group.append(column.snakeCaseName(), (int) ((LocalDate) value).toEpochDay());
          break;
        default:
          group.append(column.snakeCaseName(), layout.format(value));
      }
    }
    writer.write(group);
  }

  @Override
  public void writeMalformed(MalformedLineKind kind, PlacementRecord template) {
    throw new UnsupportedOperationException(
        "Cannot write malformed line: Parquet is a typed binary format, it has no lines");
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}

package org.detentionaudit.sample.write;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * A header the layout repeats (TRAC's {@code Detention Facility Type}) is named with a suffix on
 * its later occurrences ({@code detention_facility_type_1}), as pandas names it, since Parquet
 * column names are unique. Snappy-compressed, 16 MiB row groups; the writer buffers about one row group plus dictionaries, so give the JVM at least 256 MiB of heap when writing Parquet.
 */
final class ParquetRowWriter implements RowWriter {

  static final int ROW_GROUP_BYTES = 16 * 1024 * 1024;

  private final Layout layout;
  private final List<LayoutColumn> columns;
  private final List<String> names;
  private final SimpleGroupFactory groups;
  private final ParquetWriter<Group> writer;

  ParquetRowWriter(Path file, Layout layout) throws IOException {
    this.layout = layout;
    this.columns = layout.columns();
    this.names = columnNames(layout);
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

  /** The Parquet column names of {@code layout}: snake_case, repeats suffixed {@code _1}, {@code _2}... */
  static List<String> columnNames(Layout layout) {
    List<String> names = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (LayoutColumn column : layout.columns()) {
      String name = column.snakeCaseName();
      int repeat = seen.merge(name, 1, Integer::sum) - 1;
      names.add(repeat == 0 ? name : name + "_" + repeat);
    }
    return names;
  }

  /** The Parquet schema of {@code layout}, named {@code placement}. */
  static MessageType schema(Layout layout) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    List<String> names = columnNames(layout);
    for (int i = 0; i < names.size(); i++) {
      LayoutColumn column = layout.columns().get(i);
      switch (column.type()) {
        case TIMESTAMP:
          message
              .optional(PrimitiveTypeName.INT64)
              .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
              .named(names.get(i));
          break;
        case DATE:
          message
              .optional(PrimitiveTypeName.INT32)
              .as(LogicalTypeAnnotation.dateType())
              .named(names.get(i));
          break;
        default:
          message
              .optional(PrimitiveTypeName.BINARY)
              .as(LogicalTypeAnnotation.stringType())
              .named(names.get(i));
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
          group.append(names.get(i), micros);
          break;
        case DATE:
          group.append(names.get(i), (int) ((LocalDate) value).toEpochDay());
          break;
        default:
          group.append(names.get(i), layout.format(value));
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

package org.detentionaudit.core.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.Layout;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.layout.LayoutMatch;
import org.detentionaudit.core.normalize.FieldSource;
import org.detentionaudit.core.normalize.NormalizedRecord;
import org.detentionaudit.core.normalize.PlacementNormalizer;
import org.detentionaudit.rules.CanonicalField;

/**
 * Reads one Parquet input (a file, or all Parquet part files of a folder, which share a schema)
 * into rows of {@link PlacementSchema#PARSE_OUTPUT}.
 *
 * <p>The layout is detected from the top-level column names. {@code source_row} is Spark's hidden
 * {@code _metadata.row_index} + 1 (the row's position in its part file) and {@code source_file} the
 * folder-relative name of {@code _metadata.file_path}. Timestamp fields may be {@code
 * TIMESTAMP_NTZ} (kept), {@code DATE} (midnight), {@code TIMESTAMP} (an instant: read as its UTC
 * wall clock, whatever the session time zone) or text (parsed with the layout's date formats;
 * unparseable text is quarantined). Text fields of other types are cast to string. For a
 * quarantined row, {@code raw} lists the mapped columns as {@code name=value} pairs.
 */
final class ParquetInputReader {
  private static final String FILE_PATH = "__detention_audit_file_path";
  private static final String ROW_INDEX = "__detention_audit_row_index";

  private final SparkSession spark;
  private final LayoutCatalog catalog;

  ParquetInputReader(SparkSession spark, LayoutCatalog catalog) {
    this.spark = spark;
    this.catalog = catalog;
  }

  /** The detected layout and the lazy parse output of one Parquet input. */
  record ParquetInput(LayoutMatch match, Dataset<Row> parsed) {}

  ParquetInput read(int unitIndex, String unitName, List<InputFile> files, Optional<Layout> forced) {
    String[] paths =
        files.stream()
            .map(file -> new Path(URI.create(file.qualifiedPath())).toString())
            .toArray(String[]::new);
    Dataset<Row> source;
    try {
      source = spark.read().parquet(paths);
    } catch (RuntimeException e) {
      throw new InputException(
          "Cannot read Parquet input '"
              + unitName
              + "': "
              + firstLine(e.getMessage())
              + ". Check that it is a complete Parquet file or folder of part files.",
          e);
    }
    StructField[] columns = source.schema().fields();
    List<String> header = new ArrayList<>();
    for (StructField column : columns) {
      header.add(column.name());
    }
    LayoutMatch match = catalog.resolve(header, forced, unitName);

    List<Column> selected = new ArrayList<>();
    selected.add(functions.col("_metadata.file_path").as(FILE_PATH));
    selected.add(functions.col("_metadata.row_index").as(ROW_INDEX));
    List<FieldSource> sources = new ArrayList<>();
    for (Map.Entry<CanonicalField, Integer> entry : match.fieldPositions().entrySet()) {
      StructField column = columns[entry.getValue()];
      sources.add(new FieldSource(entry.getKey(), selected.size(), column.name()));
      selected.add(valueColumn(entry.getKey(), column).as("__field_" + entry.getKey().ordinal()));
    }
    PlacementNormalizer normalizer =
        new PlacementNormalizer(sources, match.layout().timestampParser());

    Map<String, FileIdentity> filesByPath = new HashMap<>();
    for (InputFile file : files) {
      filesByPath.put(pathKey(file.qualifiedPath()), new FileIdentity(file.sourceName(), file.fileIndex()));
    }
    Dataset<Row> projected = source.select(selected.toArray(new Column[0]));
    MapFunction<Row, Row> toParsedRow =
        row -> toParsedRow(row, unitIndex, filesByPath, sources, normalizer);
    Dataset<Row> parsed = projected.map(toParsedRow, Encoders.row(PlacementSchema.PARSE_OUTPUT));
    return new ParquetInput(match, parsed);
  }

  private record FileIdentity(String sourceName, int fileIndex) implements java.io.Serializable {}

  private static Column valueColumn(CanonicalField field, StructField column) {
    Column value = functions.col("`" + column.name().replace("`", "``") + "`");
    DataType type = column.dataType();
    if (field.type() == CanonicalField.Type.TEXT) {
      return type.equals(DataTypes.StringType) ? value : value.cast(DataTypes.StringType);
    }
    if (type.equals(DataTypes.TimestampNTZType)
        || type.equals(DataTypes.TimestampType)
        || type.equals(DataTypes.StringType)) {
      return value;
    }
    if (type.equals(DataTypes.DateType)) {
      // DATE to TIMESTAMP_NTZ is midnight of that day, with no time zone involved.
      return value.cast(DataTypes.TimestampNTZType);
    }
    return value.cast(DataTypes.StringType);
  }

  private static Row toParsedRow(
      Row row,
      int unitIndex,
      Map<String, FileIdentity> filesByPath,
      List<FieldSource> sources,
      PlacementNormalizer normalizer) {
    FileIdentity file = filesByPath.get(pathKey(row.getString(0)));
    if (file == null) {
      throw new IllegalStateException("Parquet row from an unexpected file: " + row.getString(0));
    }
    long sourceRow = row.getLong(1) + 1;
    Object[] values = new Object[row.length()];
    for (int i = 2; i < row.length(); i++) {
      values[i] = row.get(i);
    }
    NormalizedRecord normalized = normalizer.normalize(values);
    if (normalized instanceof NormalizedRecord.Placement placement) {
      return ParsedRowFactory.placement(
          file.sourceName(), sourceRow, file.fileIndex(), unitIndex, placement);
    }
    StringBuilder raw = new StringBuilder();
    for (FieldSource source : sources) {
      if (raw.length() > 0) {
        raw.append("; ");
      }
      raw.append(source.columnName()).append('=').append(values[source.position()]);
    }
    return ParsedRowFactory.quarantined(
        file.sourceName(),
        sourceRow,
        file.fileIndex(),
        unitIndex,
        raw.toString(),
        ((NormalizedRecord.Rejected) normalized).reason());
  }

  /**
   * Compares file paths by their decoded path part, whether Spark spells them as encoded URIs
   * ({@code file:///a%20b/x.parquet}) or as Hadoop path strings ({@code file:/a b/x.parquet}).
   */
  static String pathKey(String pathOrUri) {
    String path;
    try {
      path = new URI(pathOrUri).getPath();
    } catch (URISyntaxException notEncoded) {
      path = new Path(pathOrUri).toUri().getPath();
    }
    return path == null ? pathOrUri : path.replaceAll("/+", "/");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}

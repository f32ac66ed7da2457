package org.detentionaudit.core.load;

import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
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
 *
 * <p>Everything is one Spark SQL projection, compiled by whole-stage code generation: text cells
 * are trimmed and judged missing or redacted by {@link CellExpressions} (the same rules as {@link
 * org.detentionaudit.core.normalize.PlacementNormalizer}, which reads text files), typed timestamps
 * are converted natively, and only timestamps given as text go through a Java UDF ({@link
 * TimestampTextColumns}). The file of a row comes from {@link ParquetFileOrigin}, with no per-row
 * path parsing.
 */
final class ParquetInputReader {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
  private static final Duration ONE_MICROSECOND = Duration.ofNanos(1_000);
  private static final DataType REDACTED_TYPE =
      PlacementSchema.PLACEMENTS.apply(PlacementSchema.REDACTED_FIELDS).dataType();
  private static final Column NO_REDACTION = functions.array().cast(REDACTED_TYPE);

  private final SparkSession spark;
  private final LayoutCatalog catalog;

  ParquetInputReader(SparkSession spark, LayoutCatalog catalog) {
    this.spark = spark;
    this.catalog = catalog;
  }

  /**
   * One Parquet input, read lazily.
   *
   * @param match the detected layout
   * @param parsed the parse output ({@link PlacementSchema#PARSE_OUTPUT}) followed by the row's raw
   *     cells ({@link RawColumns#CELLS}), from one read of the file
   * @param cells the raw cells alone ({@link RawColumns#SCHEMA}), selected from {@code parsed}
   * @param rows the rows of its files, from their footers
   * @param mayQuarantine whether a row can be quarantined: only a timestamp stored as text can fail
   *     to parse; without one, every row is loaded
   */
  record ParquetInput(
      LayoutMatch match, Dataset<Row> parsed, Dataset<Row> cells, long rows, boolean mayQuarantine) {}

  ParquetInput read(int unitIndex, String unitName, List<InputFile> files, Optional<Layout> forced) {
    String[] paths =
        files.stream()
            .map(file -> new Path(URI.create(file.qualifiedPath())).toString())
            .toArray(String[]::new);
    long rows = 0;
    for (InputFile file : files) {
      rows += checkFooter(file);
    }
    Dataset<Row> source;
    try {
      // Page checksums are verified where the writer stored them (parquet-mr writes them by
      // default): without it, a broken page of plain values would be read as other values.
      source = spark.read().option(VERIFY_PAGE_CHECKSUMS, "true").parquet(paths);
    } catch (Exception e) {
      // Spark raises the checked SparkException from Scala code, hence Exception here.
      throw InputFailures.explain(e)
          .orElseGet(
              () ->
                  new InputException(
                      "Cannot read Parquet input '"
                          + unitName
                          + "': "
                          + firstLine(e.getMessage())
                          + ". Check that it is a complete Parquet file or folder of part files.",
                      e));
    }
    StructField[] columns = source.schema().fields();
    List<String> header = new ArrayList<>();
    for (StructField column : columns) {
      header.add(column.name());
    }
    LayoutMatch match = catalog.resolve(header, forced, unitName);
    for (Map.Entry<CanonicalField, Integer> entry : match.fieldPositions().entrySet()) {
      checkType(unitName, entry.getKey(), columns[entry.getValue()]);
    }

    ParquetFileOrigin origin = ParquetFileOrigin.match(source.inputFiles(), files);
    TimestampTextColumns dates = new TimestampTextColumns(match.layout().timestampParser());

    // Layered selects: Catalyst collapses them, except where that would repeat an expensive
    // expression (the trim, the marker tests, the date UDF), which is then computed once per row.
    Column filePath = functions.col("_metadata.file_path");
    Dataset<Row> located = source.withColumn(FILE_INDEX, origin.fileIndex(filePath));
    List<Column> read = new ArrayList<>();
    read.add(origin.sourceName(functions.col(FILE_INDEX)).as(PlacementSchema.SOURCE_FILE));
    read.add(functions.col("_metadata.row_index").plus(1L).as(PlacementSchema.SOURCE_ROW));
    read.add(functions.col(FILE_INDEX));
    // The profile's cells: text, except timestamps without time zone, given as they are (rendering
    // each as text cost a tenth of the scan pass; the profile renders only the values it lists).
    List<Column> cells = new ArrayList<>();
    List<Column> timestamps = new ArrayList<>();
    boolean anyTimestamp = false;
    for (StructField column : columns) {
      boolean timestamp = column.dataType().equals(DataTypes.TimestampNTZType);
      anyTimestamp |= timestamp;
      Column value = quoted(column.name());
      cells.add(timestamp ? lit(null).cast(DataTypes.StringType) : value.cast(DataTypes.StringType));
      timestamps.add(timestamp ? value : lit(null).cast(DataTypes.TimestampNTZType));
    }
    read.add(functions.array(cells.toArray(new Column[0])).as(RawColumns.CELLS));
    read.add(
        (anyTimestamp
                ? functions.array(timestamps.toArray(new Column[0]))
                : lit(null).cast(RawColumns.SCHEMA.apply(RawColumns.TIMESTAMPS).dataType()))
            .as(RawColumns.TIMESTAMPS));
    List<String> columnNames = new ArrayList<>();
    List<CanonicalField> fields = new ArrayList<>();
    for (Map.Entry<CanonicalField, Integer> entry : match.fieldPositions().entrySet()) {
      StructField column = columns[entry.getValue()];
      fields.add(entry.getKey());
      columnNames.add(column.name());
      read.add(valueColumn(entry.getKey(), column).as(valueName(entry.getKey())));
    }
    Dataset<Row> values = located.select(read.toArray(new Column[0]));

    // Text cells (text fields, and timestamps given as text): trimmed and classified.
    List<Column> classified = new ArrayList<>(List.of(functions.col("*")));
    for (CanonicalField field : fields) {
      if (isText(field, values)) {
        Column trimmed = CellExpressions.trimmed(functions.col(valueName(field)));
        classified.add(trimmed.as(trimmedName(field)));
      }
    }
    Dataset<Row> trimmed = values.select(classified.toArray(new Column[0]));
    List<Column> kinds = new ArrayList<>(List.of(functions.col("*")));
    for (CanonicalField field : fields) {
      if (isText(field, values)) {
        Column text = functions.col(trimmedName(field));
        Column kind =
            functions
                .when(CellExpressions.isMissing(text), lit(MISSING))
                .when(CellExpressions.isRedaction(text), lit(REDACTED))
                .otherwise(lit(VALUE));
        kinds.add(kind.as(kindName(field)));
      }
    }
    Dataset<Row> withKinds = trimmed.select(kinds.toArray(new Column[0]));
    List<Column> typed = new ArrayList<>(List.of(functions.col("*")));
    for (CanonicalField field : fields) {
      typed.add(normalizedValue(field, values, dates).as(normalizedName(field)));
    }
    Dataset<Row> normalized = withKinds.select(typed.toArray(new Column[0]));
    Dataset<Row> parsed = parseOutput(normalized, values, fields, columnNames, unitIndex);
    // The cells alone: the same projection, which Catalyst prunes to the file's columns.
    Dataset<Row> rawCells =
        parsed.select(
            functions.col(RawColumns.INPUT_UNIT),
            functions.col(RawColumns.CELLS),
            lit(null).cast(RawColumns.SCHEMA.apply(RawColumns.ERRORS).dataType()).as(RawColumns.ERRORS),
            functions.col(RawColumns.TIMESTAMPS));
    boolean mayQuarantine =
        fields.stream()
            .anyMatch(f -> f.type() == CanonicalField.Type.TIMESTAMP && isText(f, values));
    return new ParquetInput(match, parsed, rawCells, rows, mayQuarantine);
  }

  /**
   * Reads the footer of one Parquet file on the driver, so that a file cut short or not Parquet at
   * all is refused before any Spark job, naming that file (Spark would read only the first file's
   * footer here and fail on the others inside a task).
   *
   * @return the file's rows, as its footer counts them
   */
  private long checkFooter(InputFile file) {
    Path path = new Path(URI.create(file.qualifiedPath()));
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(path, spark.sparkContext().hadoopConfiguration()))) {
      reader.getFooter();
      return reader.getRecordCount();
    } catch (IOException | RuntimeException e) {
      throw InputFailures.footerProblem(file.qualifiedPath(), e);
    }
  }

  /**
   * Refuses a column whose type cannot hold its canonical field: a timestamp field must be a
   * timestamp, a date or text, a text field text or an integer (identifiers and codes are sometimes
   * stored as numbers). Text stored as Parquet binary without the string annotation (older Hive and
   * Impala files) is read as UTF-8 text. Without this, a book-in stored as a number of seconds
   * would be read as text and nearly every row quarantined as an unparseable date.
   */
  static void checkType(String unitName, CanonicalField field, StructField column) {
    DataType type = column.dataType();
    boolean text = type.equals(DataTypes.StringType) || type.equals(DataTypes.BinaryType);
    boolean accepted =
        field.type() == CanonicalField.Type.TIMESTAMP
            ? text
                || type.equals(DataTypes.TimestampType)
                || type.equals(DataTypes.TimestampNTZType)
                || type.equals(DataTypes.DateType)
            : text
                || type.equals(DataTypes.IntegerType)
                || type.equals(DataTypes.LongType)
                || type.equals(DataTypes.ShortType)
                || type.equals(DataTypes.ByteType);
    if (accepted) {
      return;
    }
    String acceptedTypes =
        field.type() == CanonicalField.Type.TIMESTAMP
            ? "a timestamp, a date or text (string)"
            : "text (string) or an integer";
    throw new InputException(
        "Cannot read Parquet input '"
            + unitName
            + "': its column '"
            + column.name()
            + "' (read as "
            + field.columnName()
            + ") is of type "
            + typeName(type)
            + ", but "
            + field.columnName()
            + " must be "
            + acceptedTypes
            + ". Export the column with one of those types (for a timestamp stored as a number,"
            + " convert it to a timestamp first), or convert the file to CSV.");
  }

  private static String typeName(DataType type) {
    if (type.equals(DataTypes.IntegerType)) {
      return "int (a 32-bit integer, Parquet INT32)";
    }
    if (type.equals(DataTypes.LongType)) {
      return "bigint (a 64-bit integer, Parquet INT64)";
    }
    return type.simpleString();
  }

  private static final String VERIFY_PAGE_CHECKSUMS = "parquet.page.verify-checksum.enabled";
  private static final String FILE_INDEX = "__file_index";
  private static final int MISSING = 0;
  private static final int REDACTED = 1;
  private static final int VALUE = 2;

  /** True when the field's cells are judged as text (not a typed timestamp). */
  private static boolean isText(CanonicalField field, Dataset<Row> values) {
    if (field.type() == CanonicalField.Type.TEXT) {
      return true;
    }
    return values.schema().apply(valueName(field)).dataType().equals(DataTypes.StringType);
  }

  private static Column normalizedValue(
      CanonicalField field, Dataset<Row> values, TimestampTextColumns dates) {
    Column value = functions.col(valueName(field));
    if (!isText(field, values)) {
      DataType type = values.schema().apply(valueName(field)).dataType();
      // An instant is read as its UTC wall clock: epoch + its microseconds, with no time zone.
      return type.equals(DataTypes.TimestampType)
          ? lit(EPOCH).plus(lit(ONE_MICROSECOND).multiply(functions.unix_micros(value)))
          : value;
    }
    Column isValue = functions.col(kindName(field)).equalTo(lit(VALUE));
    Column text = functions.col(trimmedName(field));
    return functions.when(
        isValue, field.type() == CanonicalField.Type.TEXT ? text : dates.parse(text));
  }

  private static Dataset<Row> parseOutput(
      Dataset<Row> normalized,
      Dataset<Row> values,
      List<CanonicalField> fields,
      List<String> columnNames,
      int unitIndex) {
    Column quarantined = lit(false);
    Column reason = null;
    List<Column> redactions = new ArrayList<>();
    List<Column> redactionLists = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      CanonicalField field = fields.get(i);
      if (!isText(field, values)) {
        continue;
      }
      Column kind = functions.col(kindName(field));
      redactions.add(kind.equalTo(lit(REDACTED)));
      redactionLists.add(
          functions
              .when(kind.equalTo(lit(REDACTED)), functions.array(lit(field.columnName())))
              .otherwise(NO_REDACTION));
      if (field.type() == CanonicalField.Type.TIMESTAMP) {
        Column unparseable =
            kind.equalTo(lit(VALUE)).and(functions.col(normalizedName(field)).isNull());
        quarantined = quarantined.or(unparseable);
        // Fields are in canonical order: the first unparseable one names the reason.
        Column fieldReason =
            TimestampTextColumns.unparseableReason(
                columnNames.get(i), functions.col(trimmedName(field)));
        reason =
            reason == null
                ? functions.when(unparseable, fieldReason)
                : reason.when(unparseable, fieldReason);
      }
    }
    Column redacted;
    if (redactions.isEmpty()) {
      redacted = lit(null).cast(REDACTED_TYPE);
    } else {
      // Built only for rows with a redaction; concat of non-null arrays keeps array<string not null>.
      Column anyRedacted = redactions.stream().reduce(Column::or).orElseThrow();
      redacted =
          functions.when(
              anyRedacted, functions.concat(redactionLists.toArray(new Column[0])));
    }
    Column inputOrder =
        functions
            .col(FILE_INDEX)
            .multiply(PlacementSchema.INPUT_ORDER_FILE_STRIDE)
            .plus(functions.col(PlacementSchema.SOURCE_ROW));
    List<Column> rawValues = new ArrayList<>();
    for (CanonicalField field : fields) {
      rawValues.add(functions.col(valueName(field)));
    }

    List<Column> output = new ArrayList<>();
    output.add(functions.col(PlacementSchema.SOURCE_FILE));
    output.add(functions.col(PlacementSchema.SOURCE_ROW));
    output.add(inputOrder.as(PlacementSchema.INPUT_ORDER));
    for (CanonicalField field : CanonicalField.values()) {
      Column value =
          fields.contains(field)
              ? functions.col(normalizedName(field))
              : lit(null).cast(PlacementSchema.sparkType(field));
      output.add(value.as(field.columnName()));
    }
    output.add(redacted.as(PlacementSchema.REDACTED_FIELDS));
    output.add(lit(unitIndex).as(PlacementSchema.INPUT_UNIT));
    output.add(quarantined.as(PlacementSchema.QUARANTINED));
    output.add(
        functions
            .when(quarantined, RawRecordColumn.of(columnNames, rawValues))
            .as(PlacementSchema.RAW));
    output.add(
        (reason == null ? lit(null).cast(DataTypes.StringType) : reason).as(PlacementSchema.REASON));
    output.add(lit(null).cast(DataTypes.IntegerType).as(PlacementSchema.BLANK_LINES));
    output.add(lit(null).cast(DataTypes.IntegerType).as(PlacementSchema.CONTINUATION_LINES));
    output.add(functions.col(RawColumns.CELLS));
    output.add(functions.col(RawColumns.TIMESTAMPS));
    return normalized.select(output.toArray(new Column[0]));
  }

  private static String valueName(CanonicalField field) {
    return "__value_" + field.ordinal();
  }

  private static String trimmedName(CanonicalField field) {
    return "__trimmed_" + field.ordinal();
  }

  private static String kindName(CanonicalField field) {
    return "__kind_" + field.ordinal();
  }

  private static String normalizedName(CanonicalField field) {
    return "__normalized_" + field.ordinal();
  }

  private static Column quoted(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  private static Column valueColumn(CanonicalField field, StructField column) {
    Column value = quoted(column.name());
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

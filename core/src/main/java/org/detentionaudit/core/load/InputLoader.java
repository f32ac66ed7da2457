package org.detentionaudit.core.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.Layout;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.layout.LayoutMatch;
import org.detentionaudit.core.normalize.FieldSource;
import org.detentionaudit.core.normalize.PlacementNormalizer;
import org.detentionaudit.core.profile.ColumnCountsAccumulator;
import org.detentionaudit.rules.CanonicalField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the user's inputs into one normalized placement table and a quarantine.
 *
 * <p>Inputs are files or folders (expanded recursively, sorted by path; see {@link
 * InputExpander}): delimited text ({@code .csv}, {@code .txt}, {@code .tsv}, comma, pipe or tab
 * detected from the header) and its {@code .gz}, Excel {@code .xlsx} workbooks (data sheets
 * streamed with POI's SAX event API), and Parquet. Each text file and each Parquet
 * input (a file, or a folder's part files together) is one accounted input with its own detected
 * layout; all inputs together form one dataset.
 *
 * <p>Work split: on the driver, only folder listings, the first lines of each text file (to find
 * the header past any preamble) and Parquet schemas are read. Text files are then streamed inside
 * Spark tasks through Hadoop {@code FileSystem}, so the same code runs locally and on a cluster; no
 * data row ever comes to the driver. A large plain text file is read by several tasks, one per byte
 * range, with the same rows and {@code source_row}s as one task gives ({@link TextFileSplitter});
 * any other text file (gzipped, UTF-16, small, or with a line ending inside quotes) by one task.
 *
 * <p>Time zones: timestamps are wall-clock {@code TIMESTAMP_NTZ} values exactly as written; neither
 * the JVM nor the Spark session time zone shifts them (see {@link
 * org.detentionaudit.core.normalize.TimestampParser}).
 */
public final class InputLoader {
  private static final Logger LOG = LoggerFactory.getLogger(InputLoader.class);

  /**
   * Spark configuration key: a plain text file whose data are larger than this many bytes is read
   * by several tasks, one per byte range of at most this many bytes (default: split above 64 MiB,
   * ranges of at most 128 MiB, at least one per core; see {@link TextFileSplitter}). Set it above
   * the size of every input to read each text file in one task.
   */
  public static final String TEXT_SPLIT_BYTES = TextFileSplitter.SPLIT_BYTES_KEY;

  private final SparkSession spark;
  private final LayoutCatalog layouts;

  /**
   * @param spark the session to read with; its Hadoop configuration is used to open files
   * @param layouts the layouts to detect from (e.g. {@link LayoutCatalog#builtIn()})
   */
  public InputLoader(SparkSession spark, LayoutCatalog layouts) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.layouts = Objects.requireNonNull(layouts, "layouts");
  }

  /** One accounted input while loading. */
  private record InputUnit(
      int unitIndex,
      String name,
      String format,
      List<InputFile> files,
      LayoutMatch match,
      Set<CanonicalField> availableFields,
      TextEncoding encoding) {
    InputUnit(int unitIndex, String name, String format, List<InputFile> files, LayoutMatch match) {
      this(unitIndex, name, format, files, match, match.availableFields(), null);
    }
  }

  /**
   * Reads, normalizes and materializes (persists + counts) the inputs.
   *
   * <p>Every input must resolve to a layout ({@code forcedLayoutName} overrides detection for all of
   * them; empty or {@code auto} detects). The returned placements and quarantine are filters of one
   * persisted ({@code MEMORY_AND_DISK}) parse output, materialized here by the one aggregation that
   * counts the rows; call {@link LoadedDataset#unpersist()} when done. For each input,
   * rows read = rows loaded + rows quarantined.
   *
   * @param inputPaths files or folders, in the order that defines {@code input_order}; not empty
   * @param forcedLayoutName a layout name from the catalog, or empty / {@code auto} to detect
   * @throws InputException when a path does not exist, a file type is unsupported, a file is empty,
   *     has a header but no data rows, matches no layout, or cannot be read to its end (e.g. a
   *     truncated {@code .gz}); the message names the file and what to do
   */
  public LoadedDataset load(List<String> inputPaths, Optional<String> forcedLayoutName) {
    return load(inputPaths, forcedLayoutName, Optional.empty());
  }

  /**
   * As {@link #load(List, Optional)}, reading only the sheet called {@code sheetName} of every
   * Excel workbook among the inputs (exact name, else trimmed and ignoring case). Without a sheet
   * name, a workbook's data sheets are detected: sheets named {@code Summary} and {@code Footnotes}
   * are not audited, and the sheets whose header fits the best-matching layout are stacked in tab
   * order (a table split across sheets is one dataset; sheets holding other tables are skipped).
   * A workbook is one accounted input (format {@code xlsx}); its rows' {@code source_file} is
   * {@code <workbook>#<sheet name>} and {@code source_row} the data row after that sheet's header.
   *
   * @param sheetName the sheet to read in each workbook, or empty to detect
   * @throws InputException as {@link #load(List, Optional)}, and when a sheet name is given but no
   *     input is a workbook, a workbook has no sheet of that name or no sheet holding a detention
   *     table (the message lists its sheets), is protected by a password, or is refused by the
   *     zip-bomb guard ({@link WorkbookGuard}: the message names the limit and the part)
   */
  public LoadedDataset load(
      List<String> inputPaths, Optional<String> forcedLayoutName, Optional<String> sheetName) {
    return load(inputPaths, forcedLayoutName, sheetName, null);
  }

  /**
   * As {@link #load(List, Optional, Optional)}, decoding every text input in {@code encoding}
   * (but a file starting with a byte-order mark, which is read as the mark says).
   *
   * <p>Without an encoding, each text file's is detected from its first {@link
   * TextEncoding#SAMPLE_BYTES} bytes ({@link TextEncoding}): UTF-8 when they are valid UTF-8, else
   * windows-1252. Decoding is strict: a line holding bytes the encoding cannot read (past the
   * sample) is quarantined with a reason naming the byte and {@code --encoding}, never read with a
   * replacement character; for encodings whose lines cannot be split before decoding (UTF-16),
   * such a line stops the load with an {@link InputException} naming the file and the line.
   *
   * @param encoding the encoding given by the user ({@link TextEncoding#given}), or null to detect
   */
  public LoadedDataset load(
      List<String> inputPaths,
      Optional<String> forcedLayoutName,
      Optional<String> sheetName,
      TextEncoding encoding) {
    Optional<Layout> forced = layouts.forcedLayout(forcedLayoutName);
    Optional<String> sheet = sheetName == null ? Optional.empty() : sheetName.filter(s -> !s.isBlank());
    Configuration hadoopConfiguration = spark.sparkContext().hadoopConfiguration();
    List<InputFile> files = new InputExpander(hadoopConfiguration).expand(inputPaths);

    List<InputUnit> units = new ArrayList<>();
    List<TextFilePlan> textPlans = new ArrayList<>();
    List<WorkbookPlan> workbookPlans = new ArrayList<>();
    WorkbookSheetSniffer sheetSniffer = new WorkbookSheetSniffer(hadoopConfiguration, layouts);
    if (sheet.isPresent() && files.stream().noneMatch(f -> f.kind() == InputFile.Kind.XLSX)) {
      throw new InputException(
          "Cannot use --sheet "
              + sheet.get()
              + ": no input is an Excel workbook (.xlsx). Leave --sheet out for text and Parquet"
              + " inputs.");
    }
    List<ParquetInputReader.ParquetInput> parquetInputs = new ArrayList<>();
    List<WorkbookSummarySheet> summarySheets = new ArrayList<>();
    List<ProfiledInput> profiled = new ArrayList<>();
    TextHeaderSniffer sniffer = new TextHeaderSniffer(hadoopConfiguration, layouts);
    ParquetInputReader parquetReader = new ParquetInputReader(spark, layouts);
    Map<String, List<InputFile>> parquetByUserPath = new LinkedHashMap<>();
    for (InputFile file : files) {
      if (file.kind() == InputFile.Kind.PARQUET) {
        parquetByUserPath.computeIfAbsent(file.userPath(), k -> new ArrayList<>()).add(file);
      }
    }
    Map<String, Boolean> parquetUnitCreated = new HashMap<>();
    for (InputFile file : files) {
      int unitIndex = units.size();
      if (file.kind() == InputFile.Kind.TEXT) {
        TextEncoding fileEncoding = encodingOf(hadoopConfiguration, file, encoding);
        TextFileHeader header = sniffer.sniff(file, fileEncoding, forced);
        String format = header.delimiter().formatName() + (file.gzip() ? ".gz" : "");
        units.add(
            new InputUnit(
                unitIndex,
                file.sourceName(),
                format,
                List.of(file),
                header.match(),
                header.match().availableFields(),
                fileEncoding));
        textPlans.add(textPlan(file, unitIndex, header, fileEncoding));
        profiled.add(profiledInput(unitIndex, file.sourceName(), header.match().header(), header.match()));
      } else if (file.kind() == InputFile.Kind.XLSX) {
        WorkbookSheetSniffer.Choice choice = sheetSniffer.choose(file, unitIndex, forced, sheet);
        Set<CanonicalField> available = EnumSet.noneOf(CanonicalField.class);
        available.addAll(choice.availableFields());
        units.add(
            new InputUnit(
                unitIndex, file.sourceName(), "xlsx", List.of(file), choice.match(), available, null));
        workbookPlans.add(choice.plan());
        WorkbookSummarySheet.read(hadoopConfiguration, choice.plan()).ifPresent(summarySheets::add);
        List<String> columns = WorkbookColumns.of(choice.plan()).names();
        profiled.add(profiledInput(unitIndex, file.sourceName(), columns, choice.match()));
        LOG.info(
            "Workbook {}: sheets read {}",
            file.sourceName(),
            choice.plan().sheets().stream().map(WorkbookPlan.SheetPlan::sheetName).toList());
      } else if (parquetUnitCreated.putIfAbsent(file.userPath(), true) == null) {
        List<InputFile> parts = parquetByUserPath.get(file.userPath());
        String name = file.userPath();
        ParquetInputReader.ParquetInput input =
            parquetReader.read(unitIndex, name, parts, forced);
        units.add(new InputUnit(unitIndex, name, "parquet", parts, input.match()));
        parquetInputs.add(input);
        profiled.add(profiledInput(unitIndex, name, input.match().header(), input.match()));
      }
    }
    for (InputUnit unit : units) {
      LOG.info(
          "Input {}: format {}, layout {}, encoding {}, fields {}",
          unit.name(),
          unit.format(),
          unit.match().layout().name(),
          unit.encoding() == null ? "n/a" : unit.encoding().describe(),
          unit.availableFields());
    }

    if (textPlans.isEmpty() && workbookPlans.isEmpty()) {
      return readDirectly(units, parquetInputs, profiled);
    }
    Broadcast<HadoopConfigurationCarrier> configuration =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(new HadoopConfigurationCarrier(hadoopConfiguration));
    List<TextFileSplit> textSplits;
    try {
      textSplits = new TextFileSplitter(spark, hadoopConfiguration).split(textPlans, configuration);
    } catch (Exception e) {
      // Spark raises the checked SparkException from Scala code, hence Exception here.
      throw translateTaskFailure(e);
    }
    // Text and workbook inputs are counted for the column profile in the tasks that parse them.
    ColumnCountsAccumulator columnCounts =
        ColumnCountsAccumulator.registered(spark.sparkContext(), profiled);
    Dataset<Row> parsed =
        parseOutput(
            textSplits,
            workbookPlans,
            parquetInputs.stream()
                .map(input -> input.parsed().select(columns(PlacementSchema.PARSE_OUTPUT.fields())))
                .toList(),
            configuration,
            columnCounts);
    parsed.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<Integer, long[]> counts = countRows(parsed);
      RawColumns rawColumns =
          new RawColumns(
              union(parquetInputs.stream().map(ParquetInputReader.ParquetInput::cells).toList()),
              profiled,
              columnCounts.value());
      List<InputAccounting> accounting = new ArrayList<>();
      for (InputUnit unit : units) {
        long[] count = counts.getOrDefault(unit.unitIndex(), new long[5]);
        if (count[0] == 0) {
          throw headerOnly(unit);
        }
        TextEncoding unitEncoding = unit.encoding();
        InputAccounting.Text text =
            unitEncoding == null
                ? null
                : new InputAccounting.Text(
                    unitEncoding.charsetName(),
                    unitEncoding.origin(),
                    count[0] + count[2] + count[3],
                    count[2],
                    count[3],
                    count[4]);
        accounting.add(
            new InputAccounting(
                unit.name(),
                unit.format(),
                unit.match().layout().name(),
                count[0],
                count[0] - count[1],
                count[1],
                text));
      }
      // Both tables are filters of the one cached parse output: the data is materialized once
      // (by the count above) and the cache is released with the LoadedDataset.
      return new LoadedDataset(
          loadedRows(parsed),
          quarantinedRows(parsed),
          availableFields(units),
          accounting,
          windowStart(units),
          parsed,
          rawColumns,
          summarySheets,
          null);
    } catch (Exception e) {
      // Spark raises the checked SparkException from Scala code, hence Exception here.
      parsed.unpersist(false);
      throw translateTaskFailure(e);
    }
  }

  /**
   * Parquet inputs alone are not cached: each pass reads the files again (Parquet reads only the
   * columns a pass needs, and decoding them costs less than filling and reading a cache). Rows read
   * come from the files' footers; rows quarantined (only a timestamp stored as text can fail to
   * parse) are counted by one aggregation that reads those columns alone, and are 0 with no job
   * when every timestamp is typed.
   */
  private LoadedDataset readDirectly(
      List<InputUnit> units,
      List<ParquetInputReader.ParquetInput> inputs,
      List<ProfiledInput> profiled) {
    Dataset<Row> parsed = union(inputs.stream().map(ParquetInputReader.ParquetInput::parsed).toList());
    Map<Integer, Long> quarantined = new HashMap<>();
    try {
      if (inputs.stream().anyMatch(ParquetInputReader.ParquetInput::mayQuarantine)) {
        for (Row row :
            parsed
                .filter(col(PlacementSchema.QUARANTINED))
                .groupBy(col(PlacementSchema.INPUT_UNIT))
                .agg(count(lit(1)))
                .collectAsList()) {
          quarantined.put(row.getInt(0), row.getLong(1));
        }
      }
    } catch (Exception e) {
      // Spark raises the checked SparkException from Scala code, hence Exception here.
      throw translateTaskFailure(e);
    }
    List<InputAccounting> accounting = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      InputUnit unit = units.get(i);
      long read = inputs.get(i).rows();
      if (read == 0) {
        throw headerOnly(unit);
      }
      long unreadable = quarantined.getOrDefault(unit.unitIndex(), 0L);
      accounting.add(
          new InputAccounting(
              unit.name(),
              unit.format(),
              unit.match().layout().name(),
              read,
              read - unreadable,
              unreadable,
              null));
    }
    return new LoadedDataset(
        loadedRows(parsed),
        quarantined.isEmpty()
            ? spark.createDataFrame(List.of(), PlacementSchema.QUARANTINE)
            : quarantinedRows(parsed),
        availableFields(units),
        accounting,
        windowStart(units),
        null,
        new RawColumns(
            union(inputs.stream().map(ParquetInputReader.ParquetInput::cells).toList()), profiled),
        List.of(),
        parsed);
  }

  /** The loaded records of a parse output, in the placement schema. */
  private static Dataset<Row> loadedRows(Dataset<Row> parsed) {
    return parsed
        .filter(not(col(PlacementSchema.QUARANTINED)))
        .select(columns(PlacementSchema.PLACEMENTS.fields()));
  }

  /** The quarantined rows of a parse output, in the quarantine schema. */
  private static Dataset<Row> quarantinedRows(Dataset<Row> parsed) {
    return parsed
        .filter(col(PlacementSchema.QUARANTINED))
        .select(columns(PlacementSchema.QUARANTINE.fields()));
  }

  /** The encoding of a text file: detected, or the one given (see {@link TextEncoding#detect}). */
  private static TextEncoding encodingOf(
      Configuration configuration, InputFile file, TextEncoding given) {
    try {
      return TextFileOpener.encodingOf(configuration, file.qualifiedPath(), file.gzip(), given);
    } catch (java.io.IOException e) {
      throw UnreadableInputException.forIoFailure(file.sourceName(), file.gzip(), e)
          .toInputException();
    }
  }

  static TextFilePlan textPlan(
      InputFile file, int unitIndex, TextFileHeader header, TextEncoding encoding) {
    LayoutMatch match = header.match();
    List<FieldSource> sources = new ArrayList<>();
    for (Map.Entry<CanonicalField, Integer> entry : match.fieldPositions().entrySet()) {
      sources.add(
          new FieldSource(entry.getKey(), entry.getValue(), match.header().get(entry.getValue())));
    }
    return new TextFilePlan(
        file.fileIndex(),
        unitIndex,
        file.sourceName(),
        file.qualifiedPath(),
        file.gzip(),
        encoding,
        header.delimiter().character(),
        header.headerLineIndex() + 1,
        match.header().size(),
        new PlacementNormalizer(sources, match.layout().timestampParser()));
  }

  private Dataset<Row> parseOutput(
      List<TextFileSplit> textSplits,
      List<WorkbookPlan> workbookPlans,
      List<Dataset<Row>> parquetOutputs,
      Broadcast<HadoopConfigurationCarrier> configuration,
      ColumnCountsAccumulator columnCounts) {
    return streamedUnion(
        PlacementSchema.PARSE_OUTPUT,
        textSplits,
        split -> TextFileParser.open(split, configuration.value().configuration(), columnCounts),
        workbookPlans,
        plan -> WorkbookParser.open(plan, configuration.value().configuration(), columnCounts),
        parquetOutputs);
  }

  /** The union of {@code parts} (lazy: read when used), or null when there are none. */
  private static Dataset<Row> union(List<Dataset<Row>> parts) {
    return parts.stream().reduce(Dataset::union).orElse(null);
  }

  /**
   * The union of the text files' rows, the workbooks' rows (each read by {@code readFile} and
   * {@code readWorkbook} in a task of its own: one partition per text split (a file, or a byte
   * range of a large one: {@link TextFileSplitter}) or workbook, which the task streams whole, in
   * order) and the Parquet inputs' rows, all of {@code schema}.
   */
  private <T, W> Dataset<Row> streamedUnion(
      StructType schema,
      List<T> textSplits,
      FlatMapFunction<T, Row> readFile,
      List<W> workbooks,
      FlatMapFunction<W, Row> readWorkbook,
      List<Dataset<Row>> parquetParts) {
    List<Dataset<Row>> parts = new ArrayList<>();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (!textSplits.isEmpty()) {
      parts.add(spark.createDataFrame(jsc.parallelize(textSplits, textSplits.size()).flatMap(readFile), schema));
    }
    if (!workbooks.isEmpty()) {
      parts.add(spark.createDataFrame(jsc.parallelize(workbooks, workbooks.size()).flatMap(readWorkbook), schema));
    }
    parts.addAll(parquetParts);
    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return all;
  }

  private static ProfiledInput profiledInput(
      int unitIndex, String name, List<String> columns, LayoutMatch match) {
    Map<String, CanonicalField> canonical = new HashMap<>();
    for (Map.Entry<CanonicalField, Integer> entry : match.fieldPositions().entrySet()) {
      String header = match.header().get(entry.getValue());
      String column = header == null ? "" : header.trim();
      for (String candidate : columns) {
        if (candidate.equals(header) || candidate.equals(column)) {
          canonical.putIfAbsent(candidate, entry.getKey());
        }
      }
    }
    return new ProfiledInput(unitIndex, name, columns, canonical);
  }

  /**
   * Per input unit, in one aggregation: rows read, rows quarantined, blank lines, continuation
   * lines and multi-line records (the last three 0 for workbooks and Parquet).
   */
  private static Map<Integer, long[]> countRows(Dataset<Row> parsed) {
    Column continuation = functions.coalesce(col(PlacementSchema.CONTINUATION_LINES), lit(0));
    List<Row> rows =
        parsed
            .groupBy(col(PlacementSchema.INPUT_UNIT))
            .agg(
                count(lit(1)).as("rows_read"),
                sum(when(col(PlacementSchema.QUARANTINED), 1L).otherwise(0L))
                    .as("rows_quarantined"),
                sum(functions.coalesce(col(PlacementSchema.BLANK_LINES), lit(0)).cast("long"))
                    .as("blank_lines"),
                sum(continuation.cast("long")).as("continuation_lines"),
                sum(when(continuation.gt(0), 1L).otherwise(0L)).as("multi_line_records"))
            .collectAsList();
    Map<Integer, long[]> counts = new HashMap<>();
    for (Row row : rows) {
      counts.put(
          row.getInt(0),
          new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)});
    }
    return counts;
  }

  private static Column[] columns(StructField[] fields) {
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = col(fields[i].name());
    }
    return columns;
  }

  private static Set<CanonicalField> availableFields(List<InputUnit> units) {
    Set<CanonicalField> available = EnumSet.allOf(CanonicalField.class);
    for (InputUnit unit : units) {
      available.retainAll(unit.availableFields());
    }
    return available;
  }

  /** The earliest covers_from of the inputs' layouts, or empty when one of them has none. */
  private static Optional<LocalDate> windowStart(List<InputUnit> units) {
    Optional<LocalDate> earliest = Optional.empty();
    for (InputUnit unit : units) {
      Optional<LocalDate> coversFrom = unit.match().layout().coversFrom();
      if (coversFrom.isEmpty()) {
        return Optional.empty();
      }
      if (earliest.isEmpty() || coversFrom.get().isBefore(earliest.get())) {
        earliest = coversFrom;
      }
    }
    return earliest;
  }

  private static InputException headerOnly(InputUnit unit) {
    return new InputException(
        "Cannot load input '"
            + unit.name()
            + "': it has a header but no data rows. Check that the export finished, or remove"
            + " the input.");
  }

  /**
   * Turns a failure raised inside a Spark task for an unreadable file into the {@link
   * InputException} it stands for; any other failure is returned unchanged.
   */
  static RuntimeException translateTaskFailure(Exception failure) {
    return InputFailures.translate(failure);
  }
}

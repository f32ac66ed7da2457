package org.detentionaudit.core.history;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.detentionaudit.core.FaultInjection;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.compare.ReleaseMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A history folder: one Parquet file per audit run, one row per (run, metric), columns {@link
 * #SCHEMA}. Append-only, so concurrent runs need no lock: a run writes its file under a hidden name
 * ({@code .writing-<file>}) and renames it to {@code run-<started>-<run id>.parquet}, a name no
 * other run uses, in one rename; no file is ever read, rewritten and replaced. Readers (this class,
 * Spark, DuckDB) skip names starting with {@code .} or {@code _}, so a run being written or killed
 * mid-write is never read. Works on any Hadoop file system with a rename (local, HDFS; on object
 * stores the rename is a copy, still never seen half-written).
 *
 * <p>A folder holding anything else than such files (not hidden: a subfolder, a file not ending in
 * {@code .parquet}) is not a history and is refused, so that {@code --history} pointed at the wrong
 * folder does nothing. The files are written without a Spark job, with parquet-hadoop's example
 * writer.
 */
public final class HistoryStore {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
  /** The file name of a run's Parquet file: {@code run-} + started (UTC, to the second) + id. */
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String STAGING_PREFIX = ".writing-";

  /**
   * The columns of a history file: the run's key ({@code run_id}, {@code label}, {@code
   * extract_date}, {@code started_at}, {@code tool_version}), its facts ({@code
   * extract_date_origin}, {@code first_book_in}, {@code last_book_in}) on each of its rows, then
   * the metric ({@code kind}, {@code key}, {@code measure}, {@code value}). Timestamps are INT64
   * microseconds: {@code started_at} an instant (UTC), the others local date-times as the audit
   * states them (Spark reads them as TIMESTAMP_NTZ).
   */
  public static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("run_id")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("label")
          .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named("extract_date")
          .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("extract_date_origin")
          .required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named("started_at")
          .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("tool_version")
          .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named("first_book_in")
          .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named("last_book_in")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("kind")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("key")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("measure")
          .required(PrimitiveTypeName.DOUBLE).named("value")
          .named("history");

  /** The columns a file must have to be read as a history file. */
  private static final List<String> REQUIRED =
      List.of("run_id", "label", "started_at", "kind", "key", "measure", "value");

  private final String shownDir;
  private final Path dir;
  private final Configuration conf;

  private HistoryStore(String shownDir, Path dir, Configuration conf) {
    this.shownDir = shownDir;
    this.dir = dir;
    this.conf = conf;
  }

  /**
   * Checks {@code dir} before any data are read: creates it when missing, refuses a file, a folder
   * that is not a history, and one that cannot be written (a hidden probe file is created and
   * deleted).
   *
   * @param dir a local path or a Hadoop URI
   * @throws InputException naming the folder, the problem and the fix
   */
  public static HistoryStore open(String dir, Configuration conf) {
    if (dir == null || dir.isBlank()) {
      throw new InputException("Cannot use history folder '': no path given. Give --history a folder.");
    }
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(conf);
      path = fs.makeQualified(path);
      if (fs.exists(path) && !fs.getFileStatus(path).isDirectory()) {
        throw new InputException(
            "Cannot use history folder " + dir + ": it is a file, not a folder. Give --history a folder"
                + " (a new one is created), or the folder earlier audits appended to.");
      }
      HistoryStore store = new HistoryStore(dir, path, conf);
      if (fs.exists(path)) {
        store.checkContents(fs);
      } else {
        try {
          if (!fs.mkdirs(path)) {
            throw new IOException("mkdirs returned false");
          }
        } catch (IOException e) {
          throw new InputException(
              "Cannot create history folder " + dir + ": " + firstLine(e) + ". Give --history a folder"
                  + " inside one you can write to.",
              e);
        }
      }
      store.probe(fs);
      return store;
    } catch (IOException e) {
      throw new InputException(
          "Cannot check history folder " + dir + ": " + firstLine(e) + ". Check the path and its permissions.", e);
    }
  }

  /** The folder as the caller named it. */
  public String shownDir() {
    return shownDir;
  }

  /**
   * Every run in the folder, in no particular order (use {@link HistoryRun#ORDER}); a run's rows
   * in the order written. Hidden files are skipped.
   *
   * @throws InputException when a file cannot be read or lacks a history column
   */
  public List<HistoryRun> read() {
    Map<String, Builder> runs = new LinkedHashMap<>();
    for (FileStatus file : files()) {
      String name = file.getPath().getName();
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), file.getPath()).withConf(conf).build()) {
        for (Group next = reader.read(); next != null; next = reader.read()) {
          Group row = next;
          checkColumns(name, row.getType());
          String runId = row.getString("run_id", 0);
          runs.computeIfAbsent(runId, id -> new Builder(row)).metrics.add(
              new ReleaseMetrics.Metric(
                  row.getString("kind", 0), row.getString("key", 0), row.getString("measure", 0),
                  row.getDouble("value", 0)));
        }
      } catch (InputException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot read history file {}", file.getPath(), e);
        throw new InputException(
            "Cannot read history folder " + shownDir + ": its file " + name + " cannot be read as"
                + " Parquet (" + firstLine(e) + "). Move that file out of the folder (it holds no"
                + " readable run), then run again.",
            e);
      }
    }
    return runs.values().stream().map(Builder::build).toList();
  }

  /**
   * Appends a run: writes its rows to a hidden file in the folder, then renames it to {@code
   * run-<started>-<run id>.parquet}. On failure the hidden file is removed and nothing is
   * appended.
   *
   * @return the file's name
   * @throws InputException when the folder cannot be written or the file's name is taken
   */
  public String append(HistoryRun run) {
    String name = "run-" + FILE_TIME.format(run.startedAt()) + "-" + run.runId() + ".parquet";
    Path staging = new Path(dir, STAGING_PREFIX + name);
    Path target = new Path(dir, name);
    try {
      FileSystem fs = rawFileSystem();
      try {
        write(fs, staging, run);
        FaultInjection.at(FaultInjection.Point.HISTORY_APPEND);
        if (!fs.rename(staging, target)) {
          throw new IOException("cannot rename " + staging.getName() + " to " + name
              + (fs.exists(target) ? ": the name is taken" : ""));
        }
      } finally {
        fs.delete(staging, false);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(
          "Cannot append to history folder " + shownDir + ": "
              + firstLine(e instanceof UncheckedIOException u ? u.getCause() : e) + ". Check the free"
              + " space and permissions of the folder; nothing was appended.",
          e);
    }
    LOG.info("Appended run {} ({} metrics) to history {} as {}", run.label(), run.metrics().size(), shownDir, name);
    return name;
  }

  /** The run files: every entry not hidden, which {@link #checkContents} found to be Parquet files. */
  private List<FileStatus> files() {
    try {
      FileSystem fs = dir.getFileSystem(conf);
      return Arrays.stream(fs.listStatus(dir))
          .filter(f -> !hidden(f.getPath().getName()))
          .sorted(Comparator.comparing(f -> f.getPath().getName()))
          .toList();
    } catch (FileNotFoundException e) {
      throw new InputException(
          "Cannot read history folder " + shownDir + ": it was removed while the audit ran. Run again.", e);
    } catch (IOException e) {
      throw new InputException(
          "Cannot read history folder " + shownDir + ": " + firstLine(e) + ". Check its permissions.", e);
    }
  }

  private void checkContents(FileSystem fs) throws IOException {
    List<String> foreign = new ArrayList<>();
    for (FileStatus entry : fs.listStatus(dir)) {
      String name = entry.getPath().getName();
      if (!hidden(name) && (entry.isDirectory() || !name.endsWith(".parquet"))) {
        foreign.add(entry.isDirectory() ? name + "/" : name);
      }
    }
    if (!foreign.isEmpty()) {
      foreign.sort(null);
      throw new InputException(
          "Cannot use history folder " + shownDir + ": it is not a detention-audit history (a history"
              + " holds only the .parquet files of the runs appended to it), and it holds "
              + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
              + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "")
              + ". Give --history a new or empty folder, or the folder earlier audits appended to.");
    }
  }

  private void probe(FileSystem fs) {
    Path probe = new Path(dir, ".probe-" + UUID.randomUUID());
    try {
      try (OutputStream out = fs.create(probe, false)) {
        out.write('.');
      } finally {
        fs.delete(probe, false);
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write history folder " + shownDir + ": " + firstLine(e) + ". Give --history a folder"
              + " you can write to, or fix its permissions.",
          e);
    }
  }

  private void checkColumns(String file, GroupType type) {
    for (String column : REQUIRED) {
      if (!type.containsField(column)) {
        throw new InputException(
            "Cannot read history folder " + shownDir + ": its file " + file + " is not a history file (it"
                + " has no column '" + column + "'). Move that file out of the folder, then run again.");
      }
    }
  }

  private void write(FileSystem fs, Path file, HistoryRun run) throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new FileSystemOutputFile(fs, file))
            .withType(SCHEMA)
            .withConf(conf)
            .withWriteMode(ParquetFileWriter.Mode.CREATE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (ReleaseMetrics.Metric metric : run.metrics()) {
        Group row = groups.newGroup();
        row.add("run_id", run.runId());
        row.add("label", run.label());
        if (run.extractDate() != null) {
          row.add("extract_date", micros(run.extractDate()));
        }
        if (run.extractDateOrigin() != null) {
          row.add("extract_date_origin", run.extractDateOrigin());
        }
        row.add("started_at", ChronoUnit.MICROS.between(Instant.EPOCH, run.startedAt()));
        if (run.toolVersion() != null) {
          row.add("tool_version", run.toolVersion());
        }
        if (run.firstBookIn() != null) {
          row.add("first_book_in", micros(run.firstBookIn()));
        }
        if (run.lastBookIn() != null) {
          row.add("last_book_in", micros(run.lastBookIn()));
        }
        row.add("kind", metric.kind());
        row.add("key", metric.key());
        row.add("measure", metric.measure());
        row.add("value", metric.value());
        writer.write(row);
      }
    }
  }

  /** The folder's file system without Hadoop's {@code .crc} side files (local). */
  private FileSystem rawFileSystem() throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    return fs instanceof ChecksumFileSystem checksum ? checksum.getRawFileSystem() : fs;
  }

  /** Names Spark and Hadoop readers skip: a run being written, a probe, {@code _SUCCESS}. */
  static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  private static long micros(LocalDateTime value) {
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), value);
  }

  private static LocalDateTime localDateTime(long micros) {
    return LocalDateTime.of(1970, 1, 1, 0, 0).plus(micros, ChronoUnit.MICROS);
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  /** A run's key and facts from its first row, and its metrics as read. */
  private static final class Builder {
    private final Group first;
    private final List<ReleaseMetrics.Metric> metrics = new ArrayList<>();

    Builder(Group first) {
      this.first = first;
    }

    HistoryRun build() {
      return new HistoryRun(
          first.getString("run_id", 0),
          first.getString("label", 0),
          timestamp(first, "extract_date"),
          text(first, "extract_date_origin"),
          Instant.EPOCH.plus(first.getLong("started_at", 0), ChronoUnit.MICROS),
          text(first, "tool_version"),
          timestamp(first, "first_book_in"),
          timestamp(first, "last_book_in"),
          metrics);
    }

    private static LocalDateTime timestamp(Group row, String field) {
      return present(row, field) ? localDateTime(row.getLong(field, 0)) : null;
    }

    private static String text(Group row, String field) {
      return present(row, field) ? row.getString(field, 0) : null;
    }

    private static boolean present(Group row, String field) {
      return row.getType().containsField(field) && row.getFieldRepetitionCount(field) > 0;
    }
  }

  /** A Parquet {@link OutputFile} on a Hadoop file system, created only if absent. */
  private record FileSystemOutputFile(FileSystem fs, Path path) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      FSDataOutputStream out = fs.create(path, false);
      return HadoopStreams.wrap(out);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      return HadoopStreams.wrap(fs.create(path, true));
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}

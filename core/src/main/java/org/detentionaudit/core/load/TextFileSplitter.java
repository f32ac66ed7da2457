package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which Spark tasks read the text files: a large plain file is cut into byte ranges read
 * in parallel, every other file is read whole by one task.
 *
 * <p>A file is split when it is not gzipped, its encoding writes every line end as the single
 * bytes {@code \n} and {@code \r} ({@link TextEncoding#asciiCompatible()}: UTF-8, windows-1252,
 * ISO-8859-x; not UTF-16), and its data (the bytes after the header line) are larger than {@value
 * #DEFAULT_MIN_SPLIT_BYTES} bytes (64 MiB). The data are then cut into {@code max(default
 * parallelism, ceil(data bytes / 128 MiB))} ranges of equal size; a range holds the lines that
 * begin in it ({@link ByteLineReader#range}). The header and any preamble are read once, on the
 * driver, which finds the byte where the data start.
 *
 * <p>Exactness: a first Spark job reads every range once and counts its lines, its blank lines at
 * its end, whether it holds a line that is not blank, and whether a line of it ends inside a quoted
 * value (the quote scan of {@link DelimitedRecordReader.QuoteState}, from the line's start). From
 * these each range's reader learns where it stands ({@link TextFileSplit.Start}), so {@code
 * source_row}, blank lines and every count are those of the one-task reader. A line ending inside
 * quotes may start a record that spans lines, possibly across a range end, or a stray quote whose
 * handling looks ahead up to {@value DelimitedRecordReader#MAX_LINES_PER_RECORD} lines: a file with
 * such a line is read whole by one task, as before (logged at INFO, naming the file only).
 *
 * <p>Spark configuration {@value #SPLIT_BYTES_KEY}: when set, both the size above which a file is
 * split and the largest range (for tests, to split small files; or set it above the file size to
 * read each file in one task).
 */
final class TextFileSplitter {
  /** Spark configuration key: the split threshold and largest range, in bytes. */
  static final String SPLIT_BYTES_KEY = "spark.detentionaudit.textSplitBytes";

  /** Data larger than this are split: 64 MiB. */
  static final long DEFAULT_MIN_SPLIT_BYTES = 64L << 20;

  /** The largest range when the file is cut into more ranges than cores: 128 MiB. */
  static final long DEFAULT_MAX_RANGE_BYTES = 128L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(TextFileSplitter.class);

  private final SparkSession spark;
  private final Configuration configuration;

  TextFileSplitter(SparkSession spark, Configuration configuration) {
    this.spark = spark;
    this.configuration = configuration;
  }

  /**
   * What the lines of one range hold, for the counting job.
   *
   * @param lines the lines that begin in the range
   * @param trailingBlankLines the blank lines after its last line that is not blank (all of its
   *     lines when every one is blank)
   * @param hasRecord whether a line is not blank (it then holds at least one record)
   * @param opensQuote whether a line that is not blank ends inside a quoted value
   */
  record RangeLines(long lines, long trailingBlankLines, boolean hasRecord, boolean opensQuote)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The splits of {@code plans}, in file order and, within a file, in range order.
   *
   * @param carrier the Hadoop configuration for the counting job's tasks
   * @throws UnreadableInputException (possibly inside a Spark failure) when a file cannot be read
   */
  List<TextFileSplit> split(
      List<TextFilePlan> plans, Broadcast<HadoopConfigurationCarrier> carrier) {
    long minSplitBytes = DEFAULT_MIN_SPLIT_BYTES;
    long maxRangeBytes = DEFAULT_MAX_RANGE_BYTES;
    String configured = spark.conf().get(SPLIT_BYTES_KEY, null);
    if (configured != null) {
      minSplitBytes = Long.parseLong(configured.trim());
      maxRangeBytes = Math.max(1, minSplitBytes);
    }
    int parallelism = spark.sparkContext().defaultParallelism();
    List<List<TextFileSplit>> rangesOfPlan = new ArrayList<>();
    List<TextFileSplit> allRanges = new ArrayList<>();
    for (TextFilePlan plan : plans) {
      List<TextFileSplit> ranges = ranges(plan, minSplitBytes, maxRangeBytes, parallelism);
      rangesOfPlan.add(ranges);
      allRanges.addAll(ranges);
    }
    if (allRanges.isEmpty()) {
      return plans.stream().map(TextFileSplit::whole).toList();
    }
    List<RangeLines> counted =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(allRanges, allRanges.size())
            .map(range -> count(range, carrier.value().configuration()))
            .collect();
    List<TextFileSplit> splits = new ArrayList<>();
    int next = 0;
    for (int p = 0; p < plans.size(); p++) {
      TextFilePlan plan = plans.get(p);
      List<TextFileSplit> ranges = rangesOfPlan.get(p);
      if (ranges.isEmpty()) {
        splits.add(TextFileSplit.whole(plan));
        continue;
      }
      List<RangeLines> lines = counted.subList(next, next + ranges.size());
      next += ranges.size();
      if (lines.stream().anyMatch(RangeLines::opensQuote)) {
        LOG.info(
            "Text file {}: a line ends inside a quoted value (a value may span lines), so it is"
                + " read by one task",
            plan.sourceName());
        splits.add(TextFileSplit.whole(plan));
        continue;
      }
      List<TextFileSplit.Start> starts = starts(lines);
      for (int r = 0; r < ranges.size(); r++) {
        TextFileSplit range = ranges.get(r);
        splits.add(new TextFileSplit(plan, range.fromByte(), range.toByte(), starts.get(r)));
      }
      LOG.info(
          "Text file {}: read by {} tasks, one per byte range of about {} MiB",
          plan.sourceName(),
          ranges.size(),
          Math.max(1, (ranges.get(0).toByte() - ranges.get(0).fromByte()) >> 20));
    }
    return splits;
  }

  /** The byte ranges of {@code plan} (without their starts), or none when it is read whole. */
  private List<TextFileSplit> ranges(
      TextFilePlan plan, long minSplitBytes, long maxRangeBytes, int parallelism) {
    if (plan.gzip() || !plan.encoding().asciiCompatible()) {
      return List.of();
    }
    try {
      Path path = new Path(URI.create(plan.qualifiedPath()));
      long length = path.getFileSystem(configuration).getFileStatus(path).getLen();
      if (length <= minSplitBytes) {
        return List.of();
      }
      long dataStart =
          TextFileOpener.dataOffset(
              configuration, plan.qualifiedPath(), plan.encoding(), plan.linesBeforeData());
      List<TextFileSplit> ranges = new ArrayList<>();
      for (long[] range : byteRanges(dataStart, length, minSplitBytes, maxRangeBytes, parallelism)) {
        ranges.add(new TextFileSplit(plan, range[0], range[1], null));
      }
      return ranges;
    } catch (IOException e) {
      throw UnreadableInputException.forIoFailure(plan.sourceName(), false, e);
    }
  }

  /**
   * The ranges {@code [from, to)} of the data bytes {@code [dataStart, length)}: none when they
   * are {@code minSplitBytes} or fewer, else {@code max(parallelism, ceil(bytes / maxRangeBytes))}
   * ranges of equal size, the last one open-ended ({@link Long#MAX_VALUE}).
   */
  static List<long[]> byteRanges(
      long dataStart, long length, long minSplitBytes, long maxRangeBytes, int parallelism) {
    long dataBytes = length - dataStart;
    if (dataBytes <= minSplitBytes || dataBytes < 2) {
      return List.of();
    }
    long count = Math.max(parallelism, ceilDiv(dataBytes, maxRangeBytes));
    count = Math.min(count, dataBytes);
    long rangeBytes = ceilDiv(dataBytes, count);
    List<long[]> ranges = new ArrayList<>();
    for (long from = dataStart; from < length; from += rangeBytes) {
      long to = from + rangeBytes >= length ? Long.MAX_VALUE : from + rangeBytes;
      ranges.add(new long[] {from, to});
    }
    return ranges.size() < 2 ? List.of() : ranges;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Counts the lines of one range (the counting job's task). */
  static RangeLines count(TextFileSplit range, Configuration configuration) {
    TextFilePlan plan = range.plan();
    try (TextLineSource lines =
        TextFileOpener.openRange(
            configuration, plan.qualifiedPath(), plan.encoding(), range.fromByte(), range.toByte())) {
      return count(lines, plan.delimiterCharacter());
    } catch (IOException e) {
      throw UnreadableInputException.forIoFailure(plan.sourceName(), false, e);
    }
  }

  /**
   * Counts {@code lines} as {@link DelimitedRecordReader} tells them apart: a line is blank when it
   * decodes and holds only white space; it ends inside quotes when it decodes and the quote scan
   * from its start ends inside a quoted field. Stops at the first line ending inside quotes (the
   * file is then read whole).
   */
  static RangeLines count(TextLineSource lines, char delimiter) throws IOException {
    long count = 0;
    long trailingBlank = 0;
    boolean hasRecord = false;
    TextLine line;
    while ((line = lines.readLine()) != null) {
      count++;
      if (line.problem() == null && line.text().isBlank()) {
        trailingBlank++;
        continue;
      }
      trailingBlank = 0;
      hasRecord = true;
      if (line.problem() == null
          && line.text().indexOf('"') >= 0
          && DelimitedRecordReader.QuoteState.scan(line.text(), delimiter, false).openAtEnd()) {
        return new RangeLines(count, 0, true, true);
      }
    }
    return new RangeLines(count, trailingBlank, hasRecord, false);
  }

  /**
   * Where each range of a file stands, from the counts of all its ranges (in order): the lines
   * before it, the blank lines just before it, and whether it holds the file's last record (with
   * the lines of the all-blank ranges after it).
   */
  static List<TextFileSplit.Start> starts(List<RangeLines> ranges) {
    int last = -1;
    for (int r = 0; r < ranges.size(); r++) {
      if (ranges.get(r).hasRecord()) {
        last = r;
      }
    }
    List<TextFileSplit.Start> starts = new ArrayList<>();
    long linesBefore = 0;
    long blankBefore = 0;
    for (int r = 0; r < ranges.size(); r++) {
      RangeLines range = ranges.get(r);
      long blankAfter = 0;
      if (r == last) {
        for (int later = r + 1; later < ranges.size(); later++) {
          blankAfter += ranges.get(later).lines();
        }
      }
      starts.add(
          new TextFileSplit.Start(
              linesBefore, Math.toIntExact(blankBefore), r == last, Math.toIntExact(blankAfter)));
      linesBefore += range.lines();
      blankBefore = range.hasRecord() ? range.trailingBlankLines() : blankBefore + range.lines();
    }
    return starts;
  }
}

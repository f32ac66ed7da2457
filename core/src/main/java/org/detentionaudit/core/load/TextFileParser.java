package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.detentionaudit.core.normalize.NormalizedRecord;
import org.detentionaudit.core.profile.ColumnCountsAccumulator;

/**
 * Reads one text file, or one byte range of it ({@link TextFileSplit}), inside a Spark task into rows of {@link PlacementSchema#PARSE_OUTPUT}: a
 * lazy iterator, so the file is streamed and never held in memory. Every record becomes exactly
 * one row, loaded or quarantined, carrying the blank and continuation lines accounted with it
 * ({@link PlacementSchema#BLANK_LINES}, {@link PlacementSchema#CONTINUATION_LINES}). I/O failures (a truncated gzip) end the task with an {@link
 * UnreadableInputException} naming the file. The records' columns are counted for the column
 * profile on the way ({@link ColumnCountsAccumulator}).
 */
final class TextFileParser implements Iterator<Row> {
  private final TextFilePlan plan;
  private final TextLineSource reader;
  private final DelimitedRecordReader records;
  private final ColumnCountsAccumulator.Part counts;
  private boolean finished;

  private TextFileParser(
      TextFilePlan plan,
      TextLineSource reader,
      DelimitedRecordReader records,
      ColumnCountsAccumulator.Part counts) {
    this.plan = plan;
    this.reader = reader;
    this.records = records;
    this.counts = counts;
  }

  /**
   * Opens the file, skips preamble and header (or goes to the split's byte range), and returns the
   * rows; closes at task end.
   *
   * @param columnCounts where the column counts of the split go once it was read to its end (every
   *     record that splits into the header's fields, quarantined or not), or null to count nothing
   */
  static Iterator<Row> open(
      TextFileSplit split, Configuration configuration, ColumnCountsAccumulator columnCounts) {
    TextFilePlan plan = split.plan();
    TextLineSource reader = openAtData(split, configuration);
    ColumnCountsAccumulator.Part counts =
        columnCounts == null ? null : columnCounts.part(countsKey(split));
    return new TextFileParser(plan, reader, records(split, reader), counts);
  }

  /** Names the split by what it reads, the same in every task that reads it. */
  static String countsKey(TextFileSplit split) {
    return "text " + split.plan().unitIndex() + " from " + split.fromByte();
  }

  private static DelimitedRecordReader records(TextFileSplit split, TextLineSource reader) {
    TextFilePlan plan = split.plan();
    return new DelimitedRecordReader(
        reader, plan.delimiterCharacter(), plan.headerWidth(), split.start());
  }

  /**
   * Opens the file past its preamble and header, or at its split's byte range; the reader is closed
   * when the task ends.
   */
  private static TextLineSource openAtData(TextFileSplit split, Configuration configuration) {
    TextFilePlan plan = split.plan();
    TextLineSource reader;
    try {
      if (split.wholeFile()) {
        reader =
            TextFileOpener.open(configuration, plan.qualifiedPath(), plan.gzip(), plan.encoding());
        for (int i = 0; i < plan.linesBeforeData(); i++) {
          reader.readLine();
        }
      } else {
        reader =
            TextFileOpener.openRange(
                configuration, plan.qualifiedPath(), plan.encoding(), split.fromByte(), split.toByte());
      }
    } catch (IOException e) {
      throw UnreadableInputException.forIoFailure(plan.sourceName(), plan.gzip(), e);
    }
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(
          new TaskCompletionListener() {
            @Override
            public void onTaskCompletion(TaskContext context) {
              closeQuietly(reader);
            }
          });
    }
    return reader;
  }

  @Override
  public boolean hasNext() {
    if (finished) {
      return false;
    }
    try {
      boolean more = records.hasNext();
      if (!more) {
        finished = true;
        closeQuietly(reader);
        if (counts != null) {
          counts.complete();
        }
      }
      return more;
    } catch (UncheckedIOException e) {
      throw UnreadableInputException.forIoFailure(plan.sourceName(), plan.gzip(), e.getCause());
    }
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SourceRecord record = records.next();
    if (record.problem() != null) {
      return quarantined(record, record.problem());
    }
    List<String> fields = record.fields();
    if (counts != null) {
      counts.add(plan.unitIndex(), fields, null);
    }
    NormalizedRecord normalized = plan.normalizer().normalize(fields.toArray());
    if (normalized instanceof NormalizedRecord.Placement placement) {
      return ParsedRowFactory.placement(
          plan.sourceName(), record, plan.fileIndex(), plan.unitIndex(), placement);
    }
    return quarantined(record, ((NormalizedRecord.Rejected) normalized).reason());
  }

  private Row quarantined(SourceRecord record, String reason) {
    return ParsedRowFactory.quarantined(
        plan.sourceName(), record, plan.fileIndex(), plan.unitIndex(), reason);
  }

  private static void closeQuietly(TextLineSource reader) {
    try {
      reader.close();
    } catch (IOException ignored) {
      // Reading is over; a failure to close loses nothing.
    }
  }
}

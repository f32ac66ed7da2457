package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;

/**
 * Streams the data records of delimited text, one record in memory at a time.
 *
 * <p>Reads line by line. A line that ends inside a quoted field is joined with the following lines
 * (with {@code \n}) until the field closes, so quoted values may span lines: when the joined text
 * splits into the header's number of fields it is one record. When it does not (its quoting is
 * broken, or it has another number of fields), or the quote is still open after {@value
 * #MAX_LINES_PER_RECORD} lines or at the end of the file, the quote that opened on the first line
 * is taken for a stray: only that line is reported, as {@link #UNCLOSED_QUOTE}, and reading resumes
 * at the line after it. So a stray quote costs one line, never the valid lines after it.
 *
 * <p>Counting, as a spreadsheet shows the file: {@code sourceRow} counts records after the header
 * from 1; a multi-line record is one record with one number; blank lines take a number but are not
 * returned (they hold no data; each record carries the blank lines before it, and the last one
 * those after it). So the file's physical lines after the header are the records returned plus
 * their {@link SourceRecord#continuationLines()} plus their {@link SourceRecord#blankLines()}.
 *
 * <p>Every other record is returned, readable or not: a line the file's encoding cannot decode, a
 * record with a field count different from the header's, or with quoting commons-csv rejects,
 * comes back with a {@code problem}.
 *
 * <p>A reader may read one byte range of a file ({@link TextFileSplit}) that holds no line ending
 * inside quotes: it then starts counting where the lines of the ranges before it end, takes the
 * blank lines just before the range as if it had read them, and leaves the blank lines at the end
 * of the range to the record after them (or, in the range holding the last record of the file,
 * takes those of the ranges after it), so the records it returns are exactly those the reader of
 * the whole file returns for the lines of its range.
 *
 * <p>I/O errors surface as {@link UncheckedIOException}.
 */
final class DelimitedRecordReader implements Iterator<SourceRecord> {
  static final int MAX_LINES_PER_RECORD = 100;
  static final String UNCLOSED_QUOTE =
      "broken quoting: a quoted field opens on this line and is not closed on it (unbalanced '\"');"
          + " the next lines are read as rows of their own";

  private final TextLineSource lines;
  private final char delimiter;
  private final CSVFormat format;
  private final int expectedFields;
  private final Deque<TextLine> pushedBack = new ArrayDeque<>();
  private final boolean holdsLastRecord;
  private final int blankLinesAfter;
  private long recordNumber;
  private int blankLinesBefore;
  private SourceRecord next;

  /**
   * A reader of the whole file.
   *
   * @param lines positioned at the first line after the header
   * @param expectedFields the number of header fields
   */
  DelimitedRecordReader(TextLineSource lines, char delimiter, int expectedFields) {
    this(lines, delimiter, expectedFields, TextFileSplit.Start.WHOLE_FILE);
  }

  /**
   * A reader of the lines of one range of the file (see the class comment).
   *
   * @param lines the lines of the range
   * @param start where the range stands in the file
   */
  DelimitedRecordReader(
      TextLineSource lines, char delimiter, int expectedFields, TextFileSplit.Start start) {
    this.lines = lines;
    this.delimiter = delimiter;
    this.format = DelimitedLineSplitter.format(delimiter);
    this.expectedFields = expectedFields;
    this.recordNumber = start.linesBefore();
    this.blankLinesBefore = start.blankLinesBefore();
    this.holdsLastRecord = start.holdsLastRecord();
    this.blankLinesAfter = start.blankLinesAfter();
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readRecord();
    }
    return next != null;
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SourceRecord record = next;
    next = null;
    return record;
  }

  private TextLine readLine() {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pollFirst();
    }
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SourceRecord readRecord() {
    while (true) {
      TextLine first = readLine();
      if (first == null) {
        return null;
      }
      recordNumber++;
      if (first.problem() != null) {
        return withBlankLines(SourceRecord.unreadable(recordNumber, first.text(), first.problem()));
      }
      if (first.text().isBlank()) {
        blankLinesBefore++;
        continue;
      }
      QuoteState state = QuoteState.scan(first.text(), delimiter, false);
      if (!state.openAtEnd()) {
        return withBlankLines(split(first.text(), state, 0));
      }
      List<TextLine> joined = new ArrayList<>();
      joined.add(first);
      while (state.openAtEnd() && joined.size() < MAX_LINES_PER_RECORD) {
        TextLine continuation = readLine();
        if (continuation == null) {
          break;
        }
        joined.add(continuation);
        if (continuation.problem() != null) {
          break; // an undecodable line never belongs to a record
        }
        state = QuoteState.scan(continuation.text(), delimiter, true);
      }
      if (!state.openAtEnd() && joined.get(joined.size() - 1).problem() == null) {
        String text = String.join("\n", joined.stream().map(TextLine::text).toList());
        SourceRecord record = split(text, state, joined.size() - 1);
        if (record.problem() == null) {
          return withBlankLines(record);
        }
      }
      // The lines do not make one record: give back every line but the first, to be read again
      // as records of their own, and report the first alone.
      for (int i = joined.size() - 1; i >= 1; i--) {
        pushedBack.addFirst(joined.get(i));
      }
      return withBlankLines(SourceRecord.unreadable(recordNumber, first.text(), UNCLOSED_QUOTE));
    }
  }

  /**
   * Gives {@code record} the blank lines read since the previous record; when only blank lines
   * follow it to the end of the file, those too (in a range, when the range holds the file's last
   * record: else they belong to the next range's first record).
   */
  private SourceRecord withBlankLines(SourceRecord record) {
    int blank = blankLinesBefore;
    blankLinesBefore = 0;
    while (true) {
      TextLine line = readLine();
      if (line == null) {
        return holdsLastRecord
            ? record.withBlankLines(blank + blankLinesBefore + blankLinesAfter)
            : record.withBlankLines(blank);
      }
      if (line.problem() != null || !line.text().isBlank()) {
        pushedBack.addFirst(line);
        return record.withBlankLines(blank);
      }
      recordNumber++;
      blankLinesBefore++;
    }
  }

  private SourceRecord split(String text, QuoteState state, int continuationLines) {
    if (state.problem() != null) {
      return SourceRecord.unreadable(recordNumber, text, state.problem());
    }
    List<String> fields;
    try {
      fields = DelimitedLineSplitter.splitOrThrow(text, format);
    } catch (DelimitedLineSplitter.BrokenQuotingException e) {
      return SourceRecord.unreadable(recordNumber, text, e.getMessage());
    }
    if (fields.size() != expectedFields) {
      return SourceRecord.unreadable(
          recordNumber,
          text,
          "wrong number of fields: expected "
              + expectedFields
              + " as in the header, found "
              + fields.size());
    }
    return SourceRecord.readable(recordNumber, text, fields, continuationLines);
  }

  /**
   * The quoting state at the end of a line, following the rules commons-csv applies: a field is
   * quoted only when its first character is the quote; inside it {@code ""} is a literal quote; a
   * closing quote must be followed by the delimiter or the end of the line.
   */
  record QuoteState(boolean openAtEnd, String problem) {
    static QuoteState scan(String line, char delimiter, boolean startsInsideQuotes) {
      final int fieldStart = 0;
      final int unquoted = 1;
      final int quoted = 2;
      final int afterClosingQuote = 3;
      int state = startsInsideQuotes ? quoted : fieldStart;
      String problem = null;
      int field = 1;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        switch (state) {
          case fieldStart:
            if (c == '"') {
              state = quoted;
            } else if (c == delimiter) {
              field++;
            } else {
              state = unquoted;
            }
            break;
          case unquoted:
            if (c == delimiter) {
              state = fieldStart;
              field++;
            }
            break;
          case quoted:
            if (c == '"') {
              if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                i++;
              } else {
                state = afterClosingQuote;
              }
            }
            break;
          default: // afterClosingQuote
            if (c == delimiter) {
              state = fieldStart;
              field++;
            } else if (problem == null) {
              problem =
                  "broken quoting in field "
                      + field
                      + ": text after the closing quote (a quote inside a quoted value must be"
                      + " doubled)";
            }
            break;
        }
      }
      return new QuoteState(state == quoted, problem);
    }
  }
}

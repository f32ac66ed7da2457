package org.detentionaudit.core.load;

import java.io.BufferedReader;
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
 * (with {@code \n}) until the field closes, so quoted values may span lines. If the quote is still
 * open after {@value #MAX_LINES_PER_RECORD} lines or at the end of the file, only the first line is
 * reported as broken quoting and reading resumes at the line after it, so one stray quote never
 * swallows the rest of the file.
 *
 * <p>Numbering: {@code sourceRow} counts records after the header from 1, as a spreadsheet shows
 * rows. Blank lines take a number but are not returned (they hold no data). Every other record is
 * returned, readable or not: a record with a field count different from the header's, or with
 * quoting commons-csv rejects, comes back with a {@code problem}.
 *
 * <p>I/O errors surface as {@link UncheckedIOException}.
 */
final class DelimitedRecordReader implements Iterator<SourceRecord> {
  static final int MAX_LINES_PER_RECORD = 100;

  private final BufferedReader reader;
  private final char delimiter;
  private final CSVFormat format;
  private final int expectedFields;
  private final Deque<String> pushedBack = new ArrayDeque<>();
  private long recordNumber;
  private SourceRecord next;

  /**
   * @param reader positioned at the first line after the header
   * @param expectedFields the number of header fields
   */
  DelimitedRecordReader(BufferedReader reader, char delimiter, int expectedFields) {
    this.reader = reader;
    this.delimiter = delimiter;
    this.format = DelimitedLineSplitter.format(delimiter);
    this.expectedFields = expectedFields;
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

  private String readLine() {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pollFirst();
    }
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SourceRecord readRecord() {
    while (true) {
      String first = readLine();
      if (first == null) {
        return null;
      }
      recordNumber++;
      if (first.isBlank()) {
        continue;
      }
      QuoteState state = QuoteState.scan(first, delimiter, false);
      if (!state.openAtEnd()) {
        return split(first, state);
      }
      List<String> lines = new ArrayList<>();
      lines.add(first);
      while (state.openAtEnd() && lines.size() < MAX_LINES_PER_RECORD) {
        String continuation = readLine();
        if (continuation == null) {
          break;
        }
        lines.add(continuation);
        state = QuoteState.scan(continuation, delimiter, true);
      }
      if (state.openAtEnd()) {
        // Give back every line but the first: they are read again as records of their own.
        for (int i = lines.size() - 1; i >= 1; i--) {
          pushedBack.addFirst(lines.get(i));
        }
        return SourceRecord.unreadable(
            recordNumber,
            first,
            "broken quoting: a quoted field opens and is not closed (unbalanced '\"')");
      }
      return split(String.join("\n", lines), state);
    }
  }

  private SourceRecord split(String text, QuoteState state) {
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
    return SourceRecord.readable(recordNumber, text, fields);
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

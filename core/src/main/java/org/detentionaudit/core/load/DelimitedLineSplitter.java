package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits the text of one record (one line, or several joined with {@code \n} when a quoted field
 * spans lines) into fields with commons-csv: RFC 4180 quoting with {@code "}, doubled quotes as
 * escapes, fields kept untrimmed (normalization trims).
 */
final class DelimitedLineSplitter {
  private DelimitedLineSplitter() {}

  /** A record whose quoting commons-csv (or the quote scan) rejects. */
  static final class BrokenQuotingException extends Exception {
    private static final long serialVersionUID = 1L;

    BrokenQuotingException(String reason) {
      super(reason);
    }
  }

  static CSVFormat format(char delimiter) {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setIgnoreEmptyLines(false)
        .setTrim(false)
        .setIgnoreSurroundingSpaces(false)
        .get();
  }

  /** Fields of {@code record}, or empty when its quoting is broken. */
  static Optional<List<String>> split(String record, char delimiter) {
    try {
      return Optional.of(splitOrThrow(record, format(delimiter)));
    } catch (BrokenQuotingException e) {
      return Optional.empty();
    }
  }

  /**
   * @throws BrokenQuotingException with a short reason when the quoting is broken or the text holds
   *     more than one record
   */
  static List<String> splitOrThrow(String record, CSVFormat format) throws BrokenQuotingException {
    try (CSVParser parser = CSVParser.parse(record, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        return List.of("");
      }
      CSVRecord first = records.next();
      if (records.hasNext()) {
        throw new BrokenQuotingException("broken quoting: the line holds more than one record");
      }
      List<String> fields = new ArrayList<>(first.size());
      first.forEach(fields::add);
      return fields;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new BrokenQuotingException("broken quoting: " + detail.replaceAll("\\s+", " "));
    }
  }
}

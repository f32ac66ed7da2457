package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.detentionaudit.core.layout.HeaderKey;

/**
 * Column look-ups for the small CSV files a user gives beside the data and that are read on the
 * driver before any data (the {@code --facilities} list, the {@code --published} totals): headers
 * compared by their {@link HeaderKey}, cells trimmed, a missing column or cell read as empty.
 */
public final class SmallCsv {
  /**
   * RFC 4180 with a header row; empty lines skipped, cells trimmed, blank or repeated header names
   * allowed (the columns are looked up by {@link #column}).
   */
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setAllowMissingColumnNames(true)
          .setAllowDuplicateHeaderNames(true)
          .setTrim(true)
          .get();

  private SmallCsv() {}

  /** A parser over {@code reader} that has read the header row. */
  public static CSVParser parser(Reader reader) throws IOException {
    return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
  }

  /** The index of the first header whose {@link HeaderKey} is {@code key}, or -1. */
  public static int column(List<String> header, String key) {
    for (int i = 0; i < header.size(); i++) {
      if (HeaderKey.of(header.get(i)).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** The trimmed cell of {@code record} at {@code column}; empty when the column is -1 or absent. */
  public static String cell(CSVRecord record, int column) {
    if (column < 0 || column >= record.size()) {
      return "";
    }
    String value = record.get(column);
    return value == null ? "" : value.trim();
  }
}

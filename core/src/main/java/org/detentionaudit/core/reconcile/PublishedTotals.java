package org.detentionaudit.core.reconcile;

import static org.detentionaudit.core.load.SmallCsv.cell;
import static org.detentionaudit.core.load.SmallCsv.column;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.HeaderKey;
import org.detentionaudit.core.load.SmallCsv;

/**
 * Totals published outside the records (ICE's yearly detention statistics, a FOIA cover letter),
 * read from the user's {@code --published FILE.csv} and checked before any data is read.
 *
 * <p>Format: a CSV file (comma, RFC 4180 quoting, any line ending, UTF-8) whose header holds
 * {@code fiscal_year}, {@code measure} and {@code value}, and optionally {@code facility_code}
 * and/or {@code facility_name} (header names compared ignoring case, spaces and punctuation; other
 * columns are ignored). One row per figure: {@code fiscal_year} is {@code FY2019}, {@code FY 2019}
 * or {@code 2019} (a trailing {@code YTD} is allowed); {@code measure} one of {@link PublishedMeasure#ids()};
 * {@code value} a number, thousands separators allowed ({@code "49,403"}); a row whose facility
 * cells are blank is a figure over every facility, else the code is used when given, the name
 * otherwise. A fiscal year, facility and measure may appear once.
 *
 * <p>Or the wide form, as published tables are laid out (the national figures by year that ICE and
 * its predecessor published): no {@code measure} and {@code value} columns, a year column ({@code
 * fiscal_year} or {@code Year}, read as the fiscal year) and one column per measure named by its id
 * as header names compare ({@code Average Daily Population}, {@code Average Length of Stay (days)}:
 * a trailing {@code (days)} is allowed); a blank cell publishes no figure; columns naming no measure
 * (such as {@code Total Detained}) are ignored.
 *
 * @param file the file as given
 * @param figures its rows, in file order; not empty
 */
public record PublishedTotals(String file, List<PublishedFigure> figures) {
  private static final String FISCAL_YEAR = HeaderKey.of("fiscal_year");
  /** The wide form's year column may be called just {@code Year}, as published tables do. */
  private static final String YEAR_COLUMN = HeaderKey.of("year");
  private static final String DAYS_UNIT = HeaderKey.of("days");
  private static final String MEASURE = HeaderKey.of("measure");
  private static final String VALUE = HeaderKey.of("value");
  private static final String CODE = HeaderKey.of("facility_code");
  private static final String NAME = HeaderKey.of("facility_name");
  private static final Pattern YEAR =
      Pattern.compile("(?:FY\\s*)?(\\d{4})(?:\\s+YTD)?", Pattern.CASE_INSENSITIVE);
  private static final String FORMAT_HINT =
      "The file needs a header row with fiscal_year, measure and value (optionally facility_code or"
          + " facility_name) and one row per figure, e.g. 'FY2019,average_daily_population,\"49,403\"';"
          + " or a year column and one column per measure, named book_ins, bed_days,"
          + " average_daily_population or average_length_of_stay.";

  public PublishedTotals {
    Objects.requireNonNull(file, "file");
    figures = List.copyOf(figures);
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws InputException naming the file, the row, the problem and the fix: the file is missing
   *     or unreadable, is not CSV, lacks a required column, holds no rows, or a row has a bad fiscal
   *     year, measure or value, or repeats an earlier row's fiscal year, facility and measure
   */
  public static PublishedTotals read(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw problem(file, "it does not exist or is not a file", "Check the path given to --published.");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file, reader);
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(
          "Cannot read published totals '" + file + "': " + e.getMessage() + ". Save it as a UTF-8 CSV file. " + FORMAT_HINT,
          e);
    }
  }

  private static PublishedTotals parse(Path file, Reader reader) throws IOException {
    try (CSVParser parser = SmallCsv.parser(reader)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw problem(file, "it is empty", FORMAT_HINT);
      }
      int yearColumn = column(header, FISCAL_YEAR);
      if (yearColumn < 0) {
        yearColumn = column(header, YEAR_COLUMN);
      }
      int measureColumn = column(header, MEASURE);
      int valueColumn = column(header, VALUE);
      int codeColumn = column(header, CODE);
      int nameColumn = column(header, NAME);
      // The wide form: no measure and value columns, one column per measure (as published tables
      // such as ICE's yearly statistics are laid out).
      Map<Integer, PublishedMeasure> wide =
          measureColumn < 0 && valueColumn < 0 ? wideColumns(header) : Map.of();
      List<String> missing = new ArrayList<>();
      if (yearColumn < 0) {
        missing.add("fiscal_year");
      }
      if (wide.isEmpty() && measureColumn < 0) {
        missing.add("measure");
      }
      if (wide.isEmpty() && valueColumn < 0) {
        missing.add("value");
      }
      if (!missing.isEmpty()) {
        throw problem(
            file,
            "it has no " + String.join(", no ", missing) + " column (columns found: " + header + ")",
            FORMAT_HINT);
      }
      List<PublishedFigure> figures = new ArrayList<>();
      Map<String, Long> seen = new HashMap<>();
      long row = 0;
      for (CSVRecord record : parser) {
        row++;
        String yearText = cell(record, yearColumn);
        Matcher year = YEAR.matcher(yearText);
        if (!year.matches()) {
          throw problem(
              file,
              "data row " + row + " has fiscal_year '" + yearText + "', which is not a fiscal year",
              "Write it as FY2019 or 2019.");
        }
        String code = blankToNull(cell(record, codeColumn));
        String name = blankToNull(cell(record, nameColumn));
        if (wide.isEmpty()) {
          String measureText = cell(record, measureColumn);
          long dataRow = row;
          PublishedMeasure measure =
              PublishedMeasure.byId(measureText)
                  .orElseThrow(
                      () ->
                          problem(
                              file,
                              "data row " + dataRow + " has measure '" + measureText + "', which is not known",
                              "Use one of " + PublishedMeasure.ids() + "."));
          figures.add(figure(file, seen, row, year, code, name, measure, "value", cell(record, valueColumn)));
        } else {
          for (Map.Entry<Integer, PublishedMeasure> column : wide.entrySet()) {
            String valueText = cell(record, column.getKey());
            if (!valueText.isEmpty()) { // a blank cell publishes no figure for that year
              figures.add(
                  figure(file, seen, row, year, code, name, column.getValue(), column.getValue().id(), valueText));
            }
          }
        }
      }
      if (figures.isEmpty()) {
        throw problem(file, "it has a header but no data rows", FORMAT_HINT);
      }
      return new PublishedTotals(file.toString(), figures);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      // commons-csv reports broken quoting and similar problems this way
      throw problem(file, "it is not valid CSV (" + e.getMessage() + ")", FORMAT_HINT);
    }
  }

  /** One figure, checked: a number of zero or more, not repeating an earlier row's key. */
  private static PublishedFigure figure(
      Path file,
      Map<String, Long> seen,
      long row,
      Matcher year,
      String code,
      String name,
      PublishedMeasure measure,
      String column,
      String valueText) {
    Double value = SummarySheetParser.number(valueText);
    if (value == null || value < 0) {
      throw problem(
          file,
          "data row " + row + " has " + column + " '" + valueText + "', which is not a number of zero or more",
          "Write a number such as 49403, 49,403 or 33.2.");
    }
    PublishedFigure figure =
        new PublishedFigure(
            row, Integer.parseInt(year.group(1)), code, code == null ? name : null, measure, value);
    String key =
        figure.fiscalYear()
            + "|"
            + (code == null ? "" : code.toUpperCase(Locale.ROOT))
            + "|"
            + (figure.facilityName() == null ? "" : figure.facilityName().toUpperCase(Locale.ROOT))
            + "|"
            + measure.id();
    Long earlier = seen.putIfAbsent(key, row);
    if (earlier != null) {
      throw problem(
          file,
          "data row " + row + " repeats the fiscal year, facility and measure of data row " + earlier,
          "Keep one figure per fiscal year, facility and measure.");
    }
    return figure;
  }

  /**
   * The wide form's measure columns: a header naming a measure by its id ({@code book_ins}, {@code
   * bed_days}, {@code average_daily_population}, {@code average_length_of_stay}), compared as
   * header names are, with a trailing unit {@code (days)} allowed, so "Average Daily Population"
   * and "Average Length of Stay (days)" are read. Other columns (e.g. "Total Detained", whose
   * meaning is not one of these measures) are ignored.
   */
  private static Map<Integer, PublishedMeasure> wideColumns(List<String> header) {
    Map<Integer, PublishedMeasure> columns = new java.util.TreeMap<>();
    for (int i = 0; i < header.size(); i++) {
      String key = HeaderKey.of(header.get(i));
      for (PublishedMeasure measure : PublishedMeasure.values()) {
        String id = HeaderKey.of(measure.id());
        if (key.equals(id) || key.equals(id + DAYS_UNIT)) {
          columns.put(i, measure);
        }
      }
    }
    return columns;
  }

  private static InputException problem(Path file, String problem, String fix) {
    return new InputException("Cannot read published totals '" + file + "': " + problem + ". " + fix);
  }


  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}

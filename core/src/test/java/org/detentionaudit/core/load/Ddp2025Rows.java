package org.detentionaudit.core.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds DDP-2025-shaped text fixtures: the 37 released headers, rows given by column name. */
final class Ddp2025Rows {
  static final List<String> HEADER =
      List.of(
          "Stay Book In Date Time", "Book In Date Time", "Detention Facility",
          "Detention Facility Code", "Detention Book Out Date Time", "Stay Book Out Date Time",
          "Detention Release Reason", "Stay Book Out Date", "Stay Release Reason", "Religion",
          "Gender", "Marital Status", "Birth Date", "Birth Year", "Ethnicity", "Entry Status",
          "Felon", "Bond Posted Date", "Bond Posted Amount", "Case Status", "Case Category",
          "Final Order Yes No", "Final Order Date", "Case Threat Level", "Book In Criminality",
          "Final Charge", "Departed Date", "Departure Country", "Initial Bond Set Amount",
          "Citizenship Country", "Final Program", "Most Serious Conviction (MSC) Charge Code",
          "MSC Charge", "Alien File Number", "EID Case ID", "EID Subject ID", "Unique Identifier");

  private Ddp2025Rows() {}

  /** A typical placement: person P1 at ADLNTCA, 1/2/2020 10:00 to 1/5/2020 09:30, Transferred. */
  static Map<String, String> placement(String personId) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("Unique Identifier", personId);
    row.put("Stay Book In Date Time", "1/2/2020 10:00");
    row.put("Book In Date Time", "1/2/2020 10:00");
    row.put("Detention Book Out Date Time", "1/5/2020 9:30");
    row.put("Stay Book Out Date Time", "2/1/2020 12:00");
    row.put("Detention Facility Code", "ADLNTCA");
    row.put("Detention Facility", "ADELANTO ICE PROCESSING CENTER");
    row.put("Detention Release Reason", "Transferred");
    row.put("Stay Release Reason", "Removed");
    row.put("Gender", "Male");
    return row;
  }

  static Map<String, String> with(Map<String, String> row, String column, String value) {
    Map<String, String> copy = new LinkedHashMap<>(row);
    copy.put(column, value);
    return copy;
  }

  /** The cells of {@code row} in header order (missing columns empty). */
  static List<String> cells(Map<String, String> row) {
    List<String> cells = new ArrayList<>();
    for (String column : HEADER) {
      cells.add(row.getOrDefault(column, ""));
    }
    return cells;
  }

  static String line(List<String> cells, char delimiter, boolean quoteAll) {
    return cells.stream()
        .map(cell -> quoteAll || needsQuotes(cell, delimiter) ? quote(cell) : cell)
        .collect(Collectors.joining(String.valueOf(delimiter)));
  }

  static String headerLine(char delimiter, boolean quoteAll) {
    return line(HEADER, delimiter, quoteAll);
  }

  static String rowLine(Map<String, String> row, char delimiter, boolean quoteAll) {
    return line(cells(row), delimiter, quoteAll);
  }

  private static boolean needsQuotes(String cell, char delimiter) {
    return cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0;
  }

  private static String quote(String cell) {
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  /** The ERO-LESA preamble of {@code lines} lines (about 6 in most releases; 4, 5 or 21 in others). */
  static List<String> preamble(int lines) {
    List<String> known =
        List.of(
            "ERO-LESA Statistical Tracking Unit",
            "For Official Use Only (FOUO)/Pre-decisional",
            "FOIA request 2019-ICFO-12345",
            "Please review the last tab for footnotes.",
            "",
            "FY2012 - FY2019 YTD (through 3/31/2019) ICE Initial Book Ins for the Seattle Area of"
                + " Responsibility, by Facility");
    List<String> result = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      result.add(i < known.size() ? known.get(i) : "Footnote " + i + ": counts, not people");
    }
    return result;
  }
}

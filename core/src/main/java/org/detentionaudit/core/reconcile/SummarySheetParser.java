package org.detentionaudit.core.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.detentionaudit.core.layout.HeaderKey;

/**
 * Reads the blocks of a {@code Summary} sheet from its rows (as text).
 *
 * <p>Shape (ERO-LESA workbooks): blocks separated by one or more blank rows; in each, the title
 * line(s), then a header row whose first cell is {@code Fiscal Year} (compared ignoring case,
 * spaces and punctuation), then one row per fiscal year whose first cell is {@code FY2012}, {@code
 * FY 2012}, {@code 2012} or any of these followed by {@code YTD}. A title separated from its header
 * by a blank row still belongs to it. Rows after the header whose first cell names no fiscal year
 * (a grand total, a note) are ignored; so are groups of rows without a header (notes).
 *
 * <p>Cells are numbers as Excel shows them: {@code 7101}, {@code 7,101} or {@code 7 101} read as
 * 7101; a blank or non-numeric cell is null.
 */
public final class SummarySheetParser {
  private static final String FISCAL_YEAR = HeaderKey.of("Fiscal Year");
  private static final Pattern YEAR =
      Pattern.compile("(?:FY\\s*)?(\\d{4})(\\s+YTD)?", Pattern.CASE_INSENSITIVE);

  private SummarySheetParser() {}

  /** The blocks of the sheet, top to bottom; empty when no row is a {@code Fiscal Year} header. */
  public static List<SummaryBlock> blocks(List<List<String>> rows) {
    List<SummaryBlock> blocks = new ArrayList<>();
    List<String> titleLines = new ArrayList<>();
    List<String> columns = null;
    List<SummaryBlock.Year> years = new ArrayList<>();
    for (List<String> row : rows) {
      if (isBlank(row)) {
        if (columns != null) {
          blocks.add(block(titleLines, columns, years));
          titleLines = new ArrayList<>();
          columns = null;
          years = new ArrayList<>();
        }
        continue; // a title before a blank row is kept for the header that follows
      }
      String first = row.get(0);
      if (HeaderKey.of(first).equals(FISCAL_YEAR)) {
        if (columns != null) {
          blocks.add(block(titleLines, columns, years));
          titleLines = new ArrayList<>();
          years = new ArrayList<>();
        }
        columns = row.subList(1, row.size()).stream().map(String::trim).toList();
      } else if (columns == null) {
        titleLines.add(String.join(" ", row.stream().filter(c -> !c.isBlank()).toList()).trim());
      } else {
        Matcher m = YEAR.matcher(first.trim());
        if (m.matches()) {
          List<Double> values = new ArrayList<>();
          for (int i = 1; i <= columns.size(); i++) {
            values.add(i < row.size() ? number(row.get(i)) : null);
          }
          years.add(
              new SummaryBlock.Year(first.trim(), Integer.parseInt(m.group(1)), m.group(2) != null, values));
        }
      }
    }
    if (columns != null) {
      blocks.add(block(titleLines, columns, years));
    }
    return blocks;
  }

  private static SummaryBlock block(List<String> titleLines, List<String> columns, List<SummaryBlock.Year> years) {
    String title = String.join(" ", titleLines).replaceAll("\\s+", " ").trim();
    return new SummaryBlock(title, columns, years, ReleaseWindow.in(title));
  }

  private static boolean isBlank(List<String> row) {
    return row.stream().allMatch(String::isBlank);
  }

  /** A cell as a number: separators (comma, space, no-break space) removed; null when not one. */
  static Double number(String cell) {
    if (cell == null) {
      return null;
    }
    String digits = cell.trim().replaceAll("[,\\s\u00a0]", "").toLowerCase(Locale.ROOT);
    if (digits.isEmpty()) {
      return null;
    }
    try {
      double value = Double.parseDouble(digits);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

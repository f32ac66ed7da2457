package org.detentionaudit.core.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One block of a workbook's {@code Summary} sheet: a title naming the table and the window, a
 * header {@code Fiscal Year | <count columns> | Total} (or just {@code Fiscal Year | Total}), and
 * one row per fiscal year.
 *
 * @param title the title line(s) above the header, joined by a space; empty when the block has none
 * @param columns the count columns after {@code Fiscal Year}, as written (e.g. {@code Expedited
 *     Removals}, {@code Other Removals}, {@code Total})
 * @param years the fiscal-year rows, top to bottom
 * @param window the release window the title states, if any
 */
public record SummaryBlock(
    String title, List<String> columns, List<Year> years, Optional<ReleaseWindow> window) {
  public SummaryBlock {
    columns = List.copyOf(columns);
    years = List.copyOf(years);
  }

  /**
   * One fiscal-year row.
   *
   * @param label the first cell as written ({@code FY2019 YTD})
   * @param fiscalYear the fiscal year it names (2019)
   * @param partial true when the label says {@code YTD} (year to date: the window ends inside it)
   * @param values one per column: the number, or null for a blank or non-numeric cell
   */
  public record Year(String label, int fiscalYear, boolean partial, List<Double> values) {
    public Year {
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /** The index of the column named {@code Total} (any case), else the last column. */
  public int totalColumn() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).trim().equalsIgnoreCase("total")) {
        return i;
      }
    }
    return columns.size() - 1;
  }
}

package org.detentionaudit.core.load;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a workbook's stacked data sheets, for the column profile: the union of the
 * sheets' header names (trimmed) in order of first appearance, and for each sheet where each of its
 * columns goes. Sheets of one split table normally share one header; a sheet that orders or names
 * its columns differently still lands its cells under the right names.
 */
final class WorkbookColumns {
  private final List<String> names;
  private final List<int[]> positions;

  private WorkbookColumns(List<String> names, List<int[]> positions) {
    this.names = List.copyOf(names);
    this.positions = List.copyOf(positions);
  }

  static WorkbookColumns of(WorkbookPlan plan) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<int[]> positions = new ArrayList<>();
    for (WorkbookPlan.SheetPlan sheet : plan.sheets()) {
      int[] sheetPositions = new int[sheet.header().size()];
      for (int i = 0; i < sheetPositions.length; i++) {
        String name = sheet.header().get(i) == null ? "" : sheet.header().get(i).trim();
        if (name.isEmpty()) {
          name = "column " + (i + 1);
        }
        sheetPositions[i] = index.computeIfAbsent(name, k -> index.size());
      }
      positions.add(sheetPositions);
    }
    return new WorkbookColumns(new ArrayList<>(index.keySet()), positions);
  }

  /** The workbook's column names, in order. */
  List<String> names() {
    return names;
  }

  /**
   * A sheet row's cells placed at their workbook columns, as the column profile counts them.
   *
   * @param cells the cells as text, null for an absent or error cell; one per workbook column
   * @param errorPositions the workbook columns of the row's error cells, or null when none
   */
  record Placed(List<String> cells, List<Integer> errorPositions) {}

  /**
   * One row of the sheet at {@code position} (among the stacked sheets): its cells as text at their
   * workbook columns, error cells ({@code #N/A}, {@code #REF!}) null and listed apart.
   */
  Placed place(int position, Object[] cells) {
    int[] sheetPositions = positions.get(position);
    String[] placed = new String[names.size()];
    List<Integer> errors = null;
    for (int i = 0; i < Math.min(cells.length, sheetPositions.length); i++) {
      Object cell = cells[i];
      if (cell instanceof SheetRowCollector.CellError) {
        if (errors == null) {
          errors = new ArrayList<>();
        }
        errors.add(sheetPositions[i]);
      } else {
        placed[sheetPositions[i]] = cell == null ? null : text(cell);
      }
    }
    return new Placed(Arrays.asList(placed), errors);
  }

  private static String text(Object cell) {
    return cell instanceof LocalDateTime date ? date.toString() : cell.toString();
  }
}

package org.detentionaudit.core.load;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The columns of a workbook's stacked data sheets, for the column profile: the union of the
 * sheets' header names (trimmed) in order of first appearance, and for each sheet where each of its
 * columns goes. Sheets of one split table normally share one header; a sheet that orders or names
 * its columns differently still lands its cells under the right names.
 */
final class WorkbookColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  private final WorkbookPlan plan;
  private final List<String> names;
  private final List<int[]> positions;

  private WorkbookColumns(WorkbookPlan plan, List<String> names, List<int[]> positions) {
    this.plan = plan;
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
    return new WorkbookColumns(plan, new ArrayList<>(index.keySet()), positions);
  }

  WorkbookPlan plan() {
    return plan;
  }

  /** The workbook's column names, in order. */
  List<String> names() {
    return names;
  }

  /**
   * One row of the sheet at {@code position} (among the stacked sheets) as a row of {@link
   * RawColumns#SCHEMA}: its cells as text at their workbook columns, error cells null and listed in
   * {@link RawColumns#ERRORS}.
   */
  Row row(int unitIndex, int position, Object[] cells) {
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
    return RowFactory.create(
        unitIndex, placed, errors == null ? null : errors.stream().mapToInt(Integer::intValue).toArray());
  }

  private static String text(Object cell) {
    return cell instanceof LocalDateTime date ? date.toString() : cell.toString();
  }
}

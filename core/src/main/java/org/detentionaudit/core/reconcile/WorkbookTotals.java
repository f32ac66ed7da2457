package org.detentionaudit.core.reconcile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detentionaudit.core.load.WorkbookSummarySheet;

/**
 * A workbook's own totals: the blocks of its {@code Summary} sheet and, for each audited sheet,
 * the block that holds that sheet's totals ({@link BlockMatch}). Read on the driver before the
 * rules run, since the blocks' release window may give the extract date.
 *
 * @param sheet the Summary sheet as read
 * @param blocks its blocks, top to bottom
 * @param matches per audited sheet (tab order), its block or why it has none
 */
public record WorkbookTotals(
    WorkbookSummarySheet sheet, List<SummaryBlock> blocks, Map<String, BlockMatch> matches) {
  public WorkbookTotals {
    blocks = List.copyOf(blocks);
    matches = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(matches));
  }

  /** Parses the sheet and matches each audited sheet to a block. */
  public static WorkbookTotals of(WorkbookSummarySheet sheet) {
    List<SummaryBlock> blocks = SummarySheetParser.blocks(sheet.rows());
    Map<String, BlockMatch> matches = new LinkedHashMap<>();
    for (String audited : sheet.auditedSheets()) {
      matches.put(audited, BlockMatch.of(audited, blocks));
    }
    return new WorkbookTotals(sheet, blocks, matches);
  }

  /** Every workbook's totals, in input order. */
  public static List<WorkbookTotals> of(List<WorkbookSummarySheet> sheets) {
    return sheets.stream().map(WorkbookTotals::of).toList();
  }

  /**
   * The release window of this workbook: the window stated by the title of the block matched to
   * the first audited sheet that has one; else, when every block stating a window states the same
   * one, that window (the Summary sheet describes one release); else empty.
   */
  public Optional<ReleaseWindow> window() {
    for (BlockMatch match : matches.values()) {
      Optional<ReleaseWindow> window = match.block().flatMap(SummaryBlock::window);
      if (window.isPresent()) {
        return window;
      }
    }
    List<ReleaseWindow> stated =
        blocks.stream().flatMap(b -> b.window().stream()).distinct().toList();
    return stated.size() == 1 ? Optional.of(stated.get(0)) : Optional.empty();
  }
}

package org.detentionaudit.core.reconcile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code reconciliation} block of {@code summary.json}: which published totals the records
 * were set beside, and how many figures agree.
 *
 * @param sources one per Summary-sheet block looked for (matched or not) and one per {@code
 *     --published} file, in that order
 * @param rows rows of {@code reconciliation.parquet}
 * @param compared rows with both a published and a computed figure
 * @param differing compared rows whose figures differ
 * @param notApplicable rows the layout cannot give
 */
@JsonPropertyOrder({"sources", "rows", "compared", "differing", "not_applicable"})
public record ReconciliationSummary(
    List<Source> sources, long rows, long compared, long differing, long notApplicable) {
  public ReconciliationSummary {
    sources = List.copyOf(sources);
  }

  /** Nothing to reconcile: no Summary sheet, no published file. */
  public static ReconciliationSummary none() {
    return new ReconciliationSummary(List.of(), 0, 0, 0, 0);
  }

  /**
   * One set of published totals.
   *
   * @param source as in {@code reconciliation.parquet}: {@code <workbook>#<sheet>} or the file
   * @param kind {@code workbook summary} or {@code published file}
   * @param table the matched block's title, {@code published}, or null when no block matched
   * @param column the compared column of the block ({@code Total}, or the one named like the
   *     sheet), or null
   * @param matched whether published totals were found for the source
   * @param reason how the block was found, or why none was
   * @param windowFrom the first day of the release window the block's title states (ISO date), or
   *     null
   * @param windowTo its last day, or null
   * @param rows rows of {@code reconciliation.parquet} from this source
   * @param compared of which with both figures
   * @param differing of which whose figures differ
   */
  @JsonPropertyOrder({
    "source", "kind", "table", "column", "matched", "reason", "window_from", "window_to", "rows",
    "compared", "differing"
  })
  public record Source(
      String source,
      String kind,
      String table,
      String column,
      boolean matched,
      String reason,
      String windowFrom,
      String windowTo,
      long rows,
      long compared,
      long differing) {}
}

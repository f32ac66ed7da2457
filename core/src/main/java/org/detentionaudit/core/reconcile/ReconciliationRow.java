package org.detentionaudit.core.reconcile;

/**
 * One row of {@code reconciliation.parquet}: a published figure beside the one the records give.
 *
 * @param source where the published figure is: {@code <workbook>#<sheet>} (the audited sheet or
 *     sheets, joined by {@code +}, whose records are counted) or the {@code --published} file
 * @param table the Summary block's title, or {@code published}
 * @param measure a {@link PublishedMeasure#id()}
 * @param fiscalYear the fiscal year, or null for the records without a book-in
 * @param facility the facility code or name of a facility-level figure, else null
 * @param published the figure as published, or null where the release gives none
 * @param computed the figure from the records, or null where it cannot be computed
 * @param difference {@code computed - published}, null unless both exist
 * @param relativeDifference {@code difference / published}, null when published is 0 or either
 *     is null
 * @param status {@code COMPARED} (both exist), {@code NOT_PUBLISHED} (the records give a figure
 *     the release does not), {@code NO_RECORDS} (the measure applies but no record gives it, e.g.
 *     no stay ends in that year), or {@code NOT_APPLICABLE} (the layout lacks a field the measure
 *     needs)
 * @param reason why the row is not a plain comparison (missing fields, a partial year, the compared
 *     column), or null
 */
public record ReconciliationRow(
    String source,
    String table,
    String measure,
    Integer fiscalYear,
    String facility,
    Double published,
    Double computed,
    Double difference,
    Double relativeDifference,
    String status,
    String reason) {
  public static final String COMPARED = "COMPARED";
  public static final String NOT_PUBLISHED = "NOT_PUBLISHED";
  public static final String NO_RECORDS = "NO_RECORDS";
  public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

  /** A row with the difference columns derived from {@code published} and {@code computed}. */
  static ReconciliationRow of(
      String source,
      String table,
      PublishedMeasure measure,
      Integer fiscalYear,
      String facility,
      Double published,
      Double computed,
      String status,
      String reason) {
    Double difference = published == null || computed == null ? null : computed - published;
    Double relative = difference == null || published == 0 ? null : difference / published;
    return new ReconciliationRow(
        source, table, measure.id(), fiscalYear, facility, published, computed, difference, relative, status, reason);
  }

  /** True when both figures exist and differ. */
  public boolean differs() {
    return difference != null && difference != 0;
  }
}

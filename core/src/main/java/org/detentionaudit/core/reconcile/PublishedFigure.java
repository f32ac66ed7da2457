package org.detentionaudit.core.reconcile;

/**
 * One figure of a {@code --published} file.
 *
 * @param row the 1-based data row after the header, for messages
 * @param fiscalYear the U.S. federal fiscal year it is for
 * @param facilityCode the facility code it is for (trimmed), or null
 * @param facilityName the facility name it is for (trimmed), or null; both null for a figure over
 *     every facility
 * @param measure what it counts
 * @param value the figure (not negative)
 */
public record PublishedFigure(
    long row, int fiscalYear, String facilityCode, String facilityName, PublishedMeasure measure, double value) {

  /** The facility as {@code reconciliation.parquet} names it: the code, else the name, else null. */
  public String facility() {
    return facilityCode != null ? facilityCode : facilityName;
  }
}

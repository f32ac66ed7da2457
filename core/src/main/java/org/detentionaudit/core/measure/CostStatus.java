package org.detentionaudit.core.measure;

/** Whether the cost of a facility's bed-days can be estimated, and if not, why. */
public enum CostStatus {
  /** The reference gives a per-diem rate: cost = bed-days x rate. */
  KNOWN("known"),
  /** The reference lists the facility but its rate is redacted ({@code b)(4)}). */
  RATE_REDACTED("rate_redacted"),
  /** The reference lists the facility without a usable rate (none, or not ICE funded). */
  NO_RATE("no_rate"),
  /** The facility code (or, keyed by name, the facility name) is not in the reference. */
  NOT_IN_REFERENCE("not_in_reference"),
  /**
   * Keyed by name: the facility name matches several reference codes, so no one rate applies
   * (never assigned to one of them).
   */
  AMBIGUOUS_NAME("ambiguous_name"),
  /** The records have no facility code (or the layout has none): no rate can be looked up. */
  NO_FACILITY_CODE("no_facility_code"),
  /**
   * The layout lacks a column bed-days need (a book-in or book-out column): neither bed-days nor
   * cost can be known, whatever the rate.
   */
  NOT_APPLICABLE("not_applicable");

  private final String label;

  CostStatus(String label) {
    this.label = label;
  }

  /** The value written in {@code facilities.parquet} and {@code summary.json}. */
  public String label() {
    return label;
  }
}

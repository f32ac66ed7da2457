package org.detentionaudit.core.measure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What the records say about cost ({@code summary.json} {@code cost}).
 *
 * @param bedDays all bed-days (midnights in custody) of the records whose length is known; open
 *     placements count up to the extract date
 * @param bedDaysCostKnown bed-days at facilities with a per-diem rate
 * @param bedDaysCostUnknown the others
 * @param costUnknownShare bedDaysCostUnknown / bedDays (0 when there are no bed-days)
 * @param bedDaysCostUnknownByReason bed-days whose cost is unknown, per {@link CostStatus#label()}
 * @param estimatedCost the sum of bed-days x rate where the rate is known
 * @param recordsLengthUnknown records without bed-days because their length is unknown (no
 *     book-in, book-out before book-in, or open without an extract date)
 * @param openCountedTo the extract date up to which open placements count, or null
 * @param byFiscalYear per fiscal year, oldest first
 */
@JsonPropertyOrder({
  "bed_days", "bed_days_cost_known", "bed_days_cost_unknown", "cost_unknown_share",
  "bed_days_cost_unknown_by_reason", "estimated_cost", "records_length_unknown", "open_counted_to",
  "by_fiscal_year"
})
public record CostSummary(
    long bedDays,
    long bedDaysCostKnown,
    long bedDaysCostUnknown,
    double costUnknownShare,
    Map<String, Long> bedDaysCostUnknownByReason,
    double estimatedCost,
    long recordsLengthUnknown,
    String openCountedTo,
    List<Year> byFiscalYear) {
  public CostSummary {
    bedDaysCostUnknownByReason =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bedDaysCostUnknownByReason));
    byFiscalYear = List.copyOf(byFiscalYear);
  }

  /** One fiscal year's bed-days and cost. */
  @JsonPropertyOrder({"fiscal_year", "bed_days", "bed_days_cost_unknown", "estimated_cost"})
  public record Year(int fiscalYear, long bedDays, long bedDaysCostUnknown, double estimatedCost) {}
}

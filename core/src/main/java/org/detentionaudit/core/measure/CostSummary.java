package org.detentionaudit.core.measure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What the records say about cost ({@code summary.json} {@code cost}).
 *
 * <p>When the layout lacks a column bed-days need ({@link org.detentionaudit.rules.Measure#BED_DAYS}),
 * {@code status} is {@code NOT_APPLICABLE}, {@code missingFields} names the columns and every
 * number is null: a file without book-outs cannot say how long anyone was held, so it cannot say
 * what it cost.
 *
 * @param status {@code COMPUTED} or {@code NOT_APPLICABLE}
 * @param missingFields the fields the layout lacks for bed-days (and, for the estimated cost, for a
 *     facility); empty when computed
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
  "status", "missing_fields", "bed_days", "bed_days_cost_known", "bed_days_cost_unknown", "cost_unknown_share",
  "bed_days_cost_unknown_by_reason", "estimated_cost", "records_length_unknown", "open_counted_to",
  "by_fiscal_year"
})
public record CostSummary(
    String status,
    List<String> missingFields,
    Long bedDays,
    Long bedDaysCostKnown,
    Long bedDaysCostUnknown,
    Double costUnknownShare,
    Map<String, Long> bedDaysCostUnknownByReason,
    Double estimatedCost,
    Long recordsLengthUnknown,
    String openCountedTo,
    List<Year> byFiscalYear) {
  public CostSummary {
    missingFields = List.copyOf(missingFields);
    bedDaysCostUnknownByReason =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bedDaysCostUnknownByReason));
    byFiscalYear = List.copyOf(byFiscalYear);
  }

  /** Bed-days and cost cannot be computed: the layout lacks {@code missingFields}. */
  public static CostSummary notApplicable(List<String> missingFields) {
    return new CostSummary(
        MeasureStatus.NOT_APPLICABLE, missingFields, null, null, null, null, Map.of(), null, null, null,
        List.of());
  }

  /** Whether bed-days and cost were computed. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean computed() {
    return MeasureStatus.COMPUTED.equals(status);
  }

  /** One fiscal year's bed-days and cost. */
  @JsonPropertyOrder({"fiscal_year", "bed_days", "bed_days_cost_unknown", "estimated_cost"})
  public record Year(int fiscalYear, long bedDays, long bedDaysCostUnknown, double estimatedCost) {}
}

package org.detentionaudit.core.measure;

import java.util.List;

/**
 * One row of {@code facilities.parquet}: a facility code seen in the records (or a facility name,
 * where the layout has no codes), with its bed-days and estimated cost.
 *
 * @param facilityCode the code as written (trimmed, upper case), the name where {@code keyedBy} is
 *     {@code facility_name}, or null for the records without one
 * @param keyedBy {@code facility_code} or {@code facility_name}
 * @param namesSeen the distinct facility names of its records (trimmed), sorted
 * @param inReference whether the facility reference lists the code (keyed by name: whether the name
 *     matches at least one reference code; one matching several has cost status {@code
 *     ambiguous_name})
 * @param records records at the facility
 * @param recordsFailed records at the facility that fail at least one rule
 * @param bedDays detention bed-days (midnights in custody) of its records; null when the layout
 *     cannot give them ({@code missingFields})
 * @param perDiemRate the reference's daily rate, or null
 * @param perDiemText the rate as published, or null
 * @param costStatus whether cost can be estimated ({@link CostStatus#label()})
 * @param estimatedCost bed-days x rate, or null when the rate is unknown
 * @param byFiscalYear bed-days and cost per fiscal year, oldest first; empty when bed-days are not
 *     applicable
 * @param missingFields what the layout lacks for bed-days and cost, comma-separated as in {@code
 *     summary.parquet}; empty when both are computed
 */
public record FacilityUse(
    String facilityCode,
    String keyedBy,
    List<String> namesSeen,
    boolean inReference,
    long records,
    long recordsFailed,
    Long bedDays,
    Double perDiemRate,
    String perDiemText,
    String costStatus,
    Double estimatedCost,
    List<YearUse> byFiscalYear,
    String missingFields) {
  public FacilityUse {
    namesSeen = List.copyOf(namesSeen);
    byFiscalYear = List.copyOf(byFiscalYear);
  }

  /** Bed-days and estimated cost of one facility in one fiscal year. */
  public record YearUse(int fiscalYear, long bedDays, Double estimatedCost) {}
}

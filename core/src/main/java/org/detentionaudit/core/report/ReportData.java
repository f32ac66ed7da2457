package org.detentionaudit.core.report;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.detentionaudit.core.measure.FacilityUse;
import org.detentionaudit.core.reconcile.ReconciliationRow;

/**
 * Everything {@code report.html} shows, each part already written to an output table.
 *
 * @param summary the run ({@code summary.json})
 * @param profile the rows of {@code profile.parquet}
 * @param facilities the rows of {@code facilities.parquet}, most bed-days first
 * @param recordsByFiscalYear records per fiscal year of book-in (the count-only rows of {@code
 *     breakdown.parquet}), oldest first; key null for records without a book-in
 * @param samples up to a few failing records per rule ({@code findings.parquet}), by rule id
 * @param reconciliation the rows of {@code reconciliation.parquet}
 */
public record ReportData(
    RunSummary summary,
    List<Row> profile,
    List<FacilityUse> facilities,
    Map<Integer, Long> recordsByFiscalYear,
    Map<String, List<FindingSample>> samples,
    List<ReconciliationRow> reconciliation) {
  public ReportData {
    reconciliation = List.copyOf(reconciliation);
  }

  /** A run without reconciliation rows. */
  public ReportData(
      RunSummary summary,
      List<Row> profile,
      List<FacilityUse> facilities,
      Map<Integer, Long> recordsByFiscalYear,
      Map<String, List<FindingSample>> samples) {
    this(summary, profile, facilities, recordsByFiscalYear, samples, List.of());
  }
}

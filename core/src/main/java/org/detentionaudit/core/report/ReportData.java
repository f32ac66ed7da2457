package org.detentionaudit.core.report;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.detentionaudit.core.measure.FacilityUse;

/**
 * Everything {@code report.html} shows, each part already written to an output table.
 *
 * @param summary the run ({@code summary.json})
 * @param profile the rows of {@code profile.parquet}
 * @param facilities the rows of {@code facilities.parquet}, most bed-days first
 * @param recordsByFiscalYear records per fiscal year of book-in (the count-only rows of {@code
 *     breakdown.parquet}), oldest first; key null for records without a book-in
 * @param samples up to a few failing records per rule ({@code findings.parquet}), by rule id
 */
public record ReportData(
    RunSummary summary,
    List<Row> profile,
    List<FacilityUse> facilities,
    Map<Integer, Long> recordsByFiscalYear,
    Map<String, List<FindingSample>> samples) {}

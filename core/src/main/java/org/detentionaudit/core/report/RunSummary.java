package org.detentionaudit.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.detentionaudit.core.history.HistorySummary;
import org.detentionaudit.core.measure.CostSummary;
import org.detentionaudit.core.measure.DatasetFacts;
import org.detentionaudit.core.measure.FacilitySummary;
import org.detentionaudit.core.measure.MeasureStatus;
import org.detentionaudit.core.reconcile.ReconciliationSummary;

/**
 * The run as {@code summary.json} states it (docs/output-contract.md). Serialized with snake_case names.
 *
 * @param toolVersion detention-audit's version
 * @param startedAt ISO-8601 instant the run started
 * @param finishedAt ISO-8601 instant the audit finished (before outputs were moved into place)
 * @param inputs per input file: rows read = rows loaded + rows quarantined
 * @param rowsRead total over inputs
 * @param rowsLoaded total over inputs
 * @param rowsQuarantined total over inputs
 * @param extractDate ISO local date-time, or null when unknown
 * @param extractDateOrigin where the extract date came from
 * @param rules one row per rule, as in {@code summary.parquet}
 * @param dataset the dataset at a glance: records, people, stays, dates, lengths
 * @param facilities facilities seen, not in the reference, records without one
 * @param cost bed-days and estimated cost
 * @param facilityReference which facility reference the rules and the cost looked codes up in
 * @param measures per derived measure, whether the file's columns could give it (the measures that
 *     are {@code NOT_APPLICABLE} are null in {@code dataset}, {@code facilities} and {@code cost})
 * @param reconciliation the records set beside the release's own totals (a workbook's Summary
 *     sheet, {@code --published}); empty sources when there were none
 * @param history the run judged against the earlier releases of its {@code --history}; null
 *     without one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "tool_version", "started_at", "finished_at", "inputs", "rows_read", "rows_loaded",
  "rows_quarantined", "extract_date", "extract_date_origin", "facility_reference", "measures", "dataset",
  "facilities", "cost", "reconciliation", "history", "rules"
})
public record RunSummary(
    String toolVersion,
    String startedAt,
    String finishedAt,
    List<InputSummary> inputs,
    long rowsRead,
    long rowsLoaded,
    long rowsQuarantined,
    String extractDate,
    String extractDateOrigin,
    List<RuleSummaryRow> rules,
    DatasetFacts dataset,
    FacilitySummary facilities,
    CostSummary cost,
    FacilityReferenceSummary facilityReference,
    List<MeasureStatus> measures,
    ReconciliationSummary reconciliation,
    HistorySummary history) {

  /** The canonical constructor, which {@code summary.json} is read with. */
  @JsonCreator
  public RunSummary {}

  /** The same run with its history check. */
  public RunSummary withHistory(HistorySummary value) {
    return new RunSummary(
        toolVersion, startedAt, finishedAt, inputs, rowsRead, rowsLoaded, rowsQuarantined, extractDate,
        extractDateOrigin, rules, dataset, facilities, cost, facilityReference, measures, reconciliation, value);
  }

  /**
   * One input's accounting. The last six are for text inputs and null for workbooks and Parquet
   * (which have no text encoding and no lines): for text, {@code physicalLines == rowsRead +
   * blankLines + continuationLines}.
   *
   * @param encoding the charset the text was decoded in, e.g. {@code UTF-8}, {@code windows-1252}
   * @param encodingOrigin how it was chosen: {@code detected: valid UTF-8}, {@code detected: not
   *     valid UTF-8}, {@code byte-order mark} or {@code given with --encoding}
   * @param physicalLines lines after the header, blank lines included
   * @param blankLines blank lines (numbered like rows, not read as rows)
   * @param continuationLines lines of multi-line records after their first
   * @param multiLineRecords rows whose quoted value spans lines
   */
  @JsonPropertyOrder({
    "path", "format", "layout", "rows_read", "rows_loaded", "rows_quarantined", "encoding",
    "encoding_origin", "physical_lines", "blank_lines", "continuation_lines", "multi_line_records"
  })
  public record InputSummary(
      String path,
      String format,
      String layout,
      long rowsRead,
      long rowsLoaded,
      long rowsQuarantined,
      String encoding,
      String encodingOrigin,
      Long physicalLines,
      Long blankLines,
      Long continuationLines,
      Long multiLineRecords) {}

  /**
   * The facility reference used.
   *
   * @param source {@code bundled}, or {@code bundled + FILE} when {@code --facilities FILE} extended
   *     it
   * @param codes distinct facility codes known
   * @param rows data rows read to build it (bundled table plus the user's file)
   */
  @JsonPropertyOrder({"source", "codes", "rows"})
  public record FacilityReferenceSummary(String source, long codes, long rows) {}
}

package org.detentionaudit.core.outputs;

import java.util.Optional;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.check.RuleEvaluation;
import org.detentionaudit.core.load.PlacementSchema;
import org.detentionaudit.core.measure.BedDays;
import org.detentionaudit.core.profile.ColumnProfile;
import org.detentionaudit.core.reconcile.Reconciliation;
import org.detentionaudit.core.report.SummaryTable;
import org.detentionaudit.core.sort.SortPass;

/**
 * Every file of an audit's output folder, in the order they are written, with its schema (the
 * Parquet tables) and the pass it comes from. The one list of outputs: the writer, the contract
 * test and the docs follow it.
 */
public enum AuditOutput {
  SUMMARY("summary.parquet", SummaryTable.SCHEMA, "one row per rule (sort pass counts)"),
  FINDINGS("findings.parquet", SortPass.FINDINGS_SCHEMA, "one row per (record, failed rule), written by the sort pass"),
  BREAKDOWN("breakdown.parquet", RuleEvaluation.BREAKDOWN_SCHEMA, "records judged and failed per rule, fiscal year and facility (sort pass)"),
  QUARANTINE("quarantine.parquet", PlacementSchema.QUARANTINE, "input rows that could not be read (load)"),
  FACILITIES("facilities.parquet", BedDays.SCHEMA, "per facility: records, failing records, bed-days, cost (sort pass)"),
  RECONCILIATION("reconciliation.parquet", Reconciliation.SCHEMA, "published totals beside the computed ones"),
  PROFILE("profile.parquet", ColumnProfile.SCHEMA, "per input column: values, missing, redacted, distinct, top values"),
  SUMMARY_JSON("summary.json", null, "the run: inputs, accounting, facts, rules, cost, reconciliation"),
  REPORT_HTML("report.html", null, "the report for reading");

  private final String file;
  private final StructType schema;
  private final String content;

  AuditOutput(String file, StructType schema, String content) {
    this.file = file;
    this.schema = schema;
    this.content = content;
  }

  /** The file (or Parquet folder) name in the output folder. */
  public String file() {
    return file;
  }

  /** The Parquet schema; empty for the JSON and HTML files. */
  public Optional<StructType> schema() {
    return Optional.ofNullable(schema);
  }

  /** What it holds, in a few words. */
  public String content() {
    return content;
  }
}

package org.detentionaudit.core;


import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.profile.ColumnProfile;
import org.detentionaudit.core.check.RuleEvaluation;
import org.detentionaudit.core.check.RuleOutcome;
import org.detentionaudit.core.history.AuditHistory;
import org.detentionaudit.core.history.HistorySummary;
import org.detentionaudit.core.load.LoadedDataset;
import org.detentionaudit.core.measure.BedDays;
import org.detentionaudit.core.measure.FacilityUse;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.progress.StageTracker;
import org.detentionaudit.core.reconcile.Reconciliation;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.report.SummaryTable;
import org.detentionaudit.core.outputs.AtomicOutputFolder;
import org.detentionaudit.core.outputs.OutputWriter;
import org.detentionaudit.core.sort.ScratchFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of one audit: rule results, findings, quarantined rows and the accounting of every
 * input. Nothing is written until {@link #write(String, boolean)}.
 *
 * <p>Holds persisted Spark data; {@link #close()} releases it.
 */
public final class AuditResult implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditResult.class);

  private final SparkSession spark;
  private final RunSummary runSummary;
  private final RuleEvaluation evaluation;
  private final LoadedDataset loaded;
  private final BedDays bedDays;
  private final FacilityReference facilities;
  private final StageTracker stages;
  private final Reconciliation reconciliation;
  private final String scannedProfile;
  private Dataset<Row> profile;
  private AuditHistory history;
  private HistorySummary historySummary;

  AuditResult(
      SparkSession spark,
      RunSummary runSummary,
      RuleEvaluation evaluation,
      LoadedDataset loaded,
      BedDays bedDays,
      FacilityReference facilities,
      StageTracker stages,
      Reconciliation reconciliation,
      String scannedProfile) {
    this.spark = spark;
    this.scannedProfile = scannedProfile;
    this.reconciliation = reconciliation;
    this.stages = stages;
    this.bedDays = bedDays;
    this.runSummary = runSummary;
    this.evaluation = evaluation;
    this.loaded = loaded;
    this.facilities = facilities;
  }

  /**
   * The facility reference the audit used (bundled, extended by {@code --facilities}): per code its
   * names, per-diem rate and whether the rate is redacted.
   */
  public FacilityReference facilityReference() {
    return facilities;
  }

  /**
   * The run as {@code summary.json} states it: inputs, accounting, extract date, rule rows; with
   * its {@code history} block once {@link #write} has judged it against a history.
   */
  public RunSummary runSummary() {
    return historySummary == null ? runSummary : runSummary.withHistory(historySummary);
  }

  /** Appends to {@code target} when written (null: no history). */
  AuditResult appendingTo(AuditHistory target) {
    this.history = target;
    return this;
  }

  /** The history this run is appended to when written ({@link DetentionAudit#history}), if any. */
  public Optional<AuditHistory> history() {
    return Optional.ofNullable(history);
  }

  /**
   * The run judged against its history's earlier releases: empty until {@link #write} appended it,
   * or without a history.
   */
  public Optional<HistorySummary> historySummary() {
    return Optional.ofNullable(historySummary);
  }

  /** One outcome per rule of the catalog that was enabled, in catalog order. */
  public List<RuleOutcome> outcomes() {
    return evaluation.outcomes();
  }

  /** The {@code summary.parquet} table: one row per rule. */
  public Dataset<Row> summary() {
    return SummaryTable.of(spark, runSummary.rules());
  }

  /** The {@code findings.parquet} table: one row per (record, failed rule). */
  public Dataset<Row> findings() {
    return evaluation.findings();
  }

  /**
   * The {@code breakdown.parquet} table: records judged and failed per rule, fiscal year of book-in
   * and facility, plus records per fiscal year and facility (null {@code rule_id}).
   */
  public Dataset<Row> breakdown() {
    return evaluation.breakdown();
  }

  /**
   * The {@code profile.parquet} table: per input and input column (as the file names it), the
   * canonical field it maps to, values, missing and redacted cells, distinct values and the most
   * frequent values (never for identifier columns). Kept once made (it is small): text and
   * workbook inputs from the counts their parse tasks made while loading, Parquet inputs from the
   * counts the scan pass made when every input is Parquet (no read); Parquet inputs audited
   * together with text or workbooks, by one more pass over their columns.
   */
  public Dataset<Row> profile() {
    if (profile == null) {
      stages.begin(AuditStage.PROFILE);
      LOG.info("Profiling input columns");
      profile =
          scannedProfile != null
              ? ColumnProfile.fromCounts(spark, loaded.rawColumns(), scannedProfile)
              : ColumnProfile.of(spark, loaded.rawColumns());
      stages.end();
    }
    return profile;
  }

  /**
   * The {@code facilities.parquet} table: one row per facility code seen (or name, where the layout
   * has no codes) with names seen, whether the reference knows it, records, records failing a rule,
   * bed-days (in all and per fiscal year), per-diem rate and estimated cost.
   */
  public Dataset<Row> facilities() {
    return bedDays.table(spark);
  }

  /** The facilities as Java values, most bed-days first (the rows of {@link #facilities()}). */
  public List<FacilityUse> facilityUse() {
    return bedDays.facilities();
  }

  /**
   * The {@code reconciliation.parquet} table: each published total (a workbook's Summary sheet,
   * {@code --published}) beside the figure the records give, with the difference. Empty when there
   * was nothing to reconcile with.
   */
  public Dataset<Row> reconciliation() {
    return reconciliation.table(spark);
  }

  /** The reconciliation as Java values (the rows of {@link #reconciliation()} and their summary). */
  public Reconciliation reconciliationResult() {
    return reconciliation;
  }

  /** The {@code quarantine.parquet} table: input rows that could not be read, with the reason. */
  public Dataset<Row> quarantine() {
    return loaded.quarantine();
  }

  /** The normalized placements that were audited (canonical columns). */
  public Dataset<Row> placements() {
    return loaded.placements();
  }

  /**
   * Writes every output into {@code dir} atomically: on any failure no folder is left at {@code
   * dir}.
   *
   * @param dir a local path or a Hadoop URI ({@code hdfs://...}, {@code s3a://...})
   * @param overwrite replace an existing folder; without it an existing folder is refused
   * @throws InputException when {@code dir} exists and {@code overwrite} is false, cannot be
   *     written, is locked by another run, or writing fails (disk full, permissions)
   */
  public void write(String dir, boolean overwrite) {
    try (AtomicOutputFolder out =
        AtomicOutputFolder.reserve(dir, overwrite, spark.sparkContext().hadoopConfiguration())) {
      write(out);
    }
  }

  /**
   * Writes every output into a folder reserved (checked and locked) before the audit ran, and
   * commits it; the caller closes {@code out}, which removes what a failure left. With a {@link
   * DetentionAudit#history}, the run is judged against it before {@code summary.json} is written and
   * appended to it once the folder is committed (a failed write appends nothing).
   *
   * @throws InputException when writing fails (disk full, permissions) or the folder appeared, a
   *     history file cannot be read, or the run cannot be appended (the output is written then, and
   *     the message says so)
   */
  public void write(AtomicOutputFolder out) {
    Optional<AuditHistory.Checked> checked = OutputWriter.write(this, out, stages);
    if (checked.isPresent()) {
      try {
        history.append(checked.get());
      } catch (InputException e) {
        throw new InputException(
            e.getMessage() + " The audit output " + out.shownDir() + " was written; run the audit again"
                + " with --history to append it.",
            e);
      }
      historySummary = checked.get().summary();
    }
  }

  /** The Parquet folder the sort pass wrote the findings into. */
  public String findingsLocation() {
    return evaluation.findingsLocation();
  }

  /**
   * Releases the persisted data of this run, and the scratch folder of its findings when the run
   * had no output folder ({@link DetentionAudit#writingInto}); {@link #findings()} is gone then.
   */
  @Override
  public void close() {
    loaded.unpersist();
    ScratchFolder.remove(
        evaluation.findingsLocation(), spark.sparkContext().hadoopConfiguration());
  }
}

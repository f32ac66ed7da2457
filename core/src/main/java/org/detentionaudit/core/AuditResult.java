package org.detentionaudit.core;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.detentionaudit.core.check.ColumnProfile;
import org.detentionaudit.core.check.RuleEvaluation;
import org.detentionaudit.core.check.RuleOutcome;
import org.detentionaudit.core.load.InputFailures;
import org.detentionaudit.core.load.LoadedDataset;
import org.detentionaudit.core.measure.BedDays;
import org.detentionaudit.core.measure.FacilityUse;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.progress.StageTracker;
import org.detentionaudit.core.reconcile.Reconciliation;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.report.FindingSample;
import org.detentionaudit.core.report.FirstFindings;
import org.detentionaudit.core.report.HtmlReport;
import org.detentionaudit.core.report.PersonHash;
import org.detentionaudit.core.report.ReportData;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.report.SummaryJson;
import org.detentionaudit.core.report.SummaryTable;
import org.detentionaudit.core.write.AtomicOutputFolder;
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
  /** The findings' file name in the output folder. */
  static final String FINDINGS = "findings.parquet";

  private final SparkSession spark;
  private final RunSummary runSummary;
  private final RuleEvaluation evaluation;
  private final LoadedDataset loaded;
  private final BedDays bedDays;
  private final FacilityReference facilities;
  private final StageTracker stages;
  private final Reconciliation reconciliation;
  private Dataset<Row> profile;

  AuditResult(
      SparkSession spark,
      RunSummary runSummary,
      RuleEvaluation evaluation,
      LoadedDataset loaded,
      BedDays bedDays,
      FacilityReference facilities,
      StageTracker stages,
      Reconciliation reconciliation) {
    this.spark = spark;
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

  /** The run as {@code summary.json} states it: inputs, accounting, extract date, rule rows. */
  public RunSummary runSummary() {
    return runSummary;
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
   * frequent values (never for identifier columns). Computed on first use by one more pass over
   * the inputs, then kept (it is small).
   */
  public Dataset<Row> profile() {
    if (profile == null) {
      stages.begin(AuditStage.PROFILE);
      LOG.info("Profiling input columns");
      profile = ColumnProfile.of(spark, loaded.rawColumns());
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
   * commits it; the caller closes {@code out}, which removes what a failure left.
   *
   * @throws InputException when writing fails (disk full, permissions) or the folder appeared
   */
  public void write(AtomicOutputFolder out) {
    try {
      writeTables(out);
    } catch (IOException | java.io.UncheckedIOException e) {
      Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
      throw new InputException(
          "Cannot write outputs to "
              + out.shownDir()
              + ": "
              + cause.getMessage()
              + ". Nothing was written there; check the free space and permissions of its folder,"
              + " then run again.",
          e);
    } catch (InputException e) {
      throw e;
    } catch (Exception e) {
      // Spark raises the checked SparkException from Scala code, hence Exception here; the profile
      // reads every input column, so a corrupt page in a column the audit does not use surfaces here.
      throw InputFailures.translate(e);
    }
  }

  private void writeTables(AtomicOutputFolder out) throws IOException {
    stages.begin(AuditStage.WRITE_TABLES);
    LOG.info("Writing outputs");
    writeSmall(summary(), out, "summary.parquet");
    FaultInjection.at(FaultInjection.Point.WRITE);
    FaultInjection.at(FaultInjection.Point.STALL_WRITE);
    copyFindings(out.stagingPath(FINDINGS));
    // Persisted: written, then summed by fiscal year for the report (small: one row per rule,
    // year and facility).
    Dataset<Row> breakdown = breakdown().persist(StorageLevel.MEMORY_AND_DISK());
    writeSmall(breakdown, out, "breakdown.parquet");
    writeSmall(loaded.quarantine(), out, "quarantine.parquet");
    writeSmall(facilities(), out, "facilities.parquet");
    writeSmall(reconciliation(), out, "reconciliation.parquet");
    Dataset<Row> columnProfile = profile();
    writeSmall(columnProfile, out, "profile.parquet");
    stages.begin(AuditStage.REPORT);
    out.writeText("summary.json", SummaryJson.write(runSummary));
    out.writeText(
        "report.html", HtmlReport.render(reportData(breakdown, columnProfile.collectAsList())));
    breakdown.unpersist();
    out.commit();
    stages.end();
    LOG.info("Outputs written to {}", out.shownDir());
  }

  /**
   * Puts the findings into {@code target}: nothing to do when the audit wrote them there ({@link
   * DetentionAudit#writingInto}), else a copy of the folder the audit wrote.
   */
  private void copyFindings(String target) throws IOException {
    String written = evaluation.findingsLocation();
    if (written.equals(target)) {
      return;
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path from = new Path(written);
    Path to = new Path(target);
    if (!FileUtil.copy(from.getFileSystem(conf), from, to.getFileSystem(conf), to, false, conf)) {
      throw new IOException("could not copy the findings from " + written);
    }
  }

  /** Writes a small table as one Parquet file (a folder with one part) into the staging folder. */
  private static void writeSmall(Dataset<Row> table, AtomicOutputFolder out, String name) {
    table.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(out.stagingPath(name));
  }

  /** How many failing records per rule the report shows as examples. */
  static final int SAMPLES_PER_RULE = 5;

  private ReportData reportData(Dataset<Row> breakdown, List<Row> profileRows) {
    Map<Integer, Long> byYear = new LinkedHashMap<>();
    for (Row row :
        breakdown
            .where(col("rule_id").isNull())
            .groupBy(col("fiscal_year"))
            .agg(sum(col("records")))
            .orderBy(col("fiscal_year").asc_nulls_last())
            .collectAsList()) {
      byYear.put(row.isNullAt(0) ? null : row.getInt(0), row.getLong(1));
    }
    Map<String, List<FindingSample>> samples = new HashMap<>();
    for (Row row : FirstFindings.of(findings(), SAMPLES_PER_RULE)) {
      String ruleId = row.getAs("rule_id");
      samples
          .computeIfAbsent(ruleId, k -> new ArrayList<>())
          .add(
              new FindingSample(
                  ruleId,
                  row.getAs("source_file"),
                  row.<Long>getAs("source_row"),
                  PersonHash.of(row.getAs("person_id")),
                  text(row.getAs("book_in")),
                  text(row.getAs("book_out")),
                  text(row.getAs("facility_code")),
                  text(row.getAs("detail"))));
    }
    return new ReportData(
        runSummary, profileRows, bedDays.facilities(), byYear, samples, reconciliation.rows());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().replace('T', ' ');
  }

  /** Releases the persisted data of this run. */
  @Override
  public void close() {
    loaded.unpersist();
  }
}

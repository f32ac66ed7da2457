package org.detentionaudit.core;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.check.RuleEvaluation;
import org.detentionaudit.core.check.RuleOutcome;
import org.detentionaudit.core.load.LoadedDataset;
import org.detentionaudit.core.report.HtmlReport;
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

  private final SparkSession spark;
  private final RunSummary runSummary;
  private final RuleEvaluation evaluation;
  private final LoadedDataset loaded;

  AuditResult(
      SparkSession spark, RunSummary runSummary, RuleEvaluation evaluation, LoadedDataset loaded) {
    this.spark = spark;
    this.runSummary = runSummary;
    this.evaluation = evaluation;
    this.loaded = loaded;
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
   * @throws InputException when {@code dir} exists and {@code overwrite} is false
   */
  public void write(String dir, boolean overwrite) {
    try (AtomicOutputFolder out =
        AtomicOutputFolder.open(dir, overwrite, spark.sparkContext().hadoopConfiguration())) {
      LOG.info("Writing outputs");
      summary().coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(out.stagingPath("summary.parquet"));
      findings().write().mode(SaveMode.ErrorIfExists).parquet(out.stagingPath("findings.parquet"));
      breakdown()
          .coalesce(1)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet(out.stagingPath("breakdown.parquet"));
      loaded
          .quarantine()
          .coalesce(1)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet(out.stagingPath("quarantine.parquet"));
      out.writeText("summary.json", SummaryJson.write(runSummary));
      out.writeText("report.html", HtmlReport.render(runSummary));
      out.commit();
      LOG.info("Outputs written to {}", dir);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write outputs to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Releases the persisted data of this run. */
  @Override
  public void close() {
    evaluation.findings().unpersist();
    loaded.unpersist();
  }
}

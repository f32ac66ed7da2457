package org.detentionaudit.core.outputs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.FaultInjection;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.compare.ReleaseMetrics;
import org.detentionaudit.core.history.AuditHistory;
import org.detentionaudit.core.load.InputFailures;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.progress.StageTracker;
import org.detentionaudit.core.report.FindingSample;
import org.detentionaudit.core.report.FirstFindings;
import org.detentionaudit.core.report.HtmlReport;
import org.detentionaudit.core.report.PersonHash;
import org.detentionaudit.core.report.ReportData;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.report.SummaryJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an audit's outputs ({@link AuditOutput}, in that order) into a reserved output folder and
 * commits it. The findings are already written by the sort pass (into the folder, or copied from
 * the scratch folder of a library run); every other table is built on the driver from the two
 * passes' results, so writing reads no records (the column profile, computed on first use, is the
 * exception: it reads the inputs' own columns).
 */
public final class OutputWriter {
  private static final Logger LOG = LoggerFactory.getLogger(OutputWriter.class);
  /** How many failing records per rule the report shows as examples. */
  public static final int SAMPLES_PER_RULE = 5;

  private OutputWriter() {}

  /**
   * Writes every output of {@code result} into {@code out} and commits it; the caller closes
   * {@code out}, which removes what a failure left. With a history ({@link AuditResult#history}),
   * the run is judged against it before {@code summary.json} and the report are written, from the
   * tables just written (the metrics {@link ReleaseMetrics#read} gives of the committed folder);
   * the caller appends the run returned once this returns.
   *
   * @return the run to append to the history, with its judgement; empty without a history
   * @throws InputException when writing fails (disk full, permissions), the folder appeared, or a
   *     history file cannot be read
   */
  public static Optional<AuditHistory.Checked> write(AuditResult result, AtomicOutputFolder out, StageTracker stages) {
    try {
      return writeTables(result, out, stages);
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
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
      // Spark raises the checked SparkException from Scala code, hence Exception here; the profile of
      // Parquet inputs audited with text ones reads every column, so a corrupt page in a column the
      // audit does not use can surface here.
      throw InputFailures.translate(e);
    }
  }

  private static Optional<AuditHistory.Checked> writeTables(
      AuditResult result, AtomicOutputFolder out, StageTracker stages) throws IOException {
    stages.begin(AuditStage.WRITE_TABLES);
    LOG.info("Writing outputs");
    writeSmall(result.summary(), out, AuditOutput.SUMMARY);
    FaultInjection.at(FaultInjection.Point.WRITE);
    FaultInjection.at(FaultInjection.Point.STALL_WRITE);
    copyFindings(result, out.stagingPath(AuditOutput.FINDINGS.file()));
    // Persisted: written, then summed by fiscal year for the report (small: one row per rule,
    // year and facility).
    Dataset<Row> breakdown = result.breakdown().persist(StorageLevel.MEMORY_AND_DISK());
    writeSmall(breakdown, out, AuditOutput.BREAKDOWN);
    writeSmall(result.quarantine(), out, AuditOutput.QUARANTINE);
    writeSmall(result.facilities(), out, AuditOutput.FACILITIES);
    writeSmall(result.reconciliation(), out, AuditOutput.RECONCILIATION);
    Dataset<Row> columnProfile = result.profile();
    writeSmall(columnProfile, out, AuditOutput.PROFILE);
    stages.begin(AuditStage.REPORT);
    List<Row> profileRows = columnProfile.collectAsList();
    Optional<AuditHistory.Checked> history =
        result.history().map(h -> h.check(releaseMetrics(result, out, breakdown, profileRows), result.runSummary().dataset()));
    RunSummary summary = history.map(h -> result.runSummary().withHistory(h.summary())).orElse(result.runSummary());
    out.writeText(AuditOutput.SUMMARY_JSON.file(), SummaryJson.write(summary));
    out.writeText(
        AuditOutput.REPORT_HTML.file(),
        HtmlReport.render(reportData(result, summary, breakdown, profileRows)));
    breakdown.unpersist();
    out.commit();
    stages.end();
    LOG.info("Outputs written to {}", out.shownDir());
    return history;
  }

  /**
   * The run's metrics from the rows of the tables just written (small: one row per rule, per
   * input column, per (rule, fiscal year, facility), per facility), as {@link ReleaseMetrics#read}
   * reads them from the committed folder.
   */
  private static ReleaseMetrics releaseMetrics(
      AuditResult result, AtomicOutputFolder out, Dataset<Row> breakdown, List<Row> profileRows) {
    RunSummary s = result.runSummary();
    ReleaseMetrics.Run run =
        new ReleaseMetrics.Run(
            s.toolVersion(),
            s.startedAt(),
            s.inputs().stream()
                .map(i -> new ReleaseMetrics.Input(i.path(), i.format(), i.layout(), i.rowsRead()))
                .toList(),
            s.extractDate(),
            s.extractDateOrigin(),
            s.dataset() == null ? null : s.dataset().firstBookIn(),
            s.dataset() == null ? null : s.dataset().lastBookIn(),
            s.dataset() == null ? s.rowsLoaded() : s.dataset().records());
    return ReleaseMetrics.fromRows(
        out.shownDir(),
        run,
        result.summary().collectAsList(),
        profileRows,
        breakdown.where(col("rule_id").isNull()).collectAsList(),
        result.facilities().collectAsList());
  }

  /**
   * Puts the findings into {@code target}: nothing to do when the audit wrote them there ({@link
   * org.detentionaudit.core.DetentionAudit#writingInto}), else a copy of the folder the audit wrote.
   */
  private static void copyFindings(AuditResult result, String target) throws IOException {
    String written = result.findingsLocation();
    if (written.equals(target)) {
      return;
    }
    Configuration conf = result.placements().sparkSession().sparkContext().hadoopConfiguration();
    Path from = new Path(written);
    Path to = new Path(target);
    if (!FileUtil.copy(from.getFileSystem(conf), from, to.getFileSystem(conf), to, false, conf)) {
      throw new IOException("could not copy the findings from " + written);
    }
  }

  /** Writes a small table as one Parquet file (a folder with one part) into the staging folder. */
  private static void writeSmall(Dataset<Row> table, AtomicOutputFolder out, AuditOutput output) {
    table.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(out.stagingPath(output.file()));
  }

  private static ReportData reportData(
      AuditResult result, RunSummary summary, Dataset<Row> breakdown, List<Row> profileRows) {
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
    for (Row row : FirstFindings.of(result.findings(), SAMPLES_PER_RULE)) {
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
        summary,
        profileRows,
        result.facilityUse(),
        byYear,
        samples,
        result.reconciliationResult().rows());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().replace('T', ' ');
  }
}

package org.detentionaudit.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.report.SummaryJson;

/**
 * One audit output folder in a form two runs can be compared by: each Parquet table's schema and
 * rows (as text, sorted, since row order depends on partitioning), and {@code summary.json} (compare
 * it without {@link #CLOCK_FIELDS}).
 *
 * @param tables file name to table, for each of {@link #TABLES}
 * @param runSummary {@code summary.json} as read
 */
record AuditOutputs(Map<String, Table> tables, RunSummary runSummary) {
  /** The fields of {@code summary.json} that differ between any two runs: when it ran. */
  static final String[] CLOCK_FIELDS = {"startedAt", "finishedAt"};

  /** The Parquet outputs of an audit. */
  static final List<String> TABLES =
      List.of(
          "summary.parquet",
          "findings.parquet",
          "quarantine.parquet",
          "breakdown.parquet",
          "facilities.parquet",
          "profile.parquet",
          "reconciliation.parquet");

  /**
   * A table as read back.
   *
   * @param schema Spark's one-line form of the schema
   * @param rows every row's text, sorted
   */
  record Table(String schema, List<String> rows) {}

  /** Reads {@code folder}, written by {@code detention-audit audit --output folder}. */
  static AuditOutputs read(SparkSession spark, Path folder) throws IOException {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (String name : TABLES) {
      Dataset<Row> table = spark.read().parquet(folder.resolve(name).toString());
      List<String> rows = table.collectAsList().stream().map(Row::toString).sorted().toList();
      tables.put(name, new Table(table.schema().simpleString(), rows));
    }
    RunSummary runSummary = SummaryJson.read(Files.readString(folder.resolve("summary.json")));
    return new AuditOutputs(Map.copyOf(tables), runSummary);
  }

  Table table(String name) {
    return tables.get(name);
  }
}

package org.detentionaudit.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.compare.ReleaseMetrics;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The library's {@code history(dir)}: what a run appends, when, and what it says. */
@ExtendWith(SharedSpark.class)
class AuditHistoryTest {
  private static final Path SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025", "ddp-2025.csv");
  @TempDir Path dir;

  private DetentionAudit audit(SparkSession spark) {
    return DetentionAudit.on(spark).input(SAMPLE.toString()).runDate(LocalDate.of(2026, 1, 1));
  }

  @Test
  void theRunAppendedHoldsTheMetricsReadBackFromItsCommittedOutput(SparkSession spark) throws IOException {
    String history = dir.resolve("history").toString();
    Path first = dir.resolve("first");
    try (AuditResult result = audit(spark).history(history).label("DDP 2025-06").run()) {
      assertThat(result.historySummary()).isEmpty();
      result.write(first.toString(), false);
      assertThat(result.historySummary()).get().satisfies(h -> assertThat(h.label()).isEqualTo("DDP 2025-06"));
      assertThat(result.runSummary().history()).isNotNull();
    }

    List<HistoryRun> runs = HistoryStore.open(history, spark.sparkContext().hadoopConfiguration()).read();
    assertThat(runs).singleElement().satisfies(run -> {
      ReleaseMetrics written = ReleaseMetrics.read(spark, first.toString());
      JsonNode summary = new ObjectMapper().readTree(first.resolve("summary.json").toFile());
      List<ReleaseMetrics.Metric> expected = new ArrayList<>(written.metrics());
      JsonNode dataset = summary.path("dataset");
      expected.add(new ReleaseMetrics.Metric("dataset", "people", "records", dataset.path("people").asLong()));
      expected.add(new ReleaseMetrics.Metric("dataset", "stays", "records", dataset.path("stays").asLong()));
      expected.add(
          new ReleaseMetrics.Metric("dataset", "open_placements", "records", dataset.path("open_placements").asLong()));
      assertThat(run.metrics()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(run.label()).isEqualTo("DDP 2025-06");
      assertThat(run.extractDate()).hasToString(summary.path("extract_date").asText().replaceFirst(":00$", ""));
      assertThat(run.startedAt()).hasToString(summary.path("started_at").asText());
      assertThat(run.toolVersion()).isEqualTo(DetentionAudit.toolVersion());
      assertThat(run.runId()).isEqualTo(summary.path("history").path("run_id").asText());
      assertThat(summary.path("history").path("metrics_appended").asLong()).isEqualTo(expected.size());
      assertThat(summary.path("history").path("note").asText()).contains("this run is its first");
      assertThat(dataset.path("people").asLong()).isPositive();
    });
  }

  @Test
  void aSecondReleaseOfTheSameRecordsIsJudgedAndNothingIsFlagged(SparkSession spark) throws IOException {
    String history = dir.resolve("history").toString();
    try (AuditResult result = audit(spark).history(history).label("A").run()) {
      result.write(dir.resolve("a").toString(), false);
    }
    try (AuditResult result = audit(spark).history(history).run()) {
      result.write(dir.resolve("b").toString(), false);
      HistorySummary h = result.historySummary().orElseThrow();
      // No label: the extract date's day.
      assertThat(h.label()).isEqualTo(result.runSummary().extractDate().substring(0, 10));
      assertThat(h.earlierRuns()).extracting(HistorySummary.EarlierRun::label).containsExactly("A");
      assertThat(h.metricsJudged()).isGreaterThan(50);
      assertThat(h.flagged()).isEmpty();
    }
    String report = Files.readString(dir.resolve("b").resolve("report.html"));
    assertThat(report).contains("<h2>Against earlier releases</h2>").contains("Nothing changed beyond the thresholds.");
  }

  @Test
  void aFailedWriteAppendsNothing(SparkSession spark) {
    String history = dir.resolve("history").toString();
    try (AuditResult result = audit(spark).history(history).run()) {
      System.setProperty("detention.audit.fault", "write");
      try {
        assertThatThrownBy(() -> result.write(dir.resolve("out").toString(), false)).isInstanceOf(InputException.class);
      } finally {
        System.clearProperty("detention.audit.fault");
      }
    }
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(HistoryStore.open(history, spark.sparkContext().hadoopConfiguration()).read()).isEmpty();
  }

  @Test
  void aLabelWithoutAHistoryIsRefusedBeforeAnyDataIsRead(SparkSession spark) {
    assertThatThrownBy(() -> audit(spark).label("DDP").run())
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Cannot use --label or --thresholds without --history");
    assertThatThrownBy(() -> audit(spark).label("  "))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("it is blank");
  }

  @Test
  void anAppendThatFailsAfterTheCommitSaysTheOutputWasWrittenAndAppendsNothing(SparkSession spark) {
    String history = dir.resolve("history").toString();
    Path out = dir.resolve("written");
    try (AuditResult result = audit(spark).history(history).run()) {
      System.setProperty("detention.audit.fault", "history_append");
      try {
        assertThatThrownBy(() -> result.write(out.toString(), false))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("Cannot append to history folder " + history + ": Injected fault")
            .hasMessageContaining("nothing was appended")
            .hasMessageContaining("The audit output " + out + " was written");
      } finally {
        System.clearProperty("detention.audit.fault");
      }
    }
    assertThat(out.resolve("summary.json")).exists();
    assertThat(dir.resolve("history")).isEmptyDirectory();
  }

  @Test
  void aDamagedHistoryFileIsRefusedWhenTheHistoryIsGiven(SparkSession spark) throws IOException {
    Path history = Files.createDirectories(dir.resolve("history"));
    Files.writeString(history.resolve("run-x.parquet"), "cut short");

    assertThatThrownBy(() -> audit(spark).history(history.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("its file run-x.parquet cannot be read as Parquet");
  }
}

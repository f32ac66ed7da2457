package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.jobs.browser.ReportNumbers;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.detentionaudit.sample.write.OutputSpec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --history} on three releases of generated data (calibrated defects): the first is
 * appended with nothing to judge, the second (the same records) flags nothing, the third (a column
 * blanked in one row of ten) flags exactly that column, in summary.json, on the console and in the
 * report. Two audits appending to one history at once both land; a folder that is not a history and
 * one that cannot be written are refused before any data is read.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryEndToEndTest {
  private static final String BLANKED = "Citizenship Country";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;
  private Path release;
  private Path planted;
  private long blanked;

  @BeforeAll
  void generate(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    OutputSpec csv = OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV);
    SampleGenerator.builder().defects(DefectProfile.CALIBRATED).seed(15L).placements(2000).build()
        .write(dir.resolve("data"), List.of(csv));
    release = dir.resolve("data").resolve(csv.relativePath());
    planted = dir.resolve("planted").resolve("ddp-2025.csv");
    blanked = blankEveryTenth(release, planted, BLANKED);
  }

  @Test
  void theThirdReleaseFlagsExactlyThePlantedColumnAndTheReportShowsItsTrend(SparkSession spark) throws IOException {
    String history = dir.resolve("history").toString();
    CommandRun first = audit(release, "first", history, "DDP 2025-02", "2025-06-26");
    CommandRun second = audit(release, "second", history, "DDP 2025-06", "2025-06-27");
    CommandRun third = audit(planted, "third", history, "DDP 2026-03", "2025-06-28");
    System.out.println(third.out());

    JsonNode h1 = historyOf("first");
    assertThat(h1.path("earlier_runs")).isEmpty();
    assertThat(h1.path("metrics_judged").asLong()).isZero();
    assertThat(h1.path("note").asText()).contains("this run is its first");
    assertThat(first.out()).contains("History " + history + ": run DDP 2025-02 appended. No earlier run");

    JsonNode h2 = historyOf("second");
    assertThat(h2.path("earlier_runs").findValuesAsText("label")).containsExactly("DDP 2025-02");
    assertThat(h2.path("metrics_judged").asLong()).isPositive();
    assertThat(h2.path("flagged")).isEmpty();
    assertThat(second.out()).contains("against 1 earlier release(s) (DDP 2025-02), 0 flagged.");

    JsonNode h3 = historyOf("third");
    System.out.println(h3.toPrettyString());
    assertThat(h3.path("label").asText()).isEqualTo("DDP 2026-03");
    assertThat(h3.path("earlier_runs").findValuesAsText("label")).containsExactly("DDP 2025-02", "DDP 2025-06");
    assertThat(h3.path("runs_in_history").asLong()).isEqualTo(2);
    assertThat(h3.path("metrics_judged").asLong()).isEqualTo(h2.path("metrics_judged").asLong());
    JsonNode flagged = h3.path("flagged");
    assertThat(flagged).hasSize(1);
    JsonNode flag = flagged.get(0);
    assertThat(flag.path("kind").asText()).isEqualTo("column");
    assertThat(flag.path("key").asText()).isEqualTo(BLANKED);
    assertThat(flag.path("measure").asText()).isEqualTo("missing_share");
    assertThat(flag.path("change_kind").asText()).isEqualTo("column_missing_share");
    double before = flag.path("reference").asDouble();
    assertThat(flag.path("value").asDouble() * 2000).isCloseTo(before * 2000 + blanked, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(flag.path("series").findValuesAsText("label")).containsExactly("DDP 2025-02", "DDP 2025-06", "DDP 2026-03");
    assertThat(flag.path("reason").asText())
        .startsWith("missing share of " + BLANKED + " ")
        .contains("over the last 2 releases")
        .contains("flagged at a change of more than 8.0 points and 50% either way");
    assertThat(third.out()).contains("FLAGGED         missing share of " + BLANKED);
    // summary.json reads back as the library's RunSummary, history block included.
    assertThat(AuditRun.summaryOf(dir.resolve("third")).history().flagged())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo(flag.path("reason").asText()));
    assertThat(AuditRun.summaryOf(dir.resolve("first")).history().note()).contains("this run is its first");

    Document report = Jsoup.parse(dir.resolve("third").resolve("report.html").toFile(), "UTF-8");
    assertThat(report.select("#history h2").text()).isEqualTo("Against earlier releases");
    assertThat(report.select("#history .history-flag").eachAttr("data-metric"))
        .containsExactly("column " + BLANKED + " missing_share");
    assertThat(report.select("#history figure.chart svg rect.bar")).hasSize(3);
    assertThat(report.select("#history figure.chart svg rect.bar-highlight")).hasSize(1);
    assertThat(report.select("link, script, img")).isEmpty();
    assertThat(ReportNumbers.check(report, dir.resolve("third"), spark).mismatches()).isEmpty();
    assertThat(spark.read().parquet(history).count())
        .isEqualTo(h1.path("metrics_appended").asLong() + h2.path("metrics_appended").asLong() + h3.path("metrics_appended").asLong());
  }

  @Test
  void twoAuditsAppendingToOneHistoryAtOnceBothLand(SparkSession spark) throws Exception {
    String history = dir.resolve("shared-history").toString();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<CommandRun>> runs = new ArrayList<>();
      for (String label : List.of("left", "right")) {
        runs.add(pool.submit(() -> audit(release, "concurrent-" + label, history, label, "2025-06-26")));
      }
      for (Future<CommandRun> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long expected = historyOf("concurrent-left").path("metrics_appended").asLong()
        + historyOf("concurrent-right").path("metrics_appended").asLong();
    assertThat(spark.read().parquet(history).groupBy("label").count().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactlyInAnyOrder("left", "right");
    assertThat(spark.read().parquet(history).count()).isEqualTo(expected);
    try (Stream<Path> files = Files.list(Path.of(history))) {
      assertThat(files.map(f -> f.getFileName().toString())).hasSize(2).allMatch(n -> n.startsWith("run-") && n.endsWith(".parquet"));
    }
  }

  @Test
  void aFolderThatIsNotAHistoryIsRefusedBeforeAnyDataIsRead() throws IOException {
    Path notHistory = Files.createDirectories(dir.resolve("not-history"));
    Files.writeString(notHistory.resolve("notes.txt"), "mine");
    Path output = dir.resolve("refused");

    CommandRun run = CommandRun.of("audit", "--input", release.toString(), "--output", output.toString(), "--history", notHistory.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("Cannot use history folder " + notHistory + ": it is not a detention-audit history")
        .contains("notes.txt")
        .doesNotContain("\tat ");
    assertThat(output).doesNotExist();
    assertThat(notHistory.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void aHistoryThatCannotBeWrittenIsRefusedBeforeAnyDataIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path output = dir.resolve("refused-too");

    CommandRun run = CommandRun.of("audit", "--input", release.toString(), "--output", output.toString(), "--history", file.resolve("history").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("history folder " + file.resolve("history")).doesNotContain("\tat ");
    assertThat(output).doesNotExist();
  }

  @Test
  void aMissingThresholdsFileIsRefusedBeforeAnyDataIsRead() {
    Path output = dir.resolve("no-thresholds");
    CommandRun run =
        CommandRun.of(
            "audit", "--input", release.toString(), "--output", output.toString(), "--history",
            dir.resolve("h-thresholds").toString(), "--thresholds", dir.resolve("missing.yaml").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("Cannot read thresholds file " + dir.resolve("missing.yaml") + ": it does not exist");
    assertThat(output).doesNotExist();
  }

  @Test
  void aLabelWithoutAHistoryIsAUsageError() {
    CommandRun run = CommandRun.of("audit", "--input", release.toString(), "--output", dir.resolve("x").toString(), "--label", "DDP");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("Cannot use --label or --thresholds without --history");
  }

  private CommandRun audit(Path input, String output, String history, String label, String extractDate) {
    CommandRun run =
        CommandRun.of(
            "audit", "--input", input.toString(), "--output", dir.resolve(output).toString(), "--history", history,
            "--label", label, "--extract-date", extractDate, "--quiet");
    assertThat(run.status()).as(run.err()).isZero();
    return run;
  }

  private JsonNode historyOf(String output) throws IOException {
    return JSON.readTree(dir.resolve(output).resolve("summary.json").toFile()).path("history");
  }

  /** Copies a CSV with {@code column} blanked in every tenth data row; returns the rows blanked. */
  private static long blankEveryTenth(Path from, Path to, String column) throws IOException {
    Files.createDirectories(to.getParent());
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    long blanked = 0;
    try (Reader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
        Writer out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      var parser = format.parse(in);
      List<String> header = parser.getHeaderNames();
      int index = header.indexOf(column);
      try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0])).build())) {
        long row = 0;
        for (CSVRecord record : parser) {
          List<String> values = new ArrayList<>(record.toList());
          if (row++ % 10 == 0 && !values.get(index).isBlank()) {
            values.set(index, "");
            blanked++;
          }
          printer.printRecord(values);
        }
      }
    }
    return blanked;
  }
}

package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.jobs.browser.HeadlessChromium;
import org.detentionaudit.jobs.browser.RenderedPage;
import org.detentionaudit.jobs.browser.ReportNumbers;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the bundled sample, opened in headless Chromium as a reader would: it loads without
 * a console error, shows its sections and the per-rule table, and every traced number on it equals
 * the output it comes from (and a number changed on the page is caught). The screenshot and the page
 * are kept in {@code target/browser}.
 */
@ExtendWith(SharedSpark.class)
class ReportInBrowserTest {
  private static final Path SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025");

  @TempDir Path dir;

  @Test
  void sampleReportLoadsCleanlyAndShowsTheOutputsNumbers(SparkSession spark) throws IOException {
    Path output = dir.resolve("audit");
    CommandRun run = CommandRun.of("audit", "--input", SAMPLE.toString(), "--output", output.toString());
    assertThat(run.status()).as(run.err()).isZero();
    RunSummary summary = AuditRun.summaryOf(output);
    Path artifacts = HeadlessChromium.artifactDirectory();
    Path screenshot = artifacts.resolve("report-ddp-2025.png");
    Files.copy(output.resolve("report.html"), artifacts.resolve("report-ddp-2025.html"), StandardCopyOption.REPLACE_EXISTING);

    long started = System.nanoTime();
    RenderedPage page;
    try (HeadlessChromium chromium = HeadlessChromium.launch()) {
      page = chromium.render(output.resolve("report.html"), screenshot);
    }
    long rendered = System.nanoTime();
    System.out.println("Report screenshot: " + screenshot + " (page: " + artifacts.resolve("report-ddp-2025.html") + ")");

    assertThat(page.problems()).as("console errors of " + page.url()).isEmpty();
    assertThat(page.title()).isEqualTo("detention-audit report");
    Document document = page.document();
    assertThat(document.select("section[id]").eachAttr("id"))
        .containsExactly("overview", "where", "how-long", "cost", "status", "identity", "reconciliation", "inputs", "columns");
    assertThat(document.select("tr[data-rule]").eachAttr("data-rule"))
        .as("one row per rule of summary.json, each in its question's section")
        .containsExactlyInAnyOrderElementsOf(summary.rules().stream().map(RuleSummaryRow::ruleId).toList());
    for (RuleSummaryRow rule : summary.rules()) {
      assertThat(document.select("section#" + rule.question().replace('_', '-') + " tr[data-rule=" + rule.ruleId() + "]"))
          .as(rule.ruleId() + " in section " + rule.question())
          .hasSize(1);
    }
    for (String chart :
        List.of(
            "where #chart-facility-records",
            "how-long #chart-placement-lengths",
            "how-long #chart-stay-lengths",
            "how-long #chart-records-by-year",
            "cost #chart-bed-days-by-year",
            "cost #chart-facility-bed-days")) {
      Element figure = document.selectFirst("section#" + chart);
      assertThat(figure).as(chart).isNotNull();
      assertThat(figure.select("svg rect.bar")).as(chart + " bars").isNotEmpty();
      assertThat(figure.select("svg text.bar-value[data-table]")).as(chart + " traced values").isNotEmpty();
    }
    assertThat(document.selectFirst("#cost-unknown")).as("the cost-unknown share, stated first").isNotNull();
    // Identifiers are never shown: the example rows carry hashes, not the ids of findings.parquet.
    List<String> ids =
        spark.read().parquet(output.resolve("findings.parquet").toString())
            .where("person_id is not null").select("person_id").distinct().as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(ids).isNotEmpty();
    String text = document.text();
    assertThat(ids).noneMatch(id -> text.contains(id));
    assertThat(document.select("table.samples code")).isNotEmpty().allMatch(e -> e.text().matches("#[0-9a-f]{10}|"));
    assertThat(screenshot).isNotEmptyFile();

    ReportNumbers numbers = ReportNumbers.check(document, output, spark);
    long checked = System.nanoTime();
    System.out.printf(
        "Report in browser: rendered in %d ms, %d traced numbers checked in %d ms%n",
        (rendered - started) / 1_000_000, numbers.traced(), (checked - rendered) / 1_000_000);
    // At least: each input's three counts, and each rule's checked, failed, share failed, warn and
    // fail thresholds.
    int tracedInTemplate = 3 * summary.inputs().size() + 5 * summary.rules().size();
    assertThat(numbers.traced()).isGreaterThanOrEqualTo(tracedInTemplate);
    numbers.assertAllMatch();

    // The same check fails once one whole number on this page is off by one.
    Element changed =
        document.select("[data-table]").stream().filter(e -> e.text().matches("\\d{1,3}")).findFirst().orElseThrow();
    String wrong = String.valueOf(Integer.parseInt(changed.text()) + 1);
    changed.text(wrong);
    assertThat(ReportNumbers.check(document, output, spark).mismatches())
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith("'" + wrong + "' in <" + changed.tagName())
        .contains("does not show the source value");
  }
}

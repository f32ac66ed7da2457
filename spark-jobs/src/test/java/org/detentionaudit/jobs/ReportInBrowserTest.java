package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.report.SummaryJson;
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
    RunSummary summary = SummaryJson.read(Files.readString(output.resolve("summary.json")));
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
    assertThat(document.select("h2[id]").eachAttr("id")).contains("overview", "inputs", "rules");
    assertThat(document.select("#rule-table tr[data-rule]").eachAttr("data-rule"))
        .as("one row per rule of summary.json")
        .containsExactlyElementsOf(summary.rules().stream().map(RuleSummaryRow::ruleId).toList());
    assertThat(screenshot).isNotEmptyFile();

    ReportNumbers numbers = ReportNumbers.check(document, output, spark);
    long checked = System.nanoTime();
    System.out.printf(
        "Report in browser: rendered in %d ms, %d traced numbers checked in %d ms%n",
        (rendered - started) / 1_000_000, numbers.traced(), (checked - rendered) / 1_000_000);
    // Overview totals, each input's three counts, and each rule's checked, failed and share failed.
    int tracedInTemplate = 3 + 3 * summary.inputs().size() + 3 * summary.rules().size();
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

package org.detentionaudit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's library example, compiled and run. The lines between the markers below must appear
 * verbatim (up to indentation) in README.md, so the README cannot drift from code that works.
 */
@ExtendWith(SharedSpark.class)
class ReadmeExampleTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025", "ddp-2025.csv");

  @Test
  void readmeExampleRuns(SparkSession spark) throws IOException {
    Path outputDir = Files.createTempDirectory("readme-example").resolve("audit-out");
    String input = SAMPLE.toString();
    String output = outputDir.toString();

    // README-EXAMPLE-START
    try (AuditResult result = DetentionAudit.on(spark).input(input).run()) {
      Dataset<Row> summary = result.summary(); // one row per rule
      summary.select("rule_id", "status", "records_failed").show(false);
      long failedRecords = result.findings().count(); // one row per (record, failed rule)
      System.out.println(failedRecords + " findings; rows read "
          + result.runSummary().rowsRead());
      result.write(output, false); // optional: Parquet, JSON and HTML outputs
    }
    // README-EXAMPLE-END

    assertThat(outputDir.resolve("summary.json")).exists();
    assertThat(outputDir.resolve("report.html")).exists();
  }

  @Test
  void readmeCompareExampleRuns(SparkSession spark) throws IOException {
    Path work = Files.createTempDirectory("readme-compare");
    String before = work.resolve("audit-2025-02").toString();
    String after = work.resolve("audit-2025-06").toString();
    String compareOutput = work.resolve("compare-out").toString();
    try (AuditResult result = DetentionAudit.on(spark).input(SAMPLE.toString()).run()) {
      result.write(before, false);
    }
    try (AuditResult result = DetentionAudit.on(spark).input(SAMPLE.toString()).run()) {
      result.write(after, false);
    }

    // README-COMPARE-EXAMPLE-START
    ComparisonResult comparison = DetentionAudit.compare(spark, before, after);
    System.out.println(comparison.flagged() + " of " + comparison.rows().size()
        + " compared quantities changed beyond their thresholds");
    comparison.flaggedRows().forEach(row -> System.out.println(row.reason()));
    comparison.write(compareOutput, false); // compare.parquet, compare.json, compare.html
    // README-COMPARE-EXAMPLE-END

    assertThat(comparison.flagged()).isZero();
    assertThat(Path.of(compareOutput, "compare.html")).exists();
  }

  @Test
  void readmeShowsTheExampleVerbatim() throws IOException {
    assertInReadme("README-EXAMPLE");
  }

  @Test
  void readmeShowsTheCompareExampleVerbatim() throws IOException {
    assertInReadme("README-COMPARE-EXAMPLE");
  }

  private static void assertInReadme(String marker) throws IOException {
    List<String> source = Files.readAllLines(Path.of("src/test/java/org/detentionaudit/core/ReadmeExampleTest.java"));
    int start = source.indexOf("    // " + marker + "-START");
    int end = source.indexOf("    // " + marker + "-END");
    String example =
        source.subList(start + 1, end).stream().map(String::strip).collect(Collectors.joining("\n"));
    String readme =
        Files.readAllLines(README).stream().map(String::strip).collect(Collectors.joining("\n"));
    assertThat(readme).contains(example);
  }
}

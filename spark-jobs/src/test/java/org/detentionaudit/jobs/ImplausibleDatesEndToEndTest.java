package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One absurd date (issue 13) must not rewrite the report: the bundled ddp-2025 sample audited as it
 * is, then with one extra placement whose book-out is 9999-12-31, or whose book-in is year 1. The
 * extra record is flagged by {@code placement.implausible_date} and changes neither the extract
 * date, nor {@code status.unknown}, nor the bed-days and cost.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplausibleDatesEndToEndTest {
  private static final Path SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025", "ddp-2025.csv");
  /** A new person (no other row of theirs), released and removed: only its dates are wrong. */
  private static final String PLACEHOLDER_BOOK_OUT =
      "2024-04-04 01:14:00,2024-04-04 01:14:00,COASTAL BEND DET. FACILITY,CBENDTX,9999-12-31 23:59:00,"
          + "9999-12-31 23:59:00,Removed,9999-12-31,Removed,None,Male,Unknown,1984-11-13,1984,"
          + "Not of Hispanic Origin,Unknown,N,,,,,,,,,,,,,,,,,A000000000,1,1,FFFFFFFFFFFF0001";
  private static final String YEAR_ONE_BOOK_IN =
      "0001-01-01 00:00:00,0001-01-01 00:00:00,COASTAL BEND DET. FACILITY,CBENDTX,2024-05-23 12:23:00,"
          + "2024-05-23 12:23:00,Removed,2024-05-23,Removed,None,Male,Unknown,1984-11-13,1984,"
          + "Not of Hispanic Origin,Unknown,N,,,,,,,,,,,,,,,,,A000000000,1,1,FFFFFFFFFFFF0002";

  @TempDir Path dir;
  private RunSummary base;

  @BeforeAll
  void auditTheSampleAsItIs(@TempDir Path baseDir) throws IOException {
    base = AuditRun.of(baseDir.resolve("out"), "--input", SAMPLE.toString()).summary();
  }

  private Path withLine(String name, String line) throws IOException {
    Path file = dir.resolve(name + ".csv");
    String sample = Files.readString(SAMPLE, StandardCharsets.UTF_8);
    Files.writeString(file, sample + (sample.endsWith("\n") ? "" : "\n") + line + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private void assertSetAside(RunSummary run, String detail, SparkSession spark, Path output) {
    assertThat(run.rowsLoaded()).isEqualTo(base.rowsLoaded() + 1);
    assertThat(run.extractDate()).isEqualTo(base.extractDate());
    assertThat(AuditRun.rule(run, "status.unknown").status())
        .isEqualTo(AuditRun.rule(base, "status.unknown").status());
    assertThat(AuditRun.rule(run, "status.unknown").recordsFailed())
        .isEqualTo(AuditRun.rule(base, "status.unknown").recordsFailed());
    assertThat(AuditRun.rule(base, "placement.implausible_date").recordsFailed()).isZero();
    assertThat(AuditRun.rule(run, "placement.implausible_date").recordsFailed()).isEqualTo(1);
    assertThat(AuditRun.rule(run, "placement.implausible_date").status()).isEqualTo("WARN");
    List<Row> findings =
        spark.read().parquet(output.resolve("findings.parquet").toString())
            .where("rule_id = 'placement.implausible_date'")
            .collectAsList();
    assertThat(findings).singleElement().satisfies(f ->
        assertThat(f.<String>getAs("detail")).contains(detail));
    assertThat(run.cost().bedDays()).isEqualTo(base.cost().bedDays());
    assertThat(run.cost().estimatedCost()).isEqualTo(base.cost().estimatedCost());
    assertThat(run.cost().recordsLengthUnknown()).isEqualTo(base.cost().recordsLengthUnknown() + 1);
    assertThat(run.dataset().placementLengths().unknown())
        .isEqualTo(base.dataset().placementLengths().unknown() + 1);
    assertThat(run.dataset().placementLengths().open()).isEqualTo(base.dataset().placementLengths().open());
    assertThat(run.dataset().placementLengths().maxDays()).isEqualTo(base.dataset().placementLengths().maxDays());
    assertThat(run.dataset().firstBookIn()).isEqualTo(base.dataset().firstBookIn());
    assertThat(run.dataset().implausibleTimestamps()).isEqualTo(1);
    assertThat(base.dataset().implausibleTimestamps()).isZero();
  }

  @Test
  void aBookOutOn9999IsFlaggedAndChangesNoFigure(SparkSession spark) throws IOException {
    Path output = dir.resolve("out-9999");
    RunSummary run =
        AuditRun.of(output, "--input", withLine("placeholder-book-out", PLACEHOLDER_BOOK_OUT).toString()).summary();
    assertSetAside(run, "book_out 9999-12-31 23:59:00 is after the run date ", spark, output);
    assertThat(output.resolve("report.html")).content()
        .contains("id=\"implausible-dates\"")
        .contains("placement.implausible_date");
  }

  @Test
  void aBookInInYearOneIsFlaggedAndChangesNoFigure(SparkSession spark) throws IOException {
    Path output = dir.resolve("out-0001");
    RunSummary run =
        AuditRun.of(output, "--input", withLine("year-one-book-in", YEAR_ONE_BOOK_IN).toString()).summary();
    assertSetAside(run, "book_in 0001-01-01 00:00:00 is before 1950-01-01", spark, output);
  }
}

package org.detentionaudit.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.ExtractDate;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.report.SummaryJson;
import org.detentionaudit.core.testing.BookInWorkbook;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real-style ICE workbook (Summary sheet with arrests, book-ins and removals blocks; a Book Ins
 * sheet in the initial book-in layout; Footnotes) set beside its own Summary totals.
 */
@ExtendWith(SharedSpark.class)
class WorkbookSummaryReconciliationTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  /** 27 records over FY2012 - FY2019, with book-ins on both sides of fiscal-year boundaries. */
  static BookInWorkbook records(int fy2015Records) {
    BookInWorkbook workbook =
        new BookInWorkbook()
            .records(LocalDate.of(2012, 1, 3), 3)
            .records(LocalDate.of(2012, 9, 30), 2) // FY2012: 5
            .records(LocalDate.of(2012, 10, 1), 2)
            .records(LocalDate.of(2013, 5, 15), 2) // FY2013: 4
            .records(LocalDate.of(2014, 2, 1), 3) // FY2014: 3
            .records(LocalDate.of(2014, 10, 10), fy2015Records - 2)
            .records(LocalDate.of(2015, 9, 29), 2) // FY2015: fy2015Records
            .records(LocalDate.of(2016, 1, 1), 2) // FY2016: 2
            .records(LocalDate.of(2017, 3, 3), 1) // FY2017: 1
            .records(LocalDate.of(2018, 8, 8), 3) // FY2018: 3
            .records(LocalDate.of(2018, 10, 1), 2)
            .records(LocalDate.of(2019, 7, 6), 1); // FY2019 YTD: 3, the last on the window's last day
    return workbook;
  }

  private Path write(AuditResult result) {
    Path out = dir.resolve("out");
    result.write(out.toString(), true);
    return out;
  }

  private List<Row> reconciliationRows(Path out) {
    return spark.read().parquet(out.resolve("reconciliation.parquet").toString()).orderBy("fiscal_year").collectAsList();
  }

  @Test
  void recordsThatAgreeWithTheSummaryShowDifferenceZeroEveryFiscalYear() throws IOException {
    BookInWorkbook workbook = records(6);
    Map<Integer, Long> byYear = workbook.recordsByFiscalYear();
    assertThat(byYear).containsExactly(
        Map.entry(2012, 5L), Map.entry(2013, 4L), Map.entry(2014, 3L), Map.entry(2015, 6L),
        Map.entry(2016, 2L), Map.entry(2017, 1L), Map.entry(2018, 3L), Map.entry(2019, 3L));
    Path file = workbook.write(dir.resolve("seattle.xlsx"), byYear);

    try (AuditResult result = DetentionAudit.on(spark).input(file.toString()).run()) {
      Path out = write(result);
      List<Row> rows = reconciliationRows(out);

      assertThat(rows).hasSize(8);
      for (Row row : rows) {
        assertThat(row.<String>getAs("source")).isEqualTo(file + "#Book Ins");
        assertThat(row.<String>getAs("table")).isEqualTo(BookInWorkbook.BOOK_INS_TITLE);
        assertThat(row.<String>getAs("measure")).isEqualTo("book_ins");
        assertThat(row.<String>getAs("status")).isEqualTo("COMPARED");
        assertThat(row.<Double>getAs("published")).isEqualTo(byYear.get(row.<Integer>getAs("fiscal_year")).doubleValue());
        assertThat(row.<Double>getAs("difference")).as("FY%s", row.<Integer>getAs("fiscal_year")).isZero();
        assertThat(row.<Double>getAs("relative_difference")).isZero();
      }
      assertThat(rows.get(7).<String>getAs("reason")).startsWith("FY2019 YTD: part of the fiscal year, to the end of the release window 2019-07-06");

      RunSummary summary = SummaryJson.read(Files.readString(out.resolve("summary.json")));
      ReconciliationSummary reconciliation = summary.reconciliation();
      assertThat(reconciliation.rows()).isEqualTo(8);
      assertThat(reconciliation.compared()).isEqualTo(8);
      assertThat(reconciliation.differing()).isZero();
      assertThat(reconciliation.sources()).singleElement().satisfies(source -> {
        assertThat(source.kind()).isEqualTo("workbook summary");
        assertThat(source.matched()).isTrue();
        assertThat(source.column()).isEqualTo("Total");
        assertThat(source.windowFrom()).isEqualTo("2012-01-01");
        assertThat(source.windowTo()).isEqualTo("2019-07-06");
      });
      String report = Files.readString(out.resolve("report.html"));
      assertThat(report).contains("Does it add up to ICE's own totals?").contains("ICE Initial Book Ins");
    }
  }

  @Test
  void removingRecordsFromOneYearShowsTheExactDifferenceThere() {
    Map<Integer, Long> published = records(6).recordsByFiscalYear();
    // The same workbook with 2 of FY2015's 6 records missing, against the totals of all 6.
    Path file;
    try {
      file = records(4).write(dir.resolve("seattle-missing.xlsx"), published);
    } catch (IOException e) {
      throw new AssertionError(e);
    }

    try (AuditResult result = DetentionAudit.on(spark).input(file.toString()).run()) {
      Map<Integer, Double> differences = new TreeMap<>();
      for (ReconciliationRow row : result.reconciliationResult().rows()) {
        differences.put(row.fiscalYear(), row.difference());
      }
      assertThat(differences)
          .containsExactly(
              Map.entry(2012, 0.0), Map.entry(2013, 0.0), Map.entry(2014, 0.0), Map.entry(2015, -2.0),
              Map.entry(2016, 0.0), Map.entry(2017, 0.0), Map.entry(2018, 0.0), Map.entry(2019, 0.0));
      ReconciliationRow fy2015 =
          result.reconciliationResult().rows().stream().filter(r -> r.fiscalYear() == 2015).findFirst().orElseThrow();
      assertThat(fy2015.published()).isEqualTo(6.0);
      assertThat(fy2015.computed()).isEqualTo(4.0);
      assertThat(fy2015.relativeDifference()).isEqualTo(-2.0 / 6);
      assertThat(result.runSummary().reconciliation().differing()).isEqualTo(1);
    }
  }

  @Test
  void theReleaseWindowGivesTheExtractDateAndTheWindowStart() throws IOException {
    // One record far before the window: stay.implausibly_early can judge it only with a window start.
    BookInWorkbook workbook = records(6).records(LocalDate.of(2001, 1, 5), 1);
    Path file = workbook.write(dir.resolve("seattle-early.xlsx"), records(6).recordsByFiscalYear());

    try (AuditResult result = DetentionAudit.on(spark).input(file.toString()).run()) {
      RunSummary summary = result.runSummary();
      assertThat(summary.extractDateOrigin()).isEqualTo(ExtractDate.WORKBOOK_SUMMARY).isEqualTo("workbook summary");
      assertThat(summary.extractDate()).isEqualTo("2019-07-06T23:59:59");
      RuleSummaryRow early = rule(summary, "stay.implausibly_early");
      assertThat(early.status()).isNotEqualTo("NOT_APPLICABLE");
      assertThat(early.recordsFailed()).as("2001-01-05 is over 10 years before 2012-01-01").isEqualTo(1);
      // The record on the window's last day is not after the extract date.
      assertThat(rule(summary, "placement.after_extract").recordsFailed()).isZero();
      // The early record's fiscal year has no row in the block: the records' count is shown alone.
      ReconciliationRow fy2001 =
          result.reconciliationResult().rows().stream()
              .filter(r -> Integer.valueOf(2001).equals(r.fiscalYear()))
              .findFirst()
              .orElseThrow();
      assertThat(fy2001.status()).isEqualTo("NOT_PUBLISHED");
      assertThat(fy2001.published()).isNull();
      assertThat(fy2001.computed()).isEqualTo(1.0);
    }
  }

  @Test
  void aGivenExtractDateWins() throws IOException {
    Path file = records(6).write(dir.resolve("seattle-given.xlsx"), records(6).recordsByFiscalYear());
    try (AuditResult result =
        DetentionAudit.on(spark).input(file.toString()).extractDate(LocalDate.of(2020, 1, 1).atStartOfDay()).run()) {
      assertThat(result.runSummary().extractDateOrigin()).isEqualTo(ExtractDate.GIVEN);
    }
  }

  @Test
  void whenNoBlockMatchesTheSummaryJsonAndReportSaySoAndWhy() throws IOException {
    Path file =
        records(6).withoutBookInBlock().write(dir.resolve("seattle-no-block.xlsx"), Map.of());

    try (AuditResult result = DetentionAudit.on(spark).input(file.toString()).run()) {
      Path out = write(result);
      assertThat(reconciliationRows(out)).isEmpty();
      RunSummary summary = SummaryJson.read(Files.readString(out.resolve("summary.json")));
      assertThat(summary.reconciliation().sources()).singleElement().satisfies(source -> {
        assertThat(source.source()).isEqualTo(file + "#Book Ins");
        assertThat(source.matched()).isFalse();
        assertThat(source.table()).isNull();
        assertThat(source.reason())
            .contains("no block of sheet 'Summary' matches")
            .contains("no block title holds every word of the sheet name 'Book Ins'")
            .contains("ICE Administrative Arrests");
      });
      // Every block states the same window: it still dates the extract.
      assertThat(summary.extractDateOrigin()).isEqualTo("workbook summary");
      assertThat(Files.readString(out.resolve("report.html")))
          .contains("No published totals found for this sheet: no block of sheet &#39;Summary&#39; matches");
    }
  }

  @Test
  void withoutASummarySheetThereIsNothingToReconcile() throws IOException {
    Path csv = dir.resolve("book-ins.csv");
    Files.writeString(csv, String.join(",", BookInWorkbook.HEADER) + "\n1/3/2012,NORTHWEST DET. CENTER,1/1/1980,Male,MEXICO,,\n");
    try (AuditResult result = DetentionAudit.on(spark).input(csv.toString()).run()) {
      assertThat(result.reconciliationResult().rows()).isEmpty();
      assertThat(result.runSummary().reconciliation().sources()).isEmpty();
      assertThat(result.runSummary().extractDateOrigin()).isEqualTo(ExtractDate.INFERRED);
    }
  }

  static RuleSummaryRow rule(RunSummary summary, String id) {
    return summary.rules().stream().filter(r -> r.ruleId().equals(id)).findFirst().orElseThrow();
  }
}

package org.detentionaudit.jobs;

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
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.BookInWorkbook;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.core.testing.TestWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command on a real-style ICE workbook (a Summary sheet with arrests, book-ins and
 * removals blocks, an initial book-in table without book-outs under a merged title, Footnotes):
 * it exits 0, loads every row, and {@code reconciliation.parquet} shows difference 0 for every
 * fiscal year where the records agree with the Summary sheet and the true difference where not.
 */
@ExtendWith(SharedSpark.class)
class ReconciliationEndToEndTest {
  @TempDir Path dir;

  private static BookInWorkbook records(int fy2014Records) {
    return new BookInWorkbook()
        .records(LocalDate.of(2012, 2, 1), 4) // FY2012: 4
        .records(LocalDate.of(2013, 9, 30), 3) // FY2013: 3
        .records(LocalDate.of(2013, 10, 1), fy2014Records) // FY2014
        .records(LocalDate.of(2019, 7, 6), 2); // FY2019 YTD: 2
  }

  @Test
  void theCommandOnARealStyleWorkbookReconcilesEveryFiscalYear(SparkSession spark) throws IOException {
    Map<Integer, Long> published = records(5).recordsByFiscalYear();
    // 3 of FY2014's 5 records are missing from the table the Summary sheet counts.
    Path workbook = records(2).write(dir.resolve("seattle-book-ins.xlsx"), published);
    // As the real ERO-LESA workbook: a styles part that deflates more than 100:1, which POI's
    // default guard refuses.
    TestWorkbooks.bloatStyles(workbook, 30_000);
    assertThat(TestWorkbooks.inflateRatio(workbook, TestWorkbooks.STYLES)).isLessThan(0.01);
    Path out = dir.resolve("audit-out");

    AuditRun run = AuditRun.of(out, "--input", workbook.toString());

    RunSummary summary = run.summary();
    assertThat(summary.rowsLoaded()).isEqualTo(4 + 3 + 2 + 2);
    assertThat(summary.rowsRead()).isEqualTo(summary.rowsLoaded());
    // No book-out column: no open placements, no lengths, no bed-days, each said so with its reason.
    assertThat(summary.dataset().openPlacements()).isNull();
    assertThat(summary.dataset().placementLengths()).isNull();
    assertThat(summary.cost().bedDays()).isNull();
    assertThat(summary.measures())
        .filteredOn(m -> List.of("dataset.open_placements", "dataset.placement_lengths", "cost.bed_days")
            .contains(m.measure()))
        .hasSize(3)
        .allSatisfy(m -> {
          assertThat(m.status()).isEqualTo("NOT_APPLICABLE");
          assertThat(m.missingFields()).containsExactly("book_out");
        });
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("What this file cannot tell")
        .contains("How long placements lasted (lengths, median, longest, by length): the file has no book_out column.");
    assertThat(summary.extractDate()).isEqualTo("2019-07-06T23:59:59");
    assertThat(summary.extractDateOrigin()).isEqualTo("workbook summary");
    Map<Integer, Double> differences = new TreeMap<>();
    List<Row> rows = spark.read().parquet(out.resolve("reconciliation.parquet").toString()).collectAsList();
    for (Row row : rows) {
      assertThat(row.<String>getAs("source")).isEqualTo(workbook + "#Book Ins");
      differences.put(row.getAs("fiscal_year"), row.getAs("difference"));
    }
    assertThat(differences)
        .containsExactly(Map.entry(2012, 0.0), Map.entry(2013, 0.0), Map.entry(2014, -3.0), Map.entry(2019, 0.0));
    assertThat(summary.reconciliation().differing()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("report.html"))).contains("Does it add up to ICE's own totals?");
  }

  @Test
  void publishedTotalsAreComparedAndABadFileIsRefusedBeforeAnyDataIsRead(SparkSession spark) throws IOException {
    Path workbook = records(5).write(dir.resolve("seattle.xlsx"), records(5).recordsByFiscalYear());
    Path good = Files.writeString(dir.resolve("published.csv"), "fiscal_year,measure,value\nFY2014,book_ins,\"1,005\"\n");
    Path out = dir.resolve("out");

    AuditRun.of(out, "--input", workbook.toString(), "--published", good.toString());
    Row row =
        spark.read().parquet(out.resolve("reconciliation.parquet").toString())
            .where("source = '" + good + "'").first();
    assertThat(row.<Double>getAs("published")).isEqualTo(1005.0);
    assertThat(row.<Double>getAs("computed")).isEqualTo(5.0);
    assertThat(row.<Double>getAs("difference")).isEqualTo(-1000.0);

    Path bad = Files.writeString(dir.resolve("bad.csv"), "fiscal_year,measure,value\nFY2014,detainees,5\n");
    CommandRun refused =
        CommandRun.of("audit", "--input", workbook.toString(), "--published", bad.toString(), "--output",
            dir.resolve("never").toString());
    assertThat(refused.status()).as(refused.err()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(refused.err())
        .contains("Cannot read published totals '" + bad + "'")
        .contains("data row 1 has measure 'detainees'")
        .contains("Use one of");
    assertThat(dir.resolve("never")).doesNotExist();
  }
}

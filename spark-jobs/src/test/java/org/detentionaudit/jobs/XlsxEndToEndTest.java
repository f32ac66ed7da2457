package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.core.testing.TestWorkbooks;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.detentionaudit.sample.write.OutputSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a generated ICE-style workbook: the table split across three data sheets
 * (each under ICE's preamble), then Summary and Footnotes sheets. The workbook gives exactly the
 * manifest's counts, and every finding points at the right sheet row.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsxEndToEndTest {
  private static final int PLACEMENTS = 4000;
  private static final int ROWS_PER_SHEET = 1500;

  private Path dir;
  private Path data;
  private Manifest manifest;

  @BeforeAll
  void generate(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    data = dir.resolve("data");
    manifest =
        SampleGenerator.builder()
            .defects(DefectProfile.HEAVY)
            .seed(20260327L)
            .placements(PLACEMENTS)
            .xlsxRowsPerSheet(ROWS_PER_SHEET)
            .build()
            .write(data, List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.XLSX), OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV)));
  }

  @Test
  void theManifestSaysHowRowsMapToSheets() {
    Manifest.FileEntry workbook = manifest.files().get(0);
    assertThat(workbook.format()).isEqualTo("xlsx");
    assertThat(workbook.sheets())
        .containsExactly(
            new Manifest.SheetEntry("Placements 1", 1, 1500),
            new Manifest.SheetEntry("Placements 2", 1501, 1500),
            new Manifest.SheetEntry("Placements 3", 3001, 1000));
    assertThat(manifest.files().get(1).sheets()).isNull();
  }

  @Test
  void everyRuleMatchesTheManifestAndFindingsPointAtSheetRows(SparkSession spark) throws IOException {
    Path workbook = data.resolve("ddp-2025.xlsx");
    RunSummary summary = audit("xlsx", "--input", workbook.toString());
    assertThat(summary.inputs()).singleElement().satisfies(input -> {
      assertThat(input.path()).isEqualTo(workbook.toString());
      assertThat(input.format()).isEqualTo("xlsx");
      assertThat(input.layout()).isEqualTo("ddp-2025");
      assertThat(input.rowsRead()).isEqualTo(manifest.placements());
      assertThat(input.rowsLoaded()).isEqualTo(manifest.placements());
      assertThat(input.rowsQuarantined()).isZero();
    });
    assertThat(summary.extractDate()).isEqualTo(manifest.extractDate());
    ManifestAssertions.assertRulesMatch(summary, manifest, "ddp-2025.xlsx");
    // The generator's Summary sheet (one untitled block, placements per fiscal year) agrees with
    // the three stacked sheets in every fiscal year.
    assertThat(summary.reconciliation().sources()).singleElement().satisfies(source -> {
      assertThat(source.matched()).isTrue();
      assertThat(source.source())
          .isEqualTo(workbook + "#Placements 1 + " + workbook + "#Placements 2 + " + workbook + "#Placements 3");
    });
    assertThat(summary.reconciliation().compared()).isPositive();
    assertThat(summary.reconciliation().differing()).isZero();

    // The CSV holds the same rows in the same order, one line each: its source_row k is the
    // workbook's row k, found on the sheet the manifest names, at k - first_row + 1.
    audit("csv", "--input", data.resolve("ddp-2025.csv").toString());
    List<String> fromCsv = new ArrayList<>();
    for (Row r : findings(spark, "csv")) {
      long k = r.getAs("source_row");
      Manifest.SheetEntry sheet =
          manifest.files().get(0).sheets().stream()
              .filter(s -> k >= s.firstRow() && k < s.firstRow() + s.rows())
              .findFirst()
              .orElseThrow();
      fromCsv.add(r.getAs("rule_id") + " " + workbook + "#" + sheet.name() + " " + (k - sheet.firstRow() + 1));
    }
    List<String> fromWorkbook = new ArrayList<>();
    for (Row r : findings(spark, "xlsx")) {
      fromWorkbook.add(r.getAs("rule_id") + " " + r.getAs("source_file") + " " + r.getAs("source_row"));
    }
    assertThat(fromWorkbook).hasSize(fromCsv.size()).containsExactlyInAnyOrderElementsOf(fromCsv);
    assertThat(fromWorkbook).anyMatch(f -> f.contains("#Placements 3 "));
  }

  @Test
  void sheetChoosesOneDataSheet() throws IOException {
    RunSummary summary =
        audit("sheet", "--input", data.resolve("ddp-2025.xlsx").toString(), "--sheet", "Placements 2");
    assertThat(summary.rowsRead()).isEqualTo(ROWS_PER_SHEET);
    assertThat(summary.rowsQuarantined()).isZero();
  }

  @Test
  void aSheetThatDoesNotExistIsAnInputErrorListingTheSheets() {
    Path output = dir.resolve("out-missing-sheet");
    CommandRun run =
        CommandRun.of("audit", "--input", data.resolve("ddp-2025.xlsx").toString(), "--output", output.toString(), "--sheet", "Detentions");
    assertThat(run.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err())
        .contains("Cannot read sheet 'Detentions' of workbook")
        .contains("['Placements 1', 'Placements 2', 'Placements 3', 'Summary', 'Footnotes']")
        .doesNotContain("\tat ");
    assertThat(output).doesNotExist();
  }

  @Test
  void anAgencyWorkbookWithABloatedStylesPartIsAuditedWhole(SparkSession spark) throws IOException {
    // As ICE's statistical unit ships them: Summary, a preamble with a merged title, the book-in
    // table with text dates, Footnotes, calcPr fullCalcOnLoad, and a style part of megabytes that
    // deflates past POI's default zip-bomb guard (which refused the real workbook).
    List<TestWorkbooks.BookIn> bookIns = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      bookIns.add(
          new TestWorkbooks.BookIn(
              LocalDate.of(2017, 10, 1).plusDays(i), i % 3 == 0 ? "SEATTLE FIELD OFFICE HOLD ROOM" : "NORTHWEST DETENTION CENTER"));
    }
    Path workbook =
        TestWorkbooks.agencyBookIns(dir.resolve("ero-lesa.xlsx"), bookIns, Map.of("FY2018", 365L, "FY2019 YTD", 135L));
    assertThat(TestWorkbooks.inflateRatio(workbook, TestWorkbooks.STYLES)).isLessThan(0.01);

    RunSummary summary = audit("agency", "--input", workbook.toString());

    assertThat(summary.inputs()).singleElement().satisfies(input -> {
      assertThat(input.format()).isEqualTo("xlsx");
      assertThat(input.layout()).isEqualTo("ice-initial-book-ins");
      assertThat(input.rowsRead()).isEqualTo(500);
      assertThat(input.rowsLoaded()).isEqualTo(500);
      assertThat(input.rowsQuarantined()).isZero();
    });
    List<Row> profile = spark.read().parquet(dir.resolve("out-agency").resolve("profile.parquet").toString()).collectAsList();
    assertThat(profile).extracting(r -> r.getString(1)).containsExactlyElementsOf(TestWorkbooks.BOOK_IN_HEADER);
    for (Row column : profile) {
      assertThat(column.<Long>getAs("non_null") + column.<Long>getAs("nulls") + column.<Long>getAs("redacted") + column.<Long>getAs("errors"))
          .as(column.getString(1))
          .isEqualTo(500L);
    }
  }

  private List<Row> findings(SparkSession spark, String name) {
    return spark.read().parquet(dir.resolve("out-" + name).resolve("findings.parquet").toString()).collectAsList();
  }

  private RunSummary audit(String name, String... inputArgs) throws IOException {
    return AuditRun.of(dir.resolve("out-" + name), inputArgs).summary();
  }
}

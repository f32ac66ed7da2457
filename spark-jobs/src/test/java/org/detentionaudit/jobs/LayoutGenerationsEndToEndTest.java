package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.measure.MeasureStatus;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Measure;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layout generation of docs/formats-and-layouts.md, generated from the same records and audited by the command
 * line with layout detection: the detected layout, every row accounted, every applicable rule's
 * counts equal to the manifest's per-file expectation (values as that layout writes them), and
 * NOT_APPLICABLE exactly for the rules reading a field the layout lacks.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutGenerationsEndToEndTest {
  private static final List<OutputSpec> FILES =
      List.of(
          OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV),
          OutputSpec.of(Layout.DDP_2026_03, OutputFormat.CSV),
          OutputSpec.of(Layout.UWCHR_2012_2024, OutputFormat.CSV),
          OutputSpec.of(Layout.ICE_2012_2023, OutputFormat.CSV),
          OutputSpec.of(Layout.ICE_2012_2023, OutputFormat.PARQUET),
          OutputSpec.of(Layout.TRAC_2001_2009, OutputFormat.PIPE),
          OutputSpec.of(Layout.TRAC_2001_2009, OutputFormat.PARQUET),
          OutputSpec.of(Layout.ICE_2010_EXTRACT, OutputFormat.CSV),
          OutputSpec.of(Layout.ICE_HISTORY_2010_2014, OutputFormat.TSV),
          OutputSpec.of(Layout.ICE_INITIAL_BOOK_INS, OutputFormat.CSV_GZIP));

  private Path dir;
  private Path data;
  private Manifest manifest;

  @BeforeAll
  void generate(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    data = dir.resolve("data");
    manifest = SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(20261127L).placements(3000).build().write(data, FILES);
  }

  Stream<Arguments> files() {
    return FILES.stream().map(f -> Arguments.of(f.relativePath(), f.layout().id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void eachLayoutIsDetectedAndJudgedOnWhatItCarries(String file, String layout, SparkSession spark)
      throws IOException {
    RunSummary summary = audit(file, "out-" + file);
    assertMeasuresAsTheLayoutAllows(summary, layout, dir.resolve("out-" + file), spark);
    assertThat(summary.inputs()).singleElement().satisfies(input -> {
      assertThat(input.layout()).isEqualTo(layout);
      assertThat(input.rowsRead()).isEqualTo(manifest.placements());
      assertThat(input.rowsLoaded() + input.rowsQuarantined()).isEqualTo(input.rowsRead());
      assertThat(input.rowsQuarantined()).isZero();
    });
    assertThat(summary.extractDate()).isEqualTo(manifest.extractDate());
    int judged = ManifestAssertions.assertRulesMatch(summary, manifest, file);
    assertThat(judged).as(file + " judges at least one rule").isPositive();
  }

  /**
   * The measure x layout table (README "What each layout can tell") end to end: summary.json lists
   * each measure's status, and each value is null exactly where the layout cannot give it.
   */
  private static void assertMeasuresAsTheLayoutAllows(
      RunSummary summary, String layout, Path output, SparkSession spark) {
    Set<CanonicalField> fields =
        LayoutCatalog.builtIn().find(layout).orElseThrow().fieldAliases().keySet();
    assertThat(summary.measures()).isEqualTo(MeasureStatus.of(fields));
    List<Row> breakdown = spark.read().parquet(output.resolve("breakdown.parquet").toString()).collectAsList();
    List<Row> facilities = spark.read().parquet(output.resolve("facilities.parquet").toString()).collectAsList();
    for (MeasureStatus m : summary.measures()) {
      Measure measure =
          Stream.of(Measure.values()).filter(x -> x.id().equals(m.measure())).findFirst().orElseThrow();
      List<Object> values =
          switch (measure) {
            case PEOPLE -> Collections.singletonList(summary.dataset().people());
            case STAYS -> Collections.singletonList(summary.dataset().stays());
            case BOOK_IN_RANGE -> Arrays.asList(summary.dataset().firstBookIn(), summary.dataset().lastBookIn());
            case OPEN_PLACEMENTS -> Collections.singletonList(summary.dataset().openPlacements());
            case DIED_ESCAPED -> Arrays.asList(summary.dataset().died(), summary.dataset().escaped());
            case PLACEMENT_LENGTHS -> Collections.singletonList(summary.dataset().placementLengths());
            case STAY_LENGTHS -> Collections.singletonList(summary.dataset().stayLengths());
            case FACILITIES -> Collections.singletonList(summary.facilities());
            case FISCAL_YEARS ->
                breakdown.stream()
                    .<Object>map(r -> r.<String>getAs("missing_fields").contains("book_in") ? null : "")
                    .distinct()
                    .toList();
            case BED_DAYS -> {
              List<Object> all = new java.util.ArrayList<>();
              all.add(summary.cost().bedDays());
              facilities.forEach(r -> all.add(r.getAs("bed_days")));
              yield all;
            }
            case ESTIMATED_COST -> Collections.singletonList(summary.cost().estimatedCost());
          };
      if (m.computed()) {
        assertThat(values).as(layout + " " + m.measure()).doesNotContainNull();
      } else {
        assertThat(values).as(layout + " " + m.measure()).containsOnlyNulls();
      }
    }
  }

  /**
   * An initial book-in table (no book-out): the report says what cannot be known instead of
   * stating open placements, lengths or bed-days; facilities.parquet has records but no bed-days.
   */
  @Test
  void aTableWithoutBookOutsStatesNoOpenPlacementsNoLengthsNoBedDays(SparkSession spark) throws IOException {
    RunSummary summary = audit("ice-initial-book-ins.csv.gz", "out-book-ins-measures");
    Path out = dir.resolve("out-book-ins-measures");
    assertThat(summary.cost().status()).isEqualTo("NOT_APPLICABLE");
    assertThat(summary.cost().missingFields()).containsExactly("book_out");
    assertThat(summary.dataset().openPlacements()).isNull();
    assertThat(summary.dataset().records()).isEqualTo(manifest.placements());
    String json = Files.readString(out.resolve("summary.json"));
    assertThat(json).contains("\"open_placements\" : null", "\"bed_days\" : null");
    List<Row> facilities = spark.read().parquet(out.resolve("facilities.parquet").toString()).collectAsList();
    assertThat(facilities).isNotEmpty();
    assertThat(facilities.stream().mapToLong(r -> r.<Long>getAs("records")).sum()).isEqualTo(manifest.placements());
    assertThat(facilities).allSatisfy(r -> {
      assertThat(r.<Object>getAs("bed_days")).isNull();
      assertThat(r.<Object>getAs("estimated_cost")).isNull();
      assertThat(r.<String>getAs("cost_status")).isEqualTo("not_applicable");
      assertThat(r.<String>getAs("missing_fields")).isEqualTo("book_out");
    });
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report)
        .contains("What this file cannot tell")
        .contains("How many placements were still open (people still held, or the end never recorded): the file has no book_out column.")
        .contains("not computable: the file has no book_out column")
        .doesNotContain("id=\"cost-unknown\"")
        .doesNotContain("chart-bed-days-by-year");
  }

  @Test
  void layoutsWithoutPersonIdsLeaveOnlyTheirColumnRules() throws IOException {
    RunSummary bookIns = audit("ice-initial-book-ins.csv.gz", "out-book-ins-again");
    assertThat(bookIns.rules().stream().filter(r -> !r.status().equals("NOT_APPLICABLE")).map(RuleSummaryRow::ruleId))
        .containsExactly(
            "placement.missing_book_in", "facility.unknown_code", "placement.after_extract",
            "placement.implausible_date");
    assertThat(find(bookIns, "facility.missing_code").missingFields()).isEqualTo("facility_code");
    // names count as the facility key: judged by name; the hold-room rule needs a book-out
    assertThat(find(bookIns, "facility.unknown_code").recordsChecked()).isPositive();
    assertThat(find(bookIns, "placement.hold_room_over_72h").missingFields()).isEqualTo("book_out");
    assertThat(bookIns.facilities().keyedBy()).isEqualTo("facility_name");
    assertThat(bookIns.facilities().notInReference())
        .as("only the generator's renamed names (ANNEX appended) are unknown")
        .isLessThan(bookIns.facilities().seen() / 10);
    RunSummary extract2010 = audit("ice-2010-extract.csv", "out-2010-again");
    assertThat(extract2010.rules().stream().filter(r -> !r.status().equals("NOT_APPLICABLE")).map(RuleSummaryRow::ruleId))
        .containsExactlyInAnyOrder("facility.missing_code", "placement.missing_book_in",
            "placement.negative_length", "placement.zero_length",
            "placement.booked_out_without_reason", "placement.reason_without_book_out",
            "placement.unknown_release_reason", "facility.unknown_code",
            "facility.code_several_names", "facility.name_several_codes", "placement.after_extract",
            "placement.implausible_date", "placement.hold_room_over_72h");
  }

  @Test
  void userLayoutFileAddsALayoutThatCanBeForced() throws IOException {
    Path yaml =
        Files.writeString(
            dir.resolve("seattle-book-ins.yaml"),
            String.join(
                "\n",
                "name: seattle-book-ins",
                "description: Seattle AOR initial book-ins, as one FOIA response names them",
                "max_preamble_lines: 6",
                "date_formats: ['M/d/yyyy']",
                "fields:",
                "  book_in: [Book In Date]",
                "  facility_name: [Detention Facility]",
                "other_columns: [Date of Birth, Gender, Country of Citizenship, Apprehension Method,"
                    + " Most Serious Conviction]",
                ""));
    Path output = dir.resolve("out-user-layout");
    CommandRun run =
        CommandRun.of("audit", "--input", data.resolve("ice-initial-book-ins.csv.gz").toString(),
            "--layout-file", yaml.toString(), "--layout", "seattle-book-ins",
            "--output", output.toString());
    assertThat(run.status()).as(run.err()).isZero();
    RunSummary summary = AuditRun.summaryOf(output);
    assertThat(summary.inputs().get(0).layout()).isEqualTo("seattle-book-ins");
    assertThat(find(summary, "placement.missing_book_in").recordsFailed())
        .isEqualTo(manifest.expected("ice-initial-book-ins.csv.gz", "placement.missing_book_in").recordsFailed());
  }

  @Test
  void forcingANewBuiltInLayoutByNameWorksAndAnUnknownNameListsThem() throws IOException {
    Path output = dir.resolve("out-forced-history");
    CommandRun run =
        CommandRun.of("audit", "--input", data.resolve("ice-history-2010-2014.tsv").toString(),
            "--layout", "ice-history-2010-2014", "--output", output.toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(AuditRun.summaryOf(output).inputs().get(0).layout())
        .isEqualTo("ice-history-2010-2014");

    CommandRun unknown =
        CommandRun.of("audit", "--input", data.resolve("ice-history-2010-2014.tsv").toString(),
            "--layout", "history", "--output", dir.resolve("out-unknown").toString());
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("Cannot use layout 'history'").contains("ice-history-2010-2014")
        .contains("trac-2001-2009").contains("ice-initial-book-ins");
    assertThat(dir.resolve("out-unknown")).doesNotExist();
  }

  @Test
  void badLayoutFileIsAUsageError() throws IOException {
    Path yaml = Files.writeString(dir.resolve("bad-layout.yaml"), "name: bad\nmax_preamble_lines: 2\n");
    CommandRun run =
        CommandRun.of("audit", "--input", data.resolve("ddp-2025.csv").toString(),
            "--layout-file", yaml.toString(), "--output", dir.resolve("out-bad-layout").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("Cannot read layout file '" + yaml + "'");
  }

  private RunSummary audit(String file, String outputName) throws IOException {
    return AuditRun.of(dir.resolve(outputName), "--input", data.resolve(file).toString()).summary();
  }

  private static RuleSummaryRow find(RunSummary summary, String ruleId) {
    return AuditRun.rule(summary, ruleId);
  }
}

package org.detentionaudit.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.testing.BookInWorkbook;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --published} for each of the four measures, on four placements whose figures are worked
 * out by hand below, and NOT_APPLICABLE where the layout cannot give a measure.
 *
 * <pre>
 * person stay          placement  facility  book-in            book-out           (stay book-out)
 * A      2019-09-28 10 P1         F1        2019-09-28 10:00   2019-10-02 09:00
 * A      2019-09-28 10 P2         F2        2019-10-02 12:00   2019-10-12 12:00   2019-10-12 12:00
 * B      2019-10-05 00 P3         F1        2019-10-05 00:00   2019-10-06 00:00   2019-10-06 00:00
 * C      2020-03-01 08 P4         F2        2020-03-01 08:00   (open)
 * extract date given: 2020-03-11 00:00
 * </pre>
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedMeasuresTest {
  private static final String LAYOUT =
      """
      name: test-placements
      max_preamble_lines: 0
      date_formats: ["yyyy-MM-dd HH:mm"]
      fields:
        person_id: [Person]
        stay_book_in: [Stay Book In]
        book_in: [Book In]
        book_out: [Book Out]
        stay_book_out: [Stay Book Out]
        facility_code: [Facility Code]
        facility_name: [Facility Name]
      """;
  private static final String PLACEMENTS =
      """
      Person,Stay Book In,Book In,Book Out,Stay Book Out,Facility Code,Facility Name
      A,2019-09-28 10:00,2019-09-28 10:00,2019-10-02 09:00,2019-10-12 12:00,F1,Facility One
      A,2019-09-28 10:00,2019-10-02 12:00,2019-10-12 12:00,2019-10-12 12:00,F2,Facility Two
      B,2019-10-05 00:00,2019-10-05 00:00,2019-10-06 00:00,2019-10-06 00:00,F1,Facility One
      C,2020-03-01 08:00,2020-03-01 08:00,,,F2,Facility Two
      """;
  private static final String PUBLISHED =
      """
      fiscal_year,facility_code,facility_name,measure,value
      FY2019,,,book_ins,1
      2020,,,book_ins,"1,000"
      FY2020,F2,,book_ins,2
      FY2020,,facility two,book_ins,3
      FY2019,,,bed_days,3
      FY2020,f1,,bed_days,5
      FY2020,,,bed_days,22
      FY2019,,,average_daily_population,0.01
      FY2020,,,average_daily_population,0.2
      FY2020,,,average_length_of_stay,7.5
      FY2019,,,average_length_of_stay,1
      FY2020,F1,,average_length_of_stay,2
      FY2018,,,book_ins,5
      FY2018,,,average_daily_population,30
      FY2021,,,bed_days,9
      """;

  private final SparkSession spark = SharedSpark.session();
  private AuditResult result;

  @BeforeAll
  void audit(@TempDir Path dir) throws IOException {
    Path layout = Files.writeString(dir.resolve("test-placements.yaml"), LAYOUT);
    Path csv = Files.writeString(dir.resolve("placements.csv"), PLACEMENTS);
    Path published = Files.writeString(dir.resolve("published.csv"), PUBLISHED);
    result =
        DetentionAudit.on(spark)
            .layouts(LayoutCatalog.builtIn().withLayoutFiles(List.of(layout)))
            .layout("test-placements")
            .input(csv.toString())
            .extractDate(LocalDateTime.of(2020, 3, 11, 0, 0))
            .published(published)
            .run();
  }

  @AfterAll
  void close() {
    result.close();
  }

  private ReconciliationRow row(String measure, int fiscalYear, String facility) {
    return result.reconciliationResult().rows().stream()
        .filter(r -> r.measure().equals(measure) && r.fiscalYear() == fiscalYear
            && java.util.Objects.equals(r.facility(), facility))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + measure + " FY" + fiscalYear + " " + facility));
  }

  /**
   * The records begin on 2019-09-28 (the first book-in) and end at the extract date 2020-03-11:
   * FY2018 (to 2018-09-30) and FY2021 (from 2020-10-01) are outside them. Their published figures
   * are not set beside a zero the records cannot show: no computed value, status NO_RECORDS.
   */
  @Test
  void yearsOutsideTheRecordsAreNotComputedAsZero() {
    for (ReconciliationRow outside :
        List.of(row("book_ins", 2018, null), row("average_daily_population", 2018, null), row("bed_days", 2021, null))) {
      assertThat(outside.computed()).as(outside.measure() + " FY" + outside.fiscalYear()).isNull();
      assertThat(outside.difference()).isNull();
      assertThat(outside.status()).isEqualTo(ReconciliationRow.NO_RECORDS);
      assertThat(outside.reason()).startsWith("outside the records");
    }
    assertThat(row("book_ins", 2018, null).reason()).contains("2019-09-28");
    assertThat(row("bed_days", 2021, null).reason()).contains("2020-03-11");
    // the near miss: FY2019, which the records reach by two days, is computed
    assertThat(row("book_ins", 2019, null).computed()).isEqualTo(1.0);
  }

  @Test
  void bookInsCountRecordsByTheFiscalYearOfTheirBookIn() {
    // FY2019 (to 2019-09-30): P1 only. FY2020: P2, P3, P4. At F2: P2, P4; by name "facility two"
    // (ignoring case): the same two records.
    assertThat(row("book_ins", 2019, null).computed()).isEqualTo(1.0);
    assertThat(row("book_ins", 2019, null).difference()).isZero();
    ReconciliationRow fy2020 = row("book_ins", 2020, null);
    assertThat(fy2020.published()).as("thousands separator").isEqualTo(1000.0);
    assertThat(fy2020.computed()).isEqualTo(3.0);
    assertThat(fy2020.difference()).isEqualTo(-997.0);
    assertThat(fy2020.relativeDifference()).isEqualTo(-0.997);
    assertThat(row("book_ins", 2020, "F2").computed()).isEqualTo(2.0);
    assertThat(row("book_ins", 2020, "facility two").computed()).isEqualTo(2.0);
    assertThat(row("book_ins", 2020, "facility two").difference()).isEqualTo(-1.0);
    assertThat(fy2020.source()).endsWith("published.csv");
    assertThat(fy2020.table()).isEqualTo("published");
  }

  @Test
  void bedDaysAreMidnightsInCustodyInTheFiscalYear() {
    // P1: nights of 9/28, 9/29, 9/30 in FY2019 (3), of 10/1 in FY2020 (1). P2: 10/2..10/11 (10).
    // P3: 10/5 (1). P4, open: 3/1..3/10, up to the extract date (10). FY2020: 1+10+1+10 = 22.
    // At F1 in FY2020: P1's 1 + P3's 1 = 2.
    assertThat(row("bed_days", 2019, null).computed()).isEqualTo(3.0);
    assertThat(row("bed_days", 2020, null).computed()).isEqualTo(22.0);
    assertThat(row("bed_days", 2020, null).difference()).isZero();
    assertThat(row("bed_days", 2020, "f1").computed()).isEqualTo(2.0);
    assertThat(row("bed_days", 2020, "f1").difference()).isEqualTo(-3.0);
  }

  @Test
  void averageDailyPopulationIsBedDaysOverTheNightsOfTheFiscalYear() {
    // FY2019: 3 bed-days / 365 nights (2018-10-01 to 2019-09-30).
    ReconciliationRow fy2019 = row("average_daily_population", 2019, null);
    assertThat(fy2019.computed()).isCloseTo(3.0 / 365, within(1e-12));
    assertThat(fy2019.difference()).isCloseTo(3.0 / 365 - 0.01, within(1e-12));
    // FY2020 holds the extract date 2020-03-11: 22 bed-days / the 162 nights from 2019-10-01 to
    // 2020-03-10 (31 + 30 + 31 + 31 + 29 + 10).
    ReconciliationRow fy2020 = row("average_daily_population", 2020, null);
    assertThat(fy2020.computed()).isCloseTo(22.0 / 162, within(1e-12));
    assertThat(fy2020.reason()).contains("part of the fiscal year").contains("162 nights");
  }

  @Test
  void averageLengthOfStayIsTheMeanLengthOfTheStaysEndingInTheFiscalYear() {
    // Stays ending in FY2020: A (2019-09-28 10:00 to its stay book-out 2019-10-12 12:00: 14 days
    // 2 hours = 14.0833 days) and B (1 day); C is open. Mean (14.0833 + 1) / 2 = 7.5417.
    ReconciliationRow fy2020 = row("average_length_of_stay", 2020, null);
    assertThat(fy2020.computed()).isCloseTo((14 + 2.0 / 24 + 1) / 2, within(1e-9));
    assertThat(fy2020.difference()).isCloseTo((14 + 2.0 / 24 + 1) / 2 - 7.5, within(1e-9));
    // No stay ends in FY2019.
    ReconciliationRow fy2019 = row("average_length_of_stay", 2019, null);
    assertThat(fy2019.status()).isEqualTo("NO_RECORDS");
    assertThat(fy2019.computed()).isNull();
    // At F1: the placements there ending in FY2020, P1 (3 days 23 hours) and P3 (1 day).
    assertThat(row("average_length_of_stay", 2020, "F1").computed())
        .isCloseTo((3 + 23.0 / 24 + 1) / 2, within(1e-9));
  }

  @Test
  void theSummaryJsonBlockCountsTheComparisons() {
    ReconciliationSummary summary = result.runSummary().reconciliation();
    // 15 published figures: 11 compared, one FY2019 ALOS without a stay ending then, and the three
    // outside the records (FY2018 twice, FY2021)
    assertThat(summary.rows()).isEqualTo(15);
    assertThat(summary.compared()).isEqualTo(11);
    assertThat(summary.notApplicable()).isZero();
    assertThat(summary.sources()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo("published file");
      assertThat(s.matched()).isTrue();
    });
  }

  @Test
  void measuresTheLayoutCannotGiveAreNotApplicableWithTheMissingFields(@TempDir Path dir) throws IOException {
    // An initial book-in table: book-in and facility name only.
    BookInWorkbook records =
        new BookInWorkbook().records(LocalDate.of(2015, 1, 1), 2).records(LocalDate.of(2016, 1, 1), 1);
    Path workbook = records.write(dir.resolve("book-ins.xlsx"), records.recordsByFiscalYear());
    Path published =
        Files.writeString(
            dir.resolve("published.csv"),
            """
            fiscal_year,facility_code,facility_name,measure,value
            FY2015,,,book_ins,2
            FY2015,,,bed_days,100
            FY2015,,,average_daily_population,1.5
            FY2015,,,average_length_of_stay,20
            FY2015,ABC,,book_ins,2
            FY2015,,NORTHWEST DET. CENTER,book_ins,1
            """);
    try (AuditResult run = DetentionAudit.on(spark).input(workbook.toString()).published(published).run()) {
      Map<String, ReconciliationRow> byMeasure = new java.util.LinkedHashMap<>();
      for (ReconciliationRow r : run.reconciliationResult().rows()) {
        if (r.source().endsWith("published.csv")) {
          byMeasure.put(r.measure() + "/" + r.facility(), r);
        }
      }
      assertThat(byMeasure.get("book_ins/null").status()).isEqualTo("COMPARED");
      assertThat(byMeasure.get("book_ins/null").difference()).isZero();
      for (String measure : List.of("bed_days/null", "average_daily_population/null")) {
        assertThat(byMeasure.get(measure).status()).isEqualTo("NOT_APPLICABLE");
        assertThat(byMeasure.get(measure).computed()).isNull();
        assertThat(byMeasure.get(measure).reason()).isEqualTo("the layout lacks book_out");
      }
      assertThat(byMeasure.get("average_length_of_stay/null").reason())
          .isEqualTo("the layout lacks person_id, stay_book_in, book_out");
      assertThat(byMeasure.get("book_ins/ABC").status()).isEqualTo("NOT_APPLICABLE");
      assertThat(byMeasure.get("book_ins/ABC").reason()).isEqualTo("the layout lacks facility_code");
      // Names are a facility key where the layout has them.
      assertThat(byMeasure.get("book_ins/NORTHWEST DET. CENTER").status()).isEqualTo("COMPARED");
      assertThat(run.runSummary().reconciliation().notApplicable()).isEqualTo(4);
    }
  }
}

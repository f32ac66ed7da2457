package org.detentionaudit.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detentionaudit.core.measure.MeasureRows.ALL_FIELDS;
import static org.detentionaudit.core.measure.MeasureRows.INITIAL_BOOK_INS;
import static org.detentionaudit.core.measure.MeasureRows.PLAUSIBLE;
import static org.detentionaudit.core.measure.MeasureRows.WITHOUT_CODES;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.detentionaudit.core.sort.ScratchFolder;
import org.detentionaudit.core.sort.SortPass;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class BedDaysTest {
  private static final Map<String, FacilityRate> REFERENCE =
      Map.of(
          "RATED", new FacilityRate(100.0, "100.00", false),
          "SECRET", new FacilityRate(null, "b)(4)", true),
          "UNFUNDED", new FacilityRate(null, "Not ICE Funded", false));

  private static Optional<FacilityRate> lookup(String code) {
    return Optional.ofNullable(REFERENCE.get(code));
  }

  private static Dataset<Row> findings(SparkSession spark, Object[]... rows) {
    return spark.createDataFrame(
        java.util.Arrays.stream(rows).map(RowFactory::create).toList(), MeasureRows.FINDINGS);
  }

  /**
   * Bed-days as the audit measures them: the sort pass over {@code placements}, with one rule that
   * the records named in {@code findings} (by source row) fail, then {@link BedDays#of}.
   */
  private static BedDays measure(
      Dataset<Row> placements,
      Dataset<Row> findings,
      java.util.Set<org.detentionaudit.rules.CanonicalField> available,
      Optional<LocalDateTime> extractDate,
      java.util.function.Function<String, Optional<FacilityRate>> reference,
      org.detentionaudit.core.check.PlausibleTimestamps plausible) {
    String failing =
        findings.select("source_row").collectAsList().stream()
            .map(r -> String.valueOf(r.getLong(0)))
            .collect(java.util.stream.Collectors.joining(", ", "source_row IN (", ")"));
    String failedSql = findings.isEmpty() ? "false" : failing;
    BedDays.Spans spans = BedDays.spans(available, extractDate, plausible);
    SortPass.Result result =
        SortPass.run(
            placements,
            0,
            List.of(new SortPass.JudgedRule("test.rule", "true", failedSql, "''")),
            false,
            new SortPass.RecordMeasures(
                functions.lit(null), spans.facilityKey(), spans.name(), spans.measurable(), spans.startDay(), spans.endDay()),
            plausible,
            ScratchFolder.forFindings(placements.sparkSession()));
    return BedDays.of(result.records().facilities(), available, extractDate, reference);
  }

  @Test
  void bedDaysAreMidnightsSplitByFiscalYearAndCostedWhereARateIsKnown(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows()
            // 28 Sep 22:00 to 2 Oct 08:00: nights of 28, 29, 30 Sep (FY2020) and 1 Oct (FY2021)
            .add("P1", null, "2020-09-28 22:00", "2020-10-02 08:00", null, " rated ", "RATED JAIL", "Transferred")
            // same day: no midnight
            .add("P2", null, "2020-10-05 01:00", "2020-10-05 23:00", null, "RATED", "RATED JAIL 2", "Removed")
            // open: counted to the extract date (3 nights)
            .add("P3", null, "2020-12-29 09:00", null, null, "SECRET", "SECRET JAIL", null)
            .add("P4", null, "2020-12-01 00:00", "2020-12-11 00:00", null, "UNFUNDED", "U", "Removed")
            .add("P5", null, "2020-12-01 00:00", "2020-12-03 00:00", null, "NEWCODE", "N", "Removed")
            .add("P6", null, "2020-12-01 00:00", "2020-12-02 00:00", null, null, "NO CODE", "Removed")
            // length unknown: ends before it starts; no book-in
            .add("P7", null, "2020-12-05 00:00", "2020-12-01 00:00", null, "RATED", "RATED JAIL", "Removed")
            .add("P8", null, null, "2020-12-01 00:00", null, "RATED", "RATED JAIL", "Removed");
    Dataset<Row> findings =
        findings(
            spark,
            new Object[] {"a", "test.csv", 7L, "RATED", "RATED JAIL"},
            new Object[] {"b", "test.csv", 7L, "RATED", "RATED JAIL"},
            new Object[] {"a", "test.csv", 8L, "RATED", "RATED JAIL"});

    BedDays measured =
        measure(
            rows.toDataset(spark),
            findings,
            ALL_FIELDS,
            Optional.of(LocalDateTime.of(2021, 1, 1, 12, 0)),
            BedDaysTest::lookup, PLAUSIBLE);

    Map<String, FacilityUse> byCode =
        measured.facilities().stream()
            .collect(java.util.stream.Collectors.toMap(f -> String.valueOf(f.facilityCode()), f -> f));
    FacilityUse rated = byCode.get("RATED");
    assertThat(rated.records()).isEqualTo(4);
    assertThat(rated.recordsFailed()).as("distinct failing records").isEqualTo(2);
    assertThat(rated.namesSeen()).containsExactly("RATED JAIL", "RATED JAIL 2");
    assertThat(rated.bedDays()).isEqualTo(4);
    assertThat(rated.byFiscalYear())
        .extracting(FacilityUse.YearUse::fiscalYear, FacilityUse.YearUse::bedDays, FacilityUse.YearUse::estimatedCost)
        .containsExactly(tuple(2020, 3L, 300.0), tuple(2021, 1L, 100.0));
    assertThat(rated.estimatedCost()).isEqualTo(400.0);
    assertThat(rated.costStatus()).isEqualTo("known");
    assertThat(rated.inReference()).isTrue();

    assertThat(byCode.get("SECRET").bedDays()).isEqualTo(3);
    assertThat(byCode.get("SECRET").costStatus()).isEqualTo("rate_redacted");
    assertThat(byCode.get("SECRET").estimatedCost()).isNull();
    assertThat(byCode.get("UNFUNDED").costStatus()).isEqualTo("no_rate");
    assertThat(byCode.get("NEWCODE").costStatus()).isEqualTo("not_in_reference");
    assertThat(byCode.get("NEWCODE").inReference()).isFalse();
    assertThat(byCode.get("null").costStatus()).isEqualTo("no_facility_code");
    assertThat(measured.facilities().get(0).facilityCode()).as("most bed-days first").isEqualTo("UNFUNDED");

    CostSummary cost = measured.summary();
    assertThat(cost.bedDays()).isEqualTo(4 + 3 + 10 + 2 + 1);
    assertThat(cost.bedDaysCostKnown()).isEqualTo(4);
    assertThat(cost.bedDaysCostUnknown()).isEqualTo(16);
    assertThat(cost.costUnknownShare()).isEqualTo(16 / 20.0);
    assertThat(cost.bedDaysCostUnknownByReason())
        .containsExactly(
            Map.entry("rate_redacted", 3L),
            Map.entry("no_rate", 10L),
            Map.entry("not_in_reference", 2L),
            Map.entry("ambiguous_name", 0L),
            Map.entry("no_facility_code", 1L));
    assertThat(cost.estimatedCost()).isEqualTo(400.0);
    assertThat(cost.recordsLengthUnknown()).isEqualTo(2);
    assertThat(cost.byFiscalYear())
        .extracting(CostSummary.Year::fiscalYear, CostSummary.Year::bedDays, CostSummary.Year::bedDaysCostUnknown)
        .containsExactly(tuple(2020, 3L, 0L), tuple(2021, 17L, 16L));

    assertThat(measured.facilitySummary())
        .isEqualTo(new FacilitySummary("facility_code", 4, 1, 1));
    List<Row> table = measured.table(spark).collectAsList();
    assertThat(table).hasSize(5);
    assertThat(table).extracting(r -> r.<Long>getAs("bed_days")).containsExactly(10L, 4L, 3L, 2L, 1L);
  }

  @Test
  void withoutAnExtractDateOpenPlacementsHaveNoBedDays(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows().add("P3", null, "2020-12-29 09:00", null, null, "RATED", "R", null);
    BedDays measured =
        measure(rows.toDataset(spark), findings(spark), ALL_FIELDS, Optional.empty(), BedDaysTest::lookup, PLAUSIBLE);
    assertThat(measured.summary().bedDays()).isZero();
    assertThat(measured.summary().recordsLengthUnknown()).isEqualTo(1);
  }

  @Test
  void implausibleDatesAddNoBedDaysAndNoCost(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows()
            // 2 nights
            .add("P1", null, "2020-01-01 10:00", "2020-01-03 10:00", null, "RATED", "R", "Removed")
            // placeholders: 2.9 million nights (9999) and 738,000 (year 1) if they were counted
            .add("P2", null, "2020-02-01 00:00", "9999-12-31 23:59", null, "RATED", "R", "Removed")
            .add("P3", null, "0001-01-01 00:00", "2020-03-01 00:00", null, "RATED", "R", "Removed")
            // open from an implausible book-in: not run to the extract date
            .add("P4", null, "1949-12-31 23:59", null, null, "RATED", "R", null)
            // near miss: booked in at the first plausible moment, still open at the extract date
            .add("P5", null, "1950-01-01 00:00", "1950-01-03 00:00", null, "RATED", "R", "Removed");
    BedDays measured =
        measure(
            rows.toDataset(spark), findings(spark), ALL_FIELDS, Optional.of(LocalDateTime.of(2021, 1, 1, 0, 0)),
            BedDaysTest::lookup, PLAUSIBLE);
    assertThat(measured.summary().bedDays()).isEqualTo(4);
    assertThat(measured.summary().recordsLengthUnknown()).isEqualTo(3);
    assertThat(measured.summary().byFiscalYear())
        .extracting(CostSummary.Year::fiscalYear)
        .containsExactly(1950, 2020);
    assertThat(measured.facilities()).singleElement().satisfies(f -> {
      assertThat(f.records()).isEqualTo(5);
      assertThat(f.bedDays()).isEqualTo(4);
    });
  }

  @Test
  void aLayoutWithoutCodesIsKeyedByNameAndHasNoKnownCost(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows()
            .add("P1", null, "2020-12-01 00:00", "2020-12-03 00:00", null, null, " KROME ", "Removed");
    BedDays measured =
        measure(rows.toDataset(spark), findings(spark), WITHOUT_CODES, Optional.empty(), BedDaysTest::lookup, PLAUSIBLE);
    assertThat(measured.facilities())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.facilityCode()).isEqualTo("KROME");
          assertThat(f.keyedBy()).isEqualTo("facility_name");
          assertThat(f.costStatus()).isEqualTo("not_in_reference"); // the lookup knows no KROME
          assertThat(f.bedDays()).isEqualTo(2);
        });
  }

  /**
   * The Seattle case: an initial book-in table (no book-out column) with an extract date. Before,
   * every record counted as open up to the extract date (millions of bed-days at a hold room); now
   * there are no bed-days and no cost, and the facility rows say why.
   */
  @Test
  void aLayoutWithoutBookOutsHasNoBedDaysAndNoCost(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows()
            .add(null, null, "2012-01-03 00:00", null, null, null, "SEATTLE FIELD OFFICE HOLD ROOM", null)
            .add(null, null, "2015-06-01 00:00", null, null, null, "SEATTLE FIELD OFFICE HOLD ROOM", null)
            .add(null, null, "2016-02-01 00:00", null, null, null, "RATED JAIL", null);
    Optional<LocalDateTime> extract = Optional.of(LocalDateTime.of(2019, 7, 6, 0, 0));

    BedDays measured =
        measure(rows.toDataset(spark), findings(spark), INITIAL_BOOK_INS, extract, BedDaysTest::lookup, PLAUSIBLE);

    CostSummary cost = measured.summary();
    assertThat(cost.status()).isEqualTo(MeasureStatus.NOT_APPLICABLE);
    assertThat(cost.missingFields()).containsExactly("book_out");
    assertThat(cost.bedDays()).isNull();
    assertThat(cost.estimatedCost()).isNull();
    assertThat(cost.recordsLengthUnknown()).isNull();
    assertThat(cost.openCountedTo()).as("nothing is counted to the extract date").isNull();
    assertThat(cost.byFiscalYear()).isEmpty();
    assertThat(measured.facilities())
        .extracting(FacilityUse::facilityCode, FacilityUse::keyedBy, FacilityUse::records, FacilityUse::bedDays,
            FacilityUse::costStatus, FacilityUse::estimatedCost, FacilityUse::missingFields)
        .containsExactly(
            tuple("SEATTLE FIELD OFFICE HOLD ROOM", "facility_name", 2L, null, "not_applicable", null, "book_out"),
            tuple("RATED JAIL", "facility_name", 1L, null, "not_applicable", null, "book_out"));
    assertThat(measured.facilities()).allSatisfy(f -> assertThat(f.byFiscalYear()).isEmpty());
    List<Row> table = measured.table(spark).collectAsList();
    assertThat(table).extracting(r -> r.getAs("bed_days")).containsOnlyNulls();
    assertThat(table).extracting(r -> r.<String>getAs("missing_fields")).containsOnly("book_out");
  }

  /** The near miss: the same records in a full layout, still open at the extract date, have bed-days. */
  @Test
  void openPlacementsOfAFullLayoutCountUpToTheExtractDate(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows().add("P1", null, "2019-07-01 00:00", null, null, "RATED", "RATED JAIL", null);
    BedDays measured =
        measure(
            rows.toDataset(spark), findings(spark), ALL_FIELDS, Optional.of(LocalDateTime.of(2019, 7, 6, 0, 0)),
            BedDaysTest::lookup, PLAUSIBLE);
    assertThat(measured.summary().bedDays()).isEqualTo(5);
    assertThat(measured.summary().status()).isEqualTo(MeasureStatus.COMPUTED);
    assertThat(measured.facilities().get(0).missingFields()).isEmpty();
  }
}

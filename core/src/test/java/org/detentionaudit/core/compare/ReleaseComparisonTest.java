package org.detentionaudit.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseComparisonTest {
  private static ReleaseComparison compare(Releases before, Releases after) {
    return ReleaseComparison.of(before.metrics("before"), after.metrics("after"), Thresholds.defaults());
  }

  /** The after release of a plain 4 months later: same past, FY2025 grown, extract date later. */
  private static Releases later(Releases before) {
    return before.copy()
        .extractDate("2025-06-26T00:00:00")
        .window("2019-10-01T00:05:00", "2025-06-25T22:00:00")
        .records(2025, "AAA", 900)
        .records(2025, "BBB", 610);
  }

  private static List<ComparisonRow> rows(ReleaseComparison c, String kind, String measure) {
    return c.rows().stream().filter(r -> r.kind().equals(kind) && r.measure().equals(measure)).toList();
  }

  private static ComparisonRow year(ReleaseComparison c, int year) {
    return c.rows().stream()
        .filter(r -> r.measure().equals("records") && year == (r.fiscalYear() == null ? 0 : r.fiscalYear()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aReleaseComparedWithItselfFlagsNothing() {
    ReleaseComparison c = compare(Releases.before(), Releases.before());

    assertThat(c.flagged()).isZero();
    assertThat(c.flaggedByKind()).containsOnlyKeys("window", "schema", "rule", "column", "records", "facility");
    assertThat(c.comparedYears()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025);
    assertThat(c.openYear()).contains(2025);
    assertThat(c.rows()).extracting(ComparisonRow::kind).first().isEqualTo("window");
  }

  @Test
  void naturalGrowthOfTheOpenYearIsNotFlagged() {
    ReleaseComparison c = compare(Releases.before(), later(Releases.before()));

    assertThat(c.flagged()).isZero();
    ComparisonRow fy2025 = year(c, 2025);
    assertThat(fy2025.before()).isEqualTo(1000.0);
    assertThat(fy2025.after()).isEqualTo(1510.0);
    assertThat(fy2025.difference()).isEqualTo(510.0);
    assertThat(fy2025.relativeChange()).isEqualTo(0.51);
  }

  @Test
  void aClosedYearThatLostRecordsIsFlaggedWithTheExactNumberAtTheYearAndTheFacility() {
    ReleaseComparison c = compare(Releases.before(), later(Releases.before()).records(2021, "BBB", 399));

    assertThat(c.flagged()).isEqualTo(2);
    ComparisonRow fy2021 = year(c, 2021);
    assertThat(fy2021.flagged()).isTrue();
    assertThat(fy2021.difference()).isEqualTo(-1.0);
    assertThat(fy2021.reason())
        .isEqualTo("records of FY2021 999 against 1,000: -1 (-0.1%); flagged at any loss (records_closed_year_loss)");
    ComparisonRow facility =
        rows(c, "records", "facility_records").stream().filter(ComparisonRow::flagged).findFirst().orElseThrow();
    assertThat(facility.fiscalYear()).isEqualTo(2021);
    assertThat(facility.facilityCode()).isEqualTo("BBB");
    assertThat(facility.facilityName()).isEqualTo("BRAVO COUNTY JAIL");
    assertThat(facility.before()).isEqualTo(400.0);
    assertThat(facility.after()).isEqualTo(399.0);
  }

  @Test
  void theOpenYearIsFlaggedOnlyOnALoss() {
    ReleaseComparison c = compare(Releases.before(), later(Releases.before()).records(2025, "AAA", 599).records(2025, "BBB", 400));

    assertThat(year(c, 2025).flagged()).isTrue();
    assertThat(year(c, 2025).reason()).contains("records_open_year_loss");
  }

  @Test
  void aClosedYearGainIsFlaggedOnlyAbove2PercentAnd10Records() {
    // 1,000 → 1,020: +2.0%, not beyond.
    ReleaseComparison nearMiss = compare(Releases.before(), later(Releases.before()).records(2022, "AAA", 620));
    assertThat(year(nearMiss, 2022).flagged()).isFalse();
    // 1,000 → 1,021: +2.1% and 21 records.
    ReleaseComparison gain = compare(Releases.before(), later(Releases.before()).records(2022, "AAA", 621));
    assertThat(year(gain, 2022).flagged()).isTrue();
    assertThat(year(gain, 2022).reason()).contains("records_closed_year_gain");
    // The facility's own gain: 21 of 600 is 3.5%, within its 10%.
    assertThat(rows(gain, "records", "facility_records")).noneMatch(ComparisonRow::flagged);
  }

  @Test
  void yearsOutsideTheCommonWindowAreWindowRowsNotFlagged() {
    // The later release starts in FY2021 and, 4 months on, reaches into FY2026.
    Releases after =
        later(Releases.before())
            .window("2020-10-01T00:01:00", "2025-10-20T00:00:00")
            .extractDate("2025-10-20T00:00:00")
            .records(2026, "AAA", 50)
            .records(2026, "BBB", 50);
    after.records.remove(2020);

    ReleaseComparison c = compare(Releases.before(), after);

    assertThat(c.comparedYears()).containsExactly(2021, 2022, 2023, 2024, 2025);
    assertThat(c.flagged()).isZero();
    assertThat(rows(c, "window", "records"))
        .extracting(ComparisonRow::fiscalYear, ComparisonRow::before, ComparisonRow::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2020, 1000.0, null),
            org.assertj.core.groups.Tuple.tuple(2026, null, 100.0));
  }

  @Test
  void aLaterReleaseStartingInTheMiddleOfAYearDoesNotCompareThatYear() {
    Releases after = later(Releases.before()).window("2021-03-15T08:00:00", "2025-06-25T22:00:00").records(2021, "AAA", 300);
    after.records.remove(2020);

    ReleaseComparison c = compare(Releases.before(), after);

    assertThat(c.comparedYears()).startsWith(2022);
    assertThat(c.flagged()).isZero();
  }

  @Test
  void anEarlierExtractDateIsFlagged() {
    ReleaseComparison c = compare(Releases.before(), Releases.before().extractDate("2025-01-31T00:00:00"));

    ComparisonRow extract = rows(c, "window", "extract_date").get(0);
    assertThat(extract.flagged()).isTrue();
    assertThat(extract.difference()).isEqualTo(-26.0);
    assertThat(extract.reason()).startsWith("extract date 2025-02-26 (given) before, 2025-01-31 (given) after: -26 days");
  }

  @Test
  void aRuleRatioThatJumpsIsFlaggedANearMissIsNot() {
    ReleaseComparison jump = compare(Releases.before(), Releases.before().rule("placement.zero_length", "WARN", 0.0065));
    ComparisonRow row = rows(jump, "rule", "failed_ratio").stream().filter(r -> r.ruleId().equals("placement.zero_length")).findFirst().orElseThrow();
    assertThat(row.flagged()).isTrue();
    assertThat(row.reason()).startsWith("failed ratio of placement.zero_length 0.65% against 0.10%: +0.55 points (+550.0%)");
    // +0.5 points exactly is not beyond the 0.5-point limit.
    ReleaseComparison nearMiss = compare(Releases.before(), Releases.before().rule("placement.zero_length", "WARN", 0.006));
    assertThat(nearMiss.flagged()).isZero();
    // +3 points of a 5% ratio is +60%... but +1 point is only +20%.
    assertThat(compare(Releases.before(), Releases.before().rule("placement.open", "WARN", 0.06)).flagged()).isZero();
  }

  @Test
  void aRuleNotApplicableInOneReleaseIsARowSayingSoNotAChangeOfRatio() {
    ReleaseComparison c = compare(Releases.before(), Releases.before().rule("placement.zero_length", "NOT_APPLICABLE", null));

    ComparisonRow row = rows(c, "rule", "failed_ratio").stream().filter(r -> r.ruleId().equals("placement.zero_length")).findFirst().orElseThrow();
    assertThat(row.flagged()).isFalse();
    assertThat(row.before()).isEqualTo(0.001);
    assertThat(row.after()).isNull();
    assertThat(row.reason()).contains("NOT_APPLICABLE in the after release");
    ComparisonRow both = rows(c, "rule", "failed_ratio").stream().filter(r -> r.ruleId().equals("stay.implausibly_early")).findFirst().orElseThrow();
    assertThat(both.reason()).contains("NOT_APPLICABLE in both releases");
    assertThat(c.flagged()).isZero();
  }

  @Test
  void columnsAreMatchedThroughTheirCanonicalFieldAndRenamesAddsAndDropsAreSchemaRows() {
    Releases after =
        Releases.before()
            .layout("ddp-2026-03")
            .column("Anonymized Identifier", "person_id", 5990, 10, 0)
            .column("Race", null, 5900, 100, 0);
    after.columns.removeIf(col -> col.column().equals("Gender"));

    ReleaseComparison c = compare(Releases.before(), after);

    assertThat(rows(c, "schema", "header"))
        .extracting(ComparisonRow::column, ComparisonRow::flagged, ComparisonRow::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "person_id", true,
                "column renamed: 'Unique Identifier' before, 'Anonymized Identifier' after (both read as person_id) (schema_change)"),
            org.assertj.core.groups.Tuple.tuple("Gender", true, "column 'Gender' dropped: not in the after release (schema_change)"),
            org.assertj.core.groups.Tuple.tuple("Race", true, "column 'Race' added: not in the before release (schema_change)"));
    // The renamed column is still compared, through its field.
    assertThat(rows(c, "column", "missing_share")).extracting(ComparisonRow::column).containsExactly("person_id", "book_out");
    assertThat(c.flagged()).isEqualTo(3);
  }

  @Test
  void headersDifferingOnlyInCaseOrPunctuationAreOneColumnNotARename() {
    // A Parquet copy of a release names its columns in snake case.
    Releases after = Releases.before();
    after.columns.removeIf(col -> col.column().equals("Gender"));
    after.column("unique_identifier", "person_id", 5990, 10, 0).column("GENDER", null, 5000, 400, 600);

    ReleaseComparison c = compare(Releases.before(), after);

    assertThat(rows(c, "schema", "header")).isEmpty();
    assertThat(rows(c, "column", "redacted_share")).extracting(ComparisonRow::column).contains("Gender");
    assertThat(c.flagged()).isZero();
  }

  @Test
  void aColumnGoingBlankIsFlaggedAndANearMissIsNot() {
    ReleaseComparison blank = compare(Releases.before(), Releases.before().column("Detention Book Out Date Time", "book_out", 0, 6000, 0));
    ComparisonRow row = rows(blank, "column", "missing_share").stream().filter(r -> r.column().equals("book_out")).findFirst().orElseThrow();
    assertThat(row.flagged()).isTrue();
    assertThat(row.before()).isEqualTo(0.05);
    assertThat(row.after()).isEqualTo(1.0);
    // 5% → 10%: +5 points exactly, +100%: not beyond the 5-point limit.
    ReleaseComparison nearMiss = compare(Releases.before(), Releases.before().column("Detention Book Out Date Time", "book_out", 5400, 600, 0));
    assertThat(nearMiss.flagged()).isZero();
    // Redacted: 10% → 20% of Gender is +10 points and +100%.
    ReleaseComparison redacted = compare(Releases.before(), Releases.before().column("Gender", null, 4400, 400, 1200));
    assertThat(rows(redacted, "column", "redacted_share")).filteredOn(ComparisonRow::flagged).extracting(ComparisonRow::column).containsExactly("Gender");
  }

  @Test
  void facilitiesRenamedAreFlaggedButNotACaseChangeOrANewFacility() {
    Releases renamed = Releases.before();
    renamed.names.put("AAA", List.of("ALPHA PROCESSING CENTER"));
    ReleaseComparison c = compare(Releases.before(), renamed);
    assertThat(rows(c, "facility", "names"))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.flagged()).isTrue();
          assertThat(r.facilityCode()).isEqualTo("AAA");
          assertThat(r.reason()).isEqualTo(
              "facility AAA names changed: 'ALPHA DETENTION CENTER' before, 'ALPHA PROCESSING CENTER' after (facility_renamed)");
        });

    Releases recased = Releases.before();
    recased.names.put("AAA", List.of("ALPHA DETENTION CENTER", "Alpha Detention Ctr."));
    assertThat(compare(Releases.before(), recased).flagged()).isZero();

    Releases grown = later(Releases.before()).records(2025, "CCC", 5);
    grown.names.put("CCC", List.of("CHARLIE HOLD ROOM"));
    ReleaseComparison newFacility = compare(Releases.before(), grown);
    assertThat(rows(newFacility, "facility", "records")).singleElement().satisfies(r -> {
      assertThat(r.flagged()).isFalse();
      assertThat(r.after()).isEqualTo(5.0);
      assertThat(r.reason()).startsWith("facility CCC (CHARLIE HOLD ROOM) appears: 5 records after, none before");
    });
    assertThat(newFacility.flagged()).isZero();
  }

  @Test
  void aFacilityGoneIsFlaggedWhenItHadRecordsInTheComparedYears() {
    Releases gone = Releases.before();
    gone.records.values().forEach(m -> m.remove("BBB"));

    ReleaseComparison c = compare(Releases.before(), gone);

    assertThat(rows(c, "facility", "records")).singleElement().satisfies(r -> {
      assertThat(r.flagged()).isTrue();
      assertThat(r.reason()).contains("2,400 of them in the fiscal years both releases cover, none after (facility_gone)");
    });
    // Its losses per year are flagged too, each with its number.
    assertThat(rows(c, "records", "facility_records")).filteredOn(ComparisonRow::flagged).hasSize(6);
  }
}

package org.detentionaudit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.check.RuleOutcome;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real DDP-2025 placements sample (103 real placements of 43 anonymised people, Washington
 * state; provenance in {@code src/test/resources/realdata/README.md}) audited through the library:
 * the layout is detected, nothing is lost, and every rule's count equals a count made by hand.
 *
 * <p>The expected counts were derived without this project's code, by {@code
 * src/test/resources/realdata/hand_counts.py} (Python's csv module, the rule meanings of
 * docs/rules.md: {@code NA} and redaction markers are null, a date without a time is midnight, a
 * person's placements ordered by book-in, book-out, file order), and checked row by row where a
 * rule fails. The file has 103 rows; 16 have no book-out (and no release reason); 33 have no stay
 * dates at all (stay book-in, stay book-out, stay release reason all {@code NA}), so 70 have stay
 * dates. Its 19 codes and 19 names pair one to one. The extract date is inferred as the latest
 * book-in or book-out, 2025-02-17 00:00 (a book-in).
 */
@ExtendWith(SharedSpark.class)
class RealDdpSampleTest {
  /**
   * Per rule id: {records_checked, records_failed}, or null for NOT_APPLICABLE. A rule added to the
   * catalog needs one more line here (the test fails naming it until it has one).
   */
  private static final Map<String, long[]> EXPECTED = new LinkedHashMap<>();

  static {
    // 103 rows; the code column never holds a blank or NA.
    EXPECTED.put("facility.missing_code", counts(103, 0));
    // 103 rows; every book_in_date_time holds a date.
    EXPECTED.put("placement.missing_book_in", counts(103, 0));
    // 87 rows have both book-in and book-out (103 - 16 NA book-outs); every book-out is on or
    // after its book-in's day, and none is exactly at midnight (book-ins are midnight: truncated).
    EXPECTED.put("placement.negative_length", counts(87, 0));
    EXPECTED.put("placement.zero_length", counts(87, 0));
    // The 70 rows with stay dates all fail. In this derived file stay_book_in_date_time equals
    // stay_book_out_date_time on every row (the join put the stay's end date in both columns), so
    // 62 book-ins are before "stay_book_in"; and 34 book-outs are after the stay book-out, all on
    // the stay book-out's own day (the stay date is midnight, the book-out keeps its time);
    // 26 rows have both: 62 + 34 - 26 = 70.
    EXPECTED.put("placement.outside_stay", counts(70, 70));
    // The 70 rows with a stay book-out all have a book-out (the 16 open rows have no stay dates).
    EXPECTED.put("placement.open_in_closed_stay", counts(70, 0));
    // The 87 book-outs all have a release reason; the 16 NA reasons are the 16 NA book-outs.
    EXPECTED.put("placement.booked_out_without_reason", counts(87, 0));
    EXPECTED.put("placement.reason_without_book_out", counts(87, 0));
    // 70 stay release reasons (Removed 68, Transferred 1, U.S. Marshals 1), each with a stay book-out.
    EXPECTED.put("stay.reason_without_book_out", counts(70, 0));
    // Reasons: Transferred 74, Removed 12, "U.S. Marshals or other agency (explain in Detention
    // Comments)" 1: all in the vocabulary.
    EXPECTED.put("placement.unknown_release_reason", counts(87, 0));
    // unique_identifier is never NA (43 distinct ids).
    EXPECTED.put("person.missing_id", counts(103, 0));
    // No person has two rows with the same (book-in, book-out, code).
    EXPECTED.put("placement.duplicate", counts(103, 0));
    // 51 rows: each book-in (midnight of its day) is before the book-out of an earlier placement
    // of the person on that same day (a same-day transfer reads as an overlap because the join
    // truncated book-ins to the day); none overlaps an open placement.
    EXPECTED.put("person.overlapping_placements", counts(103, 51));
    // 17 rows end Transferred with no later placement of the person in the same stay (same
    // stay_book_in, NA counting as one stay): source rows 1, 9, 18, 22, 28, 32, 42, 49, 51, 64,
    // 67, 69, 72, 74, 76, 84, 101.
    EXPECTED.put("stay.transferred_without_next", counts(103, 17));
    // 1 row, source row 4: no book-out and no reason, booked in 2024-02-13, more than 365 days
    // before the extract date 2025-02-17 (its stay has no stay book-out, the person no later
    // book-in). The 15 other open rows were booked in within the year.
    EXPECTED.put("status.unknown", counts(103, 1));
    // All 19 codes are in the bundled reference.
    EXPECTED.put("facility.unknown_code", counts(103, 0));
    // 19 (code, name) pairs, one to one.
    EXPECTED.put("facility.code_several_names", counts(103, 0));
    EXPECTED.put("facility.name_several_codes", counts(103, 0));
    // The 74 Transferred rows are checked; none is followed in its stay by the same code.
    EXPECTED.put("placement.self_transfer", counts(74, 0));
    // ddp-2025 has no covers_from (release window start): NOT_APPLICABLE.
    EXPECTED.put("stay.implausibly_early", null);
    // Every row has a date; none is after the inferred extract date (the latest book-in/out).
    EXPECTED.put("placement.after_extract", counts(103, 0));
    // Every row has a date; all fall in 2024-2025, none before 1950 or after the run date.
    EXPECTED.put("placement.implausible_date", counts(103, 0));
    // Counted in Python from the file and the bundled facilities.csv's over_under_72 column: 57
    // placements have both dates at a code marked Under 72 or Over 72 (CSCNWWA 43 Over 72; YAKHOLD,
    // POOHOLD, SEAHOLD, BOIHOLD, BSAHOLD, IWAHOLD, FSF, JENATLA Under 72; JEFFEID, NVSDCNV,
    // DODGEWI, PINEPLA Over 72; WNTHOLD, RICHOLD, SPOHOLD, EPCDFTX, LAWINCI, FDLHOLD have no mark and
    // are not judged). One fails: row 88, JENATLA (ALEXANDRIA STAGING FACILITY, Under 72), book-in
    // 2025-02-11 (truncated to the day by the join), book-out 2025-02-15 07:05: 103.1 hours.
    EXPECTED.put("placement.hold_room_over_72h", counts(57, 1));
  }

  private static long[] counts(long checked, long failed) {
    return new long[] {checked, failed};
  }

  static Path realData(String name) {
    try {
      return Path.of(
          Objects.requireNonNull(RealDdpSampleTest.class.getResource("/realdata/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theRealSampleLoadsAsDdp2025AndEveryRuleCountsWhatWasCountedByHand(SparkSession spark) {
    try (AuditResult result =
        DetentionAudit.on(spark).input(realData("ddp-2025-wa-placements.csv").toString()).run()) {
      RunSummary run = result.runSummary();
      assertThat(run.inputs()).hasSize(1);
      RunSummary.InputSummary input = run.inputs().get(0);
      assertThat(input.layout()).isEqualTo("ddp-2025");
      assertThat(input.rowsRead()).isEqualTo(103);
      assertThat(input.rowsLoaded()).isEqualTo(103);
      assertThat(input.rowsQuarantined()).isZero();
      assertThat(input.rowsRead()).isEqualTo(input.rowsLoaded() + input.rowsQuarantined());
      assertThat(result.quarantine().count()).isZero();
      assertThat(run.extractDate()).startsWith("2025-02-17");

      List<RuleOutcome> outcomes = result.outcomes();
      assertThat(outcomes)
          .as("every rule in the output has a hand-checked count in EXPECTED")
          .allSatisfy(o -> assertThat(EXPECTED).containsKey(o.rule().id()));
      assertThat(outcomes.stream().map(o -> o.rule().id()))
          .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
      for (RuleOutcome outcome : outcomes) {
        long[] expected = EXPECTED.get(outcome.rule().id());
        if (expected == null) {
          assertThat(outcome.status()).as(outcome.rule().id()).isEqualTo(RuleStatus.NOT_APPLICABLE);
          assertThat(outcome.recordsChecked()).as(outcome.rule().id()).isNull();
        } else {
          assertThat(new long[] {outcome.recordsChecked(), outcome.recordsFailed()})
              .as(outcome.rule().id() + " {checked, failed}, expected " + Arrays.toString(expected))
              .containsExactly(expected);
        }
      }
      // findings.parquet holds one row per (record, failed rule)
      long failed = EXPECTED.values().stream().filter(Objects::nonNull).mapToLong(c -> c[1]).sum();
      assertThat(result.findings().count()).isEqualTo(failed);
    }
  }

  @Test
  void aRealFacilityListGivenAsFacilitiesExtendsTheReferenceTheRulesUse(SparkSession spark) {
    // UWCHR's list: 1,147 codes, 184 of them not in the bundled 1,698 (counted with Python's csv
    // module), so 1,882 codes; the sample's 19 codes are all in it.
    try (AuditResult result =
        DetentionAudit.on(spark)
            .input(realData("ddp-2025-wa-placements.csv").toString())
            .facilities(realData("uwchr-detloc-aor.csv"))
            .run()) {
      assertThat(result.runSummary().facilityReference().codes()).isEqualTo(1_882);
      assertThat(result.runSummary().facilityReference().source()).endsWith("uwchr-detloc-aor.csv");
      RuleOutcome unknownCode =
          result.outcomes().stream()
              .filter(o -> o.rule().id().equals("facility.unknown_code"))
              .findFirst()
              .orElseThrow();
      assertThat(unknownCode.recordsChecked()).isEqualTo(103);
      assertThat(unknownCode.recordsFailed()).isZero();
    }
  }
}

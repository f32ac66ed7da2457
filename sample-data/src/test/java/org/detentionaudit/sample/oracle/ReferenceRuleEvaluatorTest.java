package org.detentionaudit.sample.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.detentionaudit.sample.model.Facility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-made fixtures, one small person per case, named for their defect or near miss. */
class ReferenceRuleEvaluatorTest {

  static final LocalDateTime EXTRACT = LocalDateTime.of(2025, 6, 26, 0, 0);
  static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 10, 8, 0);

  /** A closed, well-formed placement of person P1 from T0+inDays to T0+outDays. */
  static Row row(int inDays, int outDays) {
    return new Row().bookIn(T0.plusDays(inDays)).bookOut(T0.plusDays(outDays));
  }

  static final LocalDate WINDOW = LocalDate.of(2011, 10, 1);

  static ReferenceRuleEvaluator evaluator() {
    return new ReferenceRuleEvaluator(EXTRACT, Set.of("ADLNTCA", "cscnwwa "), Optional.of(WINDOW));
  }

  static RuleCount evaluate(CoreRule rule, Row... rows) {
    ReferenceRuleEvaluator evaluator = evaluator();
    List<NormalizedPlacement> batch = new ArrayList<>();
    Arrays.stream(rows).forEach(r -> batch.add(r.build()));
    evaluator.accept(batch);
    return evaluator.counts().get(rule);
  }

  static RuleCount count(long checked, long failed) {
    return new RuleCount(checked, failed);
  }

  @Test
  void cleanStayOfTwoPlacementsFailsNothing() {
    Row first = row(0, 2).reason("Transferred").stay(T0, T0.plusDays(9), "Removed");
    Row second = row(2, 9).code("CSCNWWA").name("NORTHWEST ICE PROCESSING CENTER").reason("Removed").stay(T0, T0.plusDays(9), "Removed");
    ReferenceRuleEvaluator evaluator = evaluator();
    evaluator.accept(List.of(first.build(), second.build()));
    assertThat(evaluator.counts().values()).allSatisfy(c -> assertThat(c.recordsFailed()).isZero());
    assertThat(evaluator.counts()).hasSize(CoreRule.values().length);
  }

  @Nested
  class FacilityMissingCode {
    @Test
    void blankNaAndRedactedCodesAreMissing() {
      assertThat(evaluate(CoreRule.FACILITY_MISSING_CODE, row(0, 1).code(null), row(2, 3).code("  "), row(4, 5).code("NA"), row(6, 7).code("b)(4)")))
          .isEqualTo(count(4, 4));
    }

    @Test
    void nearMissLowerCaseCodeWithSpacesIsPresent() {
      assertThat(evaluate(CoreRule.FACILITY_MISSING_CODE, row(0, 1).code(" adlntca "))).isEqualTo(count(1, 0));
    }
  }

  @Nested
  class MissingBookIn {
    @Test
    void nullBookInFailsAndIsCheckedOnEveryRow() {
      assertThat(evaluate(CoreRule.PLACEMENT_MISSING_BOOK_IN, row(0, 1).bookIn(null), row(2, 3).person(null)))
          .isEqualTo(count(2, 1));
    }
  }

  @Nested
  class NegativeAndZeroLength {
    @Test
    void bookOutBeforeBookInIsNegative() {
      Row negative = new Row().bookIn(T0).bookOut(T0.minusMinutes(1));
      assertThat(evaluate(CoreRule.PLACEMENT_NEGATIVE_LENGTH, negative)).isEqualTo(count(1, 1));
      assertThat(evaluate(CoreRule.PLACEMENT_ZERO_LENGTH, negative)).isEqualTo(count(1, 0));
    }

    @Test
    void equalBookInAndOutIsZeroNotNegative() {
      Row zero = new Row().bookIn(T0).bookOut(T0);
      assertThat(evaluate(CoreRule.PLACEMENT_ZERO_LENGTH, zero)).isEqualTo(count(1, 1));
      assertThat(evaluate(CoreRule.PLACEMENT_NEGATIVE_LENGTH, zero)).isEqualTo(count(1, 0));
    }

    @Test
    void nearMissOneMinutePlacementPasses() {
      Row oneMinute = new Row().bookIn(T0).bookOut(T0.plusMinutes(1));
      assertThat(evaluate(CoreRule.PLACEMENT_ZERO_LENGTH, oneMinute)).isEqualTo(count(1, 0));
      assertThat(evaluate(CoreRule.PLACEMENT_NEGATIVE_LENGTH, oneMinute)).isEqualTo(count(1, 0));
    }

    @Test
    void rowsWithoutBothTimesAreNotChecked() {
      assertThat(evaluate(CoreRule.PLACEMENT_ZERO_LENGTH, new Row().bookIn(T0), new Row().bookOut(T0)))
          .isEqualTo(count(0, 0));
    }
  }

  @Nested
  class OutsideStay {
    @Test
    void bookInBeforeStayBookInFails() {
      Row early = row(0, 3).stay(T0.plusMinutes(1), T0.plusDays(3), "Removed");
      assertThat(evaluate(CoreRule.PLACEMENT_OUTSIDE_STAY, early)).isEqualTo(count(1, 1));
    }

    @Test
    void bookOutAfterStayBookOutFails() {
      Row late = row(0, 3).stay(T0, T0.plusDays(3).minusMinutes(1), "Removed");
      assertThat(evaluate(CoreRule.PLACEMENT_OUTSIDE_STAY, late)).isEqualTo(count(1, 1));
    }

    @Test
    void nearMissPlacementExactlyOnStayBoundsPasses() {
      assertThat(evaluate(CoreRule.PLACEMENT_OUTSIDE_STAY, row(0, 3).stay(T0, T0.plusDays(3), "Removed")))
          .isEqualTo(count(1, 0));
    }

    @Test
    void checkedWhenEitherComparisonIsDefined() {
      Row openInOpenStay = new Row().bookIn(T0).stay(T0, null, null);
      Row noStayBookIn = row(0, 3).stay(null, null, null);
      assertThat(evaluate(CoreRule.PLACEMENT_OUTSIDE_STAY, openInOpenStay, noStayBookIn)).isEqualTo(count(1, 0));
    }
  }

  @Nested
  class StatusFields {
    @Test
    void openPlacementInClosedStay() {
      Row open = new Row().bookIn(T0).stay(T0, T0.plusDays(3), "Removed");
      Row openInOpenStay = new Row().bookIn(T0.plusDays(5)).stay(T0.plusDays(5), null, null);
      // only the closed stay's placement is judged
      assertThat(evaluate(CoreRule.PLACEMENT_OPEN_IN_CLOSED_STAY, open, openInOpenStay)).isEqualTo(count(1, 1));
    }

    @Test
    void bookedOutWithoutReasonCountsNaAsMissing() {
      assertThat(evaluate(CoreRule.PLACEMENT_BOOKED_OUT_WITHOUT_REASON, row(0, 1).reason("NA"), row(2, 3).reason("Removed"), new Row().bookIn(T0)))
          .isEqualTo(count(2, 1)); // the open placement is not judged
    }

    @Test
    void reasonWithoutBookOutOnPlacementAndStay() {
      Row reasonOnOpen = new Row().bookIn(T0).reason("Removed").stay(T0, null, "Removed");
      assertThat(evaluate(CoreRule.PLACEMENT_REASON_WITHOUT_BOOK_OUT, reasonOnOpen, row(1, 2).reason("Removed")))
          .isEqualTo(count(2, 1));
      assertThat(evaluate(CoreRule.STAY_REASON_WITHOUT_BOOK_OUT, reasonOnOpen, row(1, 2).stay(T0, T0.plusDays(2), "Removed")))
          .isEqualTo(count(2, 1));
    }

    @Test
    void unknownReasonIsJudgedTrimmedAndIgnoringCase() {
      assertThat(
              evaluate(
                  CoreRule.PLACEMENT_UNKNOWN_RELEASE_REASON,
                  row(0, 1).reason("Released to family"),
                  row(2, 3).reason(" ORDER OF SUPERVISION "),
                  row(4, 5).reason("Transfered"),
                  new Row().bookIn(T0.plusDays(6))))
          .isEqualTo(count(3, 2));
    }
  }

  @Nested
  class MissingId {
    @Test
    void blankNaAndRedactedIdsAreMissing() {
      assertThat(
              evaluate(
                  CoreRule.PERSON_MISSING_ID,
                  row(0, 1).person(null),
                  row(0, 1).person(""),
                  row(0, 1).person("NA"),
                  row(0, 1).person("(b)(6), (b)(7)c"),
                  row(0, 1).person("b(6), b(7)C"),
                  row(0, 1)))
          .isEqualTo(count(6, 5));
    }
  }

  @Nested
  class Duplicate {
    @Test
    void laterCopyFailsEvenWithOtherCaseAndSpacesInCode() {
      assertThat(evaluate(CoreRule.PLACEMENT_DUPLICATE, row(0, 1).code("ADLNTCA"), row(0, 1).code(" adlntca ")))
          .isEqualTo(count(2, 1));
    }

    @Test
    void nullsCountAsEqual() {
      Row open = new Row().bookIn(T0).code(null);
      assertThat(evaluate(CoreRule.PLACEMENT_DUPLICATE, open, new Row().bookIn(T0).code("NA"))).isEqualTo(count(2, 1));
    }

    @Test
    void nearMissesDifferentBookOutOrPersonOrMissingId() {
      assertThat(evaluate(CoreRule.PLACEMENT_DUPLICATE, row(0, 1), row(0, 1).bookOut(T0.plusDays(1).plusMinutes(1))))
          .isEqualTo(count(2, 0));
      assertThat(evaluate(CoreRule.PLACEMENT_DUPLICATE, row(0, 1), row(0, 1).person("P2"))).isEqualTo(count(2, 0));
      assertThat(evaluate(CoreRule.PLACEMENT_DUPLICATE, row(0, 1).person(null), row(0, 1).person(null)))
          .isEqualTo(count(0, 0));
    }
  }

  @Nested
  class Overlap {
    @Test
    void bookInBeforePreviousBookOutFails() {
      assertThat(evaluate(CoreRule.PERSON_OVERLAPPING_PLACEMENTS, row(0, 2), new Row().bookIn(T0.plusDays(2).minusMinutes(1)).bookOut(T0.plusDays(4))))
          .isEqualTo(count(2, 1));
    }

    @Test
    void nearMissBookInEqualToPreviousBookOutPasses() {
      assertThat(evaluate(CoreRule.PERSON_OVERLAPPING_PLACEMENTS, row(0, 2), row(2, 4))).isEqualTo(count(2, 0));
    }

    @Test
    void openPlacementNeverEndsAndOrderIgnoresInputOrder() {
      Row open = new Row().bookIn(T0);
      Row later = row(30, 31);
      Row muchLater = row(60, 61);
      assertThat(evaluate(CoreRule.PERSON_OVERLAPPING_PLACEMENTS, muchLater, later, open)).isEqualTo(count(3, 2));
    }

    @Test
    void latestBookOutOfAllEarlierPlacementsCounts() {
      Row long_ = row(0, 30);
      Row shortInside = row(1, 2);
      Row afterShort = row(3, 4);
      assertThat(evaluate(CoreRule.PERSON_OVERLAPPING_PLACEMENTS, long_, shortInside, afterShort)).isEqualTo(count(3, 2));
    }

    @Test
    void rowsWithoutIdOrBookInAreNotChecked() {
      assertThat(evaluate(CoreRule.PERSON_OVERLAPPING_PLACEMENTS, row(0, 9).person(null), row(1, 2).person(null), row(0, 9).bookIn(null)))
          .isEqualTo(count(0, 0));
    }
  }

  @Nested
  class TransferredWithoutNext {
    @Test
    void transferredAsLastOfStayFails() {
      Row first = row(0, 2).reason("Transferred").stay(T0, T0.plusDays(4), "Transferred");
      Row last = row(2, 4).reason("transferred ").stay(T0, T0.plusDays(4), "Transferred");
      assertThat(evaluate(CoreRule.STAY_TRANSFERRED_WITHOUT_NEXT, first, last)).isEqualTo(count(2, 1));
    }

    @Test
    void nearMissTransferFollowedByNextPlacementPasses() {
      Row first = row(0, 2).reason("Transferred").stay(T0, T0.plusDays(4), "Removed");
      Row last = row(2, 4).reason("Removed").stay(T0, T0.plusDays(4), "Removed");
      assertThat(evaluate(CoreRule.STAY_TRANSFERRED_WITHOUT_NEXT, last, first)).isEqualTo(count(2, 0));
    }

    @Test
    void nextPlacementInAnotherStayDoesNotCount() {
      Row endOfStay1 = row(0, 2).reason("Transferred").stay(T0, T0.plusDays(2), "Transferred");
      Row stay2 = row(100, 101).reason("Removed").stay(T0.plusDays(100), T0.plusDays(101), "Removed");
      assertThat(evaluate(CoreRule.STAY_TRANSFERRED_WITHOUT_NEXT, endOfStay1, stay2)).isEqualTo(count(2, 1));
    }

    @Test
    void nullStayBookInIsOneGroup() {
      Row a = row(0, 2).reason("Transferred").stay(null, null, null);
      Row b = row(50, 52).reason("Removed").stay(null, null, null);
      assertThat(evaluate(CoreRule.STAY_TRANSFERRED_WITHOUT_NEXT, a, b)).isEqualTo(count(2, 0));
    }
  }

  @Nested
  class StatusUnknown {
    @Test
    void openWithoutReasonInClosedStayFails() {
      Row open = new Row().bookIn(EXTRACT.minusDays(10)).stay(EXTRACT.minusDays(10), EXTRACT.minusDays(1), "Removed");
      assertThat(evaluate(CoreRule.STATUS_UNKNOWN, open)).isEqualTo(count(1, 1));
    }

    @Test
    void openWithoutReasonBeforeALaterPlacementFails() {
      Row open = new Row().bookIn(EXTRACT.minusDays(10));
      Row later = new Row().bookIn(EXTRACT.minusDays(5));
      assertThat(evaluate(CoreRule.STATUS_UNKNOWN, open, later)).isEqualTo(count(2, 1));
    }

    @Test
    void openForMoreThan365DaysFailsButExactly365DaysPasses() {
      assertThat(evaluate(CoreRule.STATUS_UNKNOWN, new Row().bookIn(EXTRACT.minusDays(365).minusMinutes(1)))).isEqualTo(count(1, 1));
      assertThat(evaluate(CoreRule.STATUS_UNKNOWN, new Row().bookIn(EXTRACT.minusDays(365)))).isEqualTo(count(1, 0));
    }

    @Test
    void nearMissesReasonPresentOrRecentOpenPlacement() {
      Row withReason = new Row().bookIn(EXTRACT.minusDays(400)).reason("Removed");
      assertThat(evaluate(CoreRule.STATUS_UNKNOWN, withReason)).isEqualTo(count(1, 0));
      assertThat(evaluate(CoreRule.STATUS_UNKNOWN, new Row().bookIn(EXTRACT))).isEqualTo(count(1, 0));
    }

    @Test
    void stayBookOutOnAnyRowOfTheStayCounts() {
      LocalDateTime stayIn = EXTRACT.minusDays(10);
      Row open = new Row().bookIn(stayIn.plusDays(1)).stay(stayIn, null, null);
      Row other = new Row().bookIn(stayIn).bookOut(stayIn.plusDays(1)).reason("Transferred").stay(stayIn, stayIn.plusDays(2), "Removed");
      assertThat(evaluate(CoreRule.STATUS_UNKNOWN, open, other)).isEqualTo(count(2, 1));
    }
  }

  @Nested
  class FacilityReferenceAndConsistency {
    @Test
    void aCodeOutsideTheKnownListIsUnknownIgnoringCaseAndSpaces() {
      assertThat(evaluate(CoreRule.FACILITY_UNKNOWN_CODE, row(0, 1).code("ADLNTZZ"), row(2, 3).code(" CSCNWWA"), row(4, 5).code(null)))
          .isEqualTo(count(2, 1));
    }

    @Test
    void everyRowOfACodeSeenUnderTwoNamesFailsButCaseAndSpacesDoNotMakeANewName() {
      Row a = row(0, 1).name("NORTHWEST DET. CENTER").code("CSCNWWA");
      Row b = row(2, 3).name("TACOMA ICE PROCESSING CENTER").code("cscnwwa");
      Row c = row(4, 5); // ADLNTCA, ADELANTO
      Row d = row(6, 7).name(" adelanto ice processing center ");
      Row e = row(8, 9).name(null);
      assertThat(evaluate(CoreRule.FACILITY_CODE_SEVERAL_NAMES, a, b, c, d, e)).isEqualTo(count(4, 2));
      assertThat(evaluate(CoreRule.FACILITY_NAME_SEVERAL_CODES, a, b, c, d, e)).isEqualTo(count(4, 0));
    }

    @Test
    void everyRowOfANameSeenUnderTwoCodesFailsAcrossBatches() {
      ReferenceRuleEvaluator evaluator = evaluator();
      evaluator.accept(List.of(row(0, 1).name("ORANGE COUNTY JAIL").code("ORANGNY").build()));
      evaluator.accept(List.of(row(0, 1).person("P2").name("Orange County Jail").code("ORANGFL").build()));
      evaluator.accept(List.of(row(0, 1).person("P3").build()));
      assertThat(evaluator.counts().get(CoreRule.FACILITY_NAME_SEVERAL_CODES)).isEqualTo(count(3, 2));
    }
  }

  @Nested
  class HoldRoomOver72Hours {
    final List<Facility> reference =
        List.of(
            new Facility("SEAHOLD", "SEATTLE FIELD OFFICE HOLD ROOM", "SEA", "HOLD", "Under 72"),
            new Facility("CSCNWWA", "NW ICE PROCESSING CTR", "SEA", "CDF", "Over 72"),
            new Facility("SPOHOLD", "SPOKANE HOLD ROOM", "SEA", "HOLD", ""),
            new Facility("JEFFEKS", "JEFFERSON COUNTY JAIL", "KAN", "", "Under 72"),
            new Facility("JEFFENY", "JEFFERSON COUNTY JAIL", "BUF", "", "Under 72"));

    RuleCount judge(boolean byName, Row... rows) {
      ReferenceRuleEvaluator evaluator = new ReferenceRuleEvaluator(EXTRACT, reference, Optional.of(WINDOW), byName);
      evaluator.accept(Arrays.stream(rows).map(Row::build).toList());
      return evaluator.counts().get(CoreRule.PLACEMENT_HOLD_ROOM_OVER_72H);
    }

    @Test
    void moreThan72HoursAtAnUnder72FacilityFailsAndExactly72Passes() {
      assertThat(judge(false,
              new Row().bookIn(T0).bookOut(T0.plusHours(73)).code("SEAHOLD"), // fails
              new Row().bookIn(T0).bookOut(T0.plusHours(72)).code(" seahold "), // exactly 72 h: passes
              new Row().bookIn(T0).bookOut(T0.plusHours(71)).code("SEAHOLD"), // passes
              new Row().bookIn(T0).bookOut(T0.plusHours(72).plusMinutes(1)).code("SEAHOLD"), // fails
              new Row().bookIn(T0).bookOut(null).code("SEAHOLD"), // open: not judged
              new Row().bookIn(T0).bookOut(T0.plusDays(30)).code("CSCNWWA"), // Over 72: passes
              new Row().bookIn(T0).bookOut(T0.plusDays(30)).code("SPOHOLD"), // no mark: not judged
              new Row().bookIn(T0).bookOut(T0.plusDays(30)).code("ZZZHOLD"), // unknown: not judged
              new Row().bookIn(T0).bookOut(T0.plusDays(30)).code(null))) // no code: not judged
          .isEqualTo(count(5, 2));
    }

    @Test
    void byNameANameMatchingOneCodeIsJudgedAndAnAmbiguousOneIsNot() {
      assertThat(judge(true,
              new Row().bookIn(T0).bookOut(T0.plusHours(73)).code(null).name("Seattle Field Office Holdroom"), // fails
              new Row().bookIn(T0).bookOut(T0.plusDays(9)).code(null).name("JEFFERSON CO JAIL"), // ambiguous
              new Row().bookIn(T0).bookOut(T0.plusDays(9)).code(null).name("NW ICE PROCESSING CENTER"))) // Over 72
          .isEqualTo(count(2, 1));
    }

    @Test
    void namesAreComparedByTheirNormalForm() {
      assertThat(ReferenceRuleEvaluator.normalName(" Northwest Det. Ctr ")).isEqualTo("NORTHWEST DETENTION CENTER");
      assertThat(ReferenceRuleEvaluator.normalName("X CORR.FAC.")).isEqualTo("X CORRECTIONAL FACILITY");
      assertThat(ReferenceRuleEvaluator.normalName("SHERIFF'S CO HOLDROOM")).isEqualTo("SHERIFFS COUNTY HOLD ROOM");
      assertThat(ReferenceRuleEvaluator.normalName("--")).isNull();
    }

    @Test
    void unknownCodeByNameFailsOnlyNamesNoReferenceNameMatches() {
      ReferenceRuleEvaluator evaluator = new ReferenceRuleEvaluator(EXTRACT, reference, Optional.of(WINDOW), true);
      evaluator.accept(List.of(
          new Row().bookIn(T0).code(null).name("seattle field office hold room").build(),
          new Row().bookIn(T0).code(null).name("TACOMA ICE PROCESSING CENTER").build(),
          new Row().bookIn(T0).code(null).name("Jefferson County Jail").build(),
          new Row().bookIn(T0).code(null).name(null).build()));
      assertThat(evaluator.counts().get(CoreRule.FACILITY_UNKNOWN_CODE)).isEqualTo(count(3, 1));
    }
  }

  @Nested
  class SelfTransfer {
    @Test
    void aTransferToTheSameFacilityInTheSameStayFails() {
      Row first = row(0, 2).reason("Transferred").stay(T0, null, null);
      Row second = row(2, 4).code(" adlntca ").reason(" TRANSFERRED").stay(T0, null, null);
      Row third = row(4, 6).code("CSCNWWA").reason("Removed").stay(T0, null, null);
      assertThat(evaluate(CoreRule.PLACEMENT_SELF_TRANSFER, first, second, third)).isEqualTo(count(2, 1));
    }

    @Test
    void nearMissTheSameFacilityInTheNextStayPasses() {
      Row first = row(0, 2).reason("Transferred").stay(T0, T0.plusDays(2), "Transferred");
      Row next = row(30, 32).reason("Removed").stay(T0.plusDays(30), T0.plusDays(32), "Removed");
      assertThat(evaluate(CoreRule.PLACEMENT_SELF_TRANSFER, first, next)).isEqualTo(count(1, 0));
    }
  }

  @Nested
  class ImplausiblyEarly {
    @Test
    void aStayBeginningMoreThanTenYearsBeforeTheWindowFailsAndExactlyTenPasses() {
      LocalDateTime limit = LocalDateTime.of(2001, 10, 1, 0, 0);
      assertThat(evaluate(CoreRule.STAY_IMPLAUSIBLY_EARLY,
              row(0, 1).stay(limit.minusMinutes(1), null, null),
              row(2, 3).stay(limit, null, null),
              row(4, 5).stay(LocalDateTime.of(1995, 3, 1, 0, 0), null, null)))
          .isEqualTo(count(3, 2));
    }

    @Test
    void withoutAWindowNothingIsJudged() {
      ReferenceRuleEvaluator evaluator = new ReferenceRuleEvaluator(EXTRACT);
      evaluator.accept(List.of(row(0, 1).stay(LocalDateTime.of(1995, 3, 1, 0, 0), null, null).build()));
      assertThat(evaluator.counts().get(CoreRule.STAY_IMPLAUSIBLY_EARLY)).isEqualTo(count(0, 0));
    }
  }

  @Nested
  class AfterExtract {
    @Test
    void aDateAMinuteAfterTheExtractFailsAndOneAtTheExtractPasses() {
      assertThat(evaluate(CoreRule.PLACEMENT_AFTER_EXTRACT,
              new Row().bookIn(EXTRACT.minusDays(1)).bookOut(EXTRACT.plusMinutes(1)),
              new Row().bookIn(EXTRACT),
              new Row().bookIn(null)))
          .isEqualTo(count(2, 1));
    }
  }

  @Nested
  class ImplausibleDate {
    @Test
    void datesBefore1950OrAfterTheRunDateFailAndTheBoundsPass() {
      LocalDate runDate = LocalDate.of(2026, 12, 7);
      ReferenceRuleEvaluator evaluator =
          new ReferenceRuleEvaluator(EXTRACT, List.of(), Optional.empty(), false, runDate);
      evaluator.accept(List.of(
          new Row().person("A").bookIn(T0).bookOut(LocalDateTime.of(9999, 12, 31, 23, 59)).build(),
          new Row().person("B").bookIn(LocalDateTime.of(1, 1, 1, 0, 0)).bookOut(T0).build(),
          new Row().person("C").bookIn(LocalDateTime.of(1949, 12, 31, 23, 59)).build(),
          new Row().person("D").bookIn(T0).stay(T0, runDate.plusDays(1).atStartOfDay(), null).build(),
          // near misses: the bounds themselves
          new Row().person("E").bookIn(LocalDateTime.of(1950, 1, 1, 0, 0))
              .bookOut(runDate.atTime(23, 59, 59)).build(),
          // nulls never fail; no date at all is not judged
          new Row().person("F").bookIn(T0).build(),
          new Row().person("G").bookIn(null).build()));
      assertThat(evaluator.counts().get(CoreRule.PLACEMENT_IMPLAUSIBLE_DATE)).isEqualTo(count(6, 4));
    }
  }

  /** A fixture row of person P1 with mutable fields, built into a normalized placement. */
  static final class Row {
    private String person = "P1";
    private LocalDateTime stayBookIn;
    private LocalDateTime bookIn;
    private LocalDateTime bookOut;
    private LocalDateTime stayBookOut;
    private String code = "ADLNTCA";
    private String name = "ADELANTO ICE PROCESSING CENTER";
    private String reason;
    private String stayReason;
    private boolean stayGiven;

    Row person(String value) { person = value; return this; }
    Row bookIn(LocalDateTime value) { bookIn = value; return this; }
    Row bookOut(LocalDateTime value) { bookOut = value; return this; }
    Row code(String value) { code = value; return this; }
    Row name(String value) { name = value; return this; }
    Row reason(String value) { reason = value; return this; }

    Row stay(LocalDateTime in, LocalDateTime out, String stayReleaseReason) {
      stayBookIn = in;
      stayBookOut = out;
      stayReason = stayReleaseReason;
      stayGiven = true;
      return this;
    }

    NormalizedPlacement build() {
      LocalDateTime effectiveStayIn = stayGiven ? stayBookIn : bookIn;
      LocalDateTime effectiveStayOut = stayGiven ? stayBookOut : null;
      if (!stayGiven && bookOut != null && reason == null) {
        reason = "Removed";
      }
      return new NormalizedPlacement(person, effectiveStayIn, bookIn, bookOut, effectiveStayOut, code, name, reason, stayGiven ? stayReason : null);
    }
  }
}

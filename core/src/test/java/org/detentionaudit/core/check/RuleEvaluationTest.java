package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.rules.RuleCatalog;
import org.detentionaudit.rules.RuleKind;
import org.detentionaudit.rules.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each rule on records that fail it, near misses that pass it, nulls, and a layout that lacks its
 * columns. Source rows are 1-based positions in the fixture.
 */
@ExtendWith(SharedSpark.class)
class RuleEvaluationTest {
  private static final Set<CanonicalField> ALL_FIELDS = EnumSet.allOf(CanonicalField.class);
  private static final LocalDateTime EXTRACT = LocalDateTime.parse("2025-06-26T00:00");
  private final RuleCatalog catalog = RuleCatalog.builtIn();

  private RuleOutcome run(SparkSession spark, Placements p, RuleKind kind, List<Long> expectedFailingRows) {
    return run(spark, p, kind, expectedFailingRows, ALL_FIELDS);
  }

  private RuleOutcome run(
      SparkSession spark, Placements p, RuleKind kind, List<Long> expectedFailingRows, Set<CanonicalField> fields) {
    Rule rule = catalog.rule(kind);
    RuleEvaluation evaluation = RuleEvaluation.run(p.toDataset(spark), fields, List.of(rule), Optional.of(EXTRACT));
    List<Long> rows =
        evaluation.findings().where("rule_id = '" + rule.id() + "'").select("source_row").orderBy("source_row")
            .collectAsList().stream()
            .map(r -> r.getLong(0))
            .toList();
    assertThat(rows).as(rule.id() + " failing rows").containsExactlyElementsOf(expectedFailingRows);
    RuleOutcome outcome = evaluation.outcomes().get(0);
    if (outcome.status() != RuleStatus.NOT_APPLICABLE) {
      assertThat(outcome.recordsFailed()).isEqualTo(expectedFailingRows.size());
    }
    evaluation.findings().unpersist();
    return outcome;
  }

  @Test
  void facilityMissingCode(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", null, null, null, null, null) // fails
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", null, null, "X", null, null) // near miss: 1 char
        .add(null, null, null, null, null, null, null, null); // all null: fails
    RuleOutcome o = run(spark, p, RuleKind.FACILITY_MISSING_CODE, List.of(1L, 3L));
    assertThat(o.recordsChecked()).isEqualTo(3);
    assertThat(o.status()).isEqualTo(RuleStatus.FAIL);
  }

  @Test
  void negativeAndZeroLength(SparkSession spark) {
    Placements p = new Placements()
        .add("A", null, "2024-01-02 10:00", "2024-01-02 09:59", null, "F", "Removed", null) // negative
        .add("A", null, "2024-01-02 10:00", "2024-01-02 10:00", null, "F", "Removed", null) // zero
        .add("A", null, "2024-01-02 10:00", "2024-01-02 10:01", null, "F", "Removed", null) // one minute: passes
        .add("A", null, null, "2024-01-02 10:01", null, "F", "Removed", null) // null book_in: not checked
        .add("A", null, "2024-01-02 10:00", null, null, "F", null, null); // open: not checked
    RuleOutcome negative = run(spark, p, RuleKind.PLACEMENT_NEGATIVE_LENGTH, List.of(1L));
    assertThat(negative.recordsChecked()).isEqualTo(3);
    RuleOutcome zero = run(spark, p, RuleKind.PLACEMENT_ZERO_LENGTH, List.of(2L));
    assertThat(zero.recordsChecked()).isEqualTo(3);
    run(spark, p, RuleKind.PLACEMENT_MISSING_BOOK_IN, List.of(4L));
  }

  @Test
  void outsideStay(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-02 00:00", "2024-01-01 23:59", "2024-01-03 00:00", "2024-01-05 00:00", "F", "Transferred", null) // starts before stay
        .add("A", "2024-01-02 00:00", "2024-01-03 00:00", "2024-01-05 00:01", "2024-01-05 00:00", "F", "Removed", "Removed") // ends after stay
        .add("A", "2024-01-02 00:00", "2024-01-02 00:00", "2024-01-05 00:00", "2024-01-05 00:00", "F", "Removed", "Removed") // exactly on the edges
        .add("A", null, "2024-01-02 00:00", "2024-01-05 00:00", null, "F", "Removed", null) // no stay dates: not checked
        .add("A", "2024-01-02 00:00", "2024-01-02 00:00", null, null, "F", null, null); // open: first half checked, passes
    RuleOutcome o = run(spark, p, RuleKind.PLACEMENT_OUTSIDE_STAY, List.of(1L, 2L));
    assertThat(o.recordsChecked()).isEqualTo(4);
    RuleOutcome na = run(spark, p, RuleKind.PLACEMENT_OUTSIDE_STAY, List.of(),
        EnumSet.complementOf(EnumSet.of(CanonicalField.STAY_BOOK_OUT)));
    assertThat(na.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
    assertThat(na.recordsChecked()).isNull();
    assertThat(na.missingFields()).isEqualTo("stay_book_out");
  }

  @Test
  void statusFieldsAgreement(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", null, "2024-02-01 00:00", "F", null, "Removed") // open in closed stay
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-05 00:00", "2024-02-01 00:00", "F", null, "Removed") // out without reason
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", null, null, "F", "Removed", "Removed") // reason without book-out (both)
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-05 00:00", "2024-01-05 00:00", "F", "  removed ", "REMOVED") // fine; odd case
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-05 00:00", "2024-01-05 00:00", "F", "Released to family", "Removed"); // unknown reason
    run(spark, p, RuleKind.PLACEMENT_OPEN_IN_CLOSED_STAY, List.of(1L));
    run(spark, p, RuleKind.PLACEMENT_BOOKED_OUT_WITHOUT_REASON, List.of(2L));
    run(spark, p, RuleKind.PLACEMENT_REASON_WITHOUT_BOOK_OUT, List.of(3L));
    run(spark, p, RuleKind.STAY_REASON_WITHOUT_BOOK_OUT, List.of(3L));
    RuleOutcome unknown = run(spark, p, RuleKind.PLACEMENT_UNKNOWN_RELEASE_REASON, List.of(5L));
    assertThat(unknown.recordsChecked()).isEqualTo(3);
  }

  @Test
  void missingPersonId(SparkSession spark) {
    Placements p = new Placements()
        .add(null, null, "2024-01-01 00:00", null, null, "F", null, null)
        .add("0", null, "2024-01-01 00:00", null, null, "F", null, null);
    run(spark, p, RuleKind.PERSON_MISSING_ID, List.of(1L));
    RuleOutcome na = run(spark, p, RuleKind.PERSON_MISSING_ID, List.of(), EnumSet.complementOf(EnumSet.of(CanonicalField.PERSON_ID)));
    assertThat(na.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
  }

  @Test
  void duplicatesCompareTrimmedCaseInsensitiveWithNullsEqual(SparkSession spark) {
    Placements p = new Placements()
        .add("A", null, "2024-01-01 00:00", "2024-01-02 00:00", null, "ADLNTCA", "Removed", null) // 1 original
        .add("A", null, "2024-01-01 00:00", "2024-01-02 00:00", null, "OTHERCA", "Removed", null) // 2 other facility
        .add("A", null, "2024-01-01 00:00", "2024-01-02 00:00", null, " adlntca ", "Removed", null) // 3 dup of 1 (not adjacent)
        .add("A", null, "2024-01-01 00:00", "2024-01-02 00:01", null, "ADLNTCA", "Removed", null) // 4 near miss: one minute
        .add("B", null, "2024-01-01 00:00", "2024-01-02 00:00", null, "ADLNTCA", "Removed", null) // 5 other person
        .add("A", null, null, null, null, null, null, null) // 6 all null
        .add("A", null, null, null, null, null, null, null) // 7 dup of 6: nulls equal
        .add(null, null, "2024-01-01 00:00", "2024-01-02 00:00", null, "ADLNTCA", null, null) // 8 no person
        .add(null, null, "2024-01-01 00:00", "2024-01-02 00:00", null, "ADLNTCA", null, null) // 9 no person: not judged
        .add("a", null, "2024-01-01 00:00", "2024-01-02 00:00", null, "ADLNTCA", "Removed", null); // 10 person id case: dup of 1
    RuleOutcome o = run(spark, p, RuleKind.PLACEMENT_DUPLICATE, List.of(3L, 7L, 10L));
    assertThat(o.recordsChecked()).isEqualTo(8);
  }

  @Test
  void overlappingPlacements(SparkSession spark) {
    Placements p = new Placements()
        .add("A", null, "2024-01-01 00:00", "2024-01-10 00:00", null, "F1", "Transferred", null) // 1
        .add("A", null, "2024-01-10 00:00", "2024-01-20 00:00", null, "F2", "Transferred", null) // 2 starts exactly at previous end: ok
        .add("A", null, "2024-01-19 00:00", "2024-01-25 00:00", null, "F3", "Transferred", null) // 3 overlaps 2
        .add("A", null, "2024-02-01 00:00", null, null, "F4", null, null) // 4 open
        .add("A", null, "2024-03-01 00:00", "2024-03-02 00:00", null, "F5", "Removed", null) // 5 after an open placement: overlaps
        .add("A", null, null, "2024-01-05 00:00", null, "F6", "Removed", null) // 6 null book_in: not judged
        .add("B", null, "2024-01-05 00:00", "2024-01-06 00:00", null, "F1", "Removed", null) // 7 other person
        .add("B", null, "2024-01-01 00:00", "2024-01-04 00:00", null, "F1", "Transferred", null); // 8 input order differs from time order: ok
    RuleOutcome o = run(spark, p, RuleKind.PERSON_OVERLAPPING_PLACEMENTS, List.of(3L, 5L));
    assertThat(o.recordsChecked()).isEqualTo(7);
  }

  @Test
  void transferredWithoutNext(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-05 00:00", "2024-01-09 00:00", "F1", "Transferred", "Removed") // 1 has a next: ok
        .add("A", "2024-01-01 00:00", "2024-01-05 00:00", "2024-01-09 00:00", "2024-01-09 00:00", "F2", "Removed", "Removed") // 2 last: not a transfer
        .add("A", "2024-03-01 00:00", "2024-03-01 00:00", "2024-03-04 00:00", "2024-03-04 00:00", "F1", " TRANSFERRED", "Transferred") // 3 last of its stay: fails
        .add("A", "2024-05-01 00:00", "2024-05-01 00:00", "2024-05-04 00:00", null, "F1", "Transferred", null) // 4 a later stay exists but not this stay's: fails
        .add("B", null, "2024-05-01 00:00", "2024-05-04 00:00", null, "F1", "Transferred", null) // 5 null stay_book_in, alone: fails
        .add("B", null, "2024-05-04 00:00", null, null, "F2", null, null) // 6 same null stay: so 5 has a next
        .add(null, null, "2024-05-01 00:00", "2024-05-04 00:00", null, "F1", "Transferred", null); // 7 no person: not judged
    // 5 has a next placement in the same (null) stay, so only 3 and 4 fail.
    RuleOutcome o = run(spark, p, RuleKind.STAY_TRANSFERRED_WITHOUT_NEXT, List.of(3L, 4L));
    assertThat(o.recordsChecked()).isEqualTo(6);
  }

  @Test
  void statusUnknownEachTrigger(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2025-01-01 00:00", "2025-01-01 00:00", null, "2025-02-01 00:00", "F", null, "Removed") // 1 stay closed: fails
        .add("B", "2025-01-01 00:00", "2025-01-01 00:00", null, null, "F", null, null) // 2 later book-in below: fails
        .add("B", "2025-03-01 00:00", "2025-03-01 00:00", null, null, "F", null, null) // 3 latest, recent: ok
        .add("C", "2024-06-25 23:59", "2024-06-25 23:59", null, null, "F", null, null) // 4 365 days + 1 minute: fails
        .add("D", "2024-06-26 00:00", "2024-06-26 00:00", null, null, "F", null, null) // 5 exactly 365 days: ok
        .add("E", "2020-01-01 00:00", "2020-01-01 00:00", null, null, "F", "Removed", null) // 6 has a reason: ok
        .add(null, "2020-01-01 00:00", "2020-01-01 00:00", null, null, "F", null, null) // 7 no person: not judged
        .add("F", null, null, null, null, "F", null, null) // 8 no book_in: not judged
        .add("G", "2025-05-01 00:00", "2025-05-01 00:00", null, null, "F", null, null) // 9 its stay closed on row 10: fails
        .add("G", "2025-05-01 00:00", "2025-04-01 00:00", "2025-05-01 00:00", "2025-05-09 00:00", "F", "Removed", "Removed"); // 10
    RuleOutcome o = run(spark, p, RuleKind.STATUS_UNKNOWN, List.of(1L, 2L, 4L, 9L));
    assertThat(o.recordsChecked()).isEqualTo(8);
  }

  @Test
  void allRulesTogetherMatchRulesAlone(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-02 00:00", "2024-01-01 00:00", "2023-12-31 00:00", null, null, "Transferred", "Removed")
        .add("A", "2024-01-02 00:00", "2024-01-01 00:00", "2023-12-31 00:00", null, null, "Transferred", "Removed")
        .add(null, null, null, null, null, null, "bogus", null);
    RuleEvaluation all = RuleEvaluation.run(p.toDataset(spark), ALL_FIELDS, catalog.enabled(), Optional.of(EXTRACT));
    assertThat(all.outcomes()).hasSize(RuleKind.values().length);
    long findings = all.findings().count();
    assertThat(findings)
        .isEqualTo(
            all.outcomes().stream()
                .filter(o -> o.status() != RuleStatus.NOT_APPLICABLE)
                .mapToLong(RuleOutcome::recordsFailed)
                .sum());
    for (RuleOutcome outcome : all.outcomes()) {
      RuleEvaluation alone = RuleEvaluation.run(p.toDataset(spark), ALL_FIELDS, List.of(outcome.rule()), Optional.of(EXTRACT));
      assertThat(alone.outcomes().get(0)).as(outcome.rule().id()).isEqualTo(outcome);
    }
    List<Row> rows = all.findings().where("rule_id = 'placement.negative_length'").collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString(rows.get(0).fieldIndex("detail")))
        .isEqualTo("book_out 2023-12-31 00:00:00 is before book_in 2024-01-01 00:00:00");
  }
}

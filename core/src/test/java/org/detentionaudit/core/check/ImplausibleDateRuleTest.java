package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.RuleCatalog;
import org.detentionaudit.rules.RuleKind;
import org.detentionaudit.rules.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code placement.implausible_date}: dates before 1950 or after the run date fail, naming the
 * column and the value; the bounds themselves pass; nulls never fail; a layout without book_out
 * still judges book_in, one without book_in is NOT_APPLICABLE. The run date is fixed, not today.
 */
@ExtendWith(SharedSpark.class)
class ImplausibleDateRuleTest {
  private static final Set<CanonicalField> ALL_FIELDS = EnumSet.allOf(CanonicalField.class);
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 12, 7);
  private static final RuleContext CONTEXT =
      new RuleContext(
          Optional.of(LocalDateTime.parse("2025-06-26T00:00")),
          FacilityReference.bundled(),
          Optional.empty(),
          PlausibleTimestamps.until(RUN_DATE));
  private final RuleCatalog catalog = RuleCatalog.builtIn();

  private RuleEvaluation evaluate(SparkSession spark, Placements p, Set<CanonicalField> fields) {
    return RuleEvaluation.run(
        p.toDataset(spark), fields, List.of(catalog.rule(RuleKind.PLACEMENT_IMPLAUSIBLE_DATE)), CONTEXT);
  }

  /** source_row: detail of the failing records, in row order. */
  private List<String> failures(RuleEvaluation evaluation) {
    return evaluation.findings().orderBy("source_row").collectAsList().stream()
        .map(r -> r.getLong(r.fieldIndex("source_row")) + ": " + r.getString(r.fieldIndex("detail")))
        .toList();
  }

  @Test
  void datesBefore1950OrAfterTheRunDateFailAndTheBoundsPass(SparkSession spark) {
    Placements p =
        new Placements()
            .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "9999-12-31 23:59", null, "F", "Removed", null) // 1
            .add("A", "2024-01-01 00:00", "0001-01-01 00:00", "2024-02-01 00:00", null, "F", "Removed", null) // 2
            .add("A", "1949-12-31 23:59", "2024-01-01 00:00", "2024-02-01 00:00", "2026-12-08 00:00", "F", null, null) // 3
            .add("B", "1950-01-01 00:00", "1950-01-01 00:00", "2026-12-07 23:59:59", "2026-12-07 23:59:59", "F", null, null) // 4 bounds
            .add("B", "2024-01-01 00:00", "2024-01-01 00:00", null, null, "F", null, null) // 5 open: nulls pass
            .add("C", null, null, null, null, "F", null, null) // 6 no dates: not checked
            .add("C", null, "+192102-01-01 00:00", null, null, "F", null, null); // 7
    RuleEvaluation evaluation = evaluate(spark, p, ALL_FIELDS);
    assertThat(failures(evaluation))
        .containsExactly(
            "1: book_out 9999-12-31 23:59:00 is after the run date 2026-12-07",
            "2: book_in 0001-01-01 00:00:00 is before 1950-01-01",
            "3: stay_book_in 1949-12-31 23:59:00 is before 1950-01-01;"
                + " stay_book_out 2026-12-08 00:00:00 is after the run date 2026-12-07",
            "7: book_in +192102-01-01 00:00:00 is after the run date 2026-12-07");
    RuleOutcome outcome = evaluation.outcomes().get(0);
    assertThat(outcome.recordsChecked()).isEqualTo(6);
    assertThat(outcome.recordsFailed()).isEqualTo(4);
    assertThat(outcome.status()).isEqualTo(RuleStatus.FAIL);
  }

  @Test
  void oneImplausibleDateIsAWarning(SparkSession spark) {
    Placements p = new Placements();
    for (int i = 0; i < 1999; i++) {
      p.add("P" + i, null, "2024-01-01 00:00", "2024-01-02 00:00", null, "F", "Removed", null);
    }
    p.add("Z", null, "2024-01-01 00:00", "9999-12-31 00:00", null, "F", "Removed", null);
    RuleOutcome outcome = evaluate(spark, p, ALL_FIELDS).outcomes().get(0);
    assertThat(outcome.recordsFailed()).isEqualTo(1);
    assertThat(outcome.status()).as("1 in 2,000: above warn_at 0, not above fail_at 0.001").isEqualTo(RuleStatus.WARN);
  }

  @Test
  void aLayoutWithoutBookOutStillJudgesBookIn(SparkSession spark) {
    Placements p =
        new Placements()
            .add(null, null, "1900-05-01 00:00", null, null, "F", null, null)
            .add(null, null, "2024-05-01 00:00", null, null, "F", null, null);
    Set<CanonicalField> bookIns = EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.FACILITY_NAME);
    RuleEvaluation evaluation = evaluate(spark, p, bookIns);
    assertThat(failures(evaluation)).containsExactly("1: book_in 1900-05-01 00:00:00 is before 1950-01-01");
    assertThat(evaluation.outcomes().get(0).recordsChecked()).isEqualTo(2);

    Set<CanonicalField> noBookIn = EnumSet.allOf(CanonicalField.class);
    noBookIn.remove(CanonicalField.BOOK_IN);
    RuleOutcome lacking = evaluate(spark, p, noBookIn).outcomes().get(0);
    assertThat(lacking.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
    assertThat(lacking.missingFields()).isEqualTo("book_in");
  }

  @Test
  void theRangeEndsWithTheRunDatesLastMoment() {
    PlausibleTimestamps plausible = PlausibleTimestamps.until(RUN_DATE);
    assertThat(plausible.isImplausible(null)).isFalse();
    assertThat(plausible.isImplausible(LocalDateTime.parse("1950-01-01T00:00"))).isFalse();
    assertThat(plausible.isImplausible(LocalDateTime.parse("1949-12-31T23:59:59.999999"))).isTrue();
    assertThat(plausible.isImplausible(LocalDateTime.parse("2026-12-07T23:59:59.999999"))).isFalse();
    assertThat(plausible.isImplausible(LocalDateTime.parse("2026-12-08T00:00"))).isTrue();
  }
}

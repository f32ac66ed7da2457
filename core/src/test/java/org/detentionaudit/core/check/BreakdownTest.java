package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.detentionaudit.core.measure.FiscalYear;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.RuleCatalog;
import org.detentionaudit.rules.RuleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** breakdown.parquet: fiscal years by book-in, per facility, summing to the summary. */
@ExtendWith(SharedSpark.class)
class BreakdownTest {

  @Test
  void fiscalYearStartsOnTheFirstOfOctober(SparkSession spark) {
    Placements p = new Placements()
        .add("A", null, "2011-09-30 23:59", null, null, "F", null, null)
        .add("A", null, "2011-10-01 00:00", null, null, "F", null, null)
        .add("A", null, null, null, null, "F", null, null);
    List<Row> rows = p.toDataset(spark).select(FiscalYear.of(org.apache.spark.sql.functions.col("book_in"))).collectAsList();
    assertThat(rows).extracting(r -> r.isNullAt(0) ? null : r.getInt(0)).containsExactly(2011, 2012, null);
  }

  @Test
  void rowsSumToTheSummaryAndToTheRecordsLoaded(SparkSession spark) {
    Placements p = new Placements()
        .add("A", null, "2011-09-30 10:00", "2011-09-30 09:00", null, "ADLNTCA", "Removed", null) // FY2011 negative
        .add("B", null, "2011-10-01 10:00", "2011-10-01 09:00", null, "ADLNTCA", "Removed", null) // FY2012 negative
        .add("C", null, "2011-10-02 10:00", "2011-10-03 09:00", null, "ADLNTCA", "Removed", null) // FY2012 fine
        .add("D", null, "2012-01-02 10:00", "2012-01-03 09:00", null, null, "Removed", null) // no facility
        .add("E", null, null, "2012-01-03 09:00", null, "CSCNWWA", "Removed", null); // no book-in
    RuleEvaluation evaluation =
        RuleEvaluation.run(
            p.toDataset(spark),
            EnumSet.allOf(CanonicalField.class),
            RuleCatalog.builtIn().enabled(),
            new RuleContext(
                Optional.of(LocalDateTime.parse("2025-06-26T00:00")),
                FacilityReference.bundled(),
                Optional.of(LocalDate.of(2011, 10, 1))));
    List<Row> rows = evaluation.breakdown().collectAsList();
    assertThat(evaluation.breakdown().columns()).containsExactlyElementsOf(RuleEvaluation.BREAKDOWN_COLUMNS);

    long loaded = rows.stream().filter(r -> r.isNullAt(0)).mapToLong(r -> r.getLong(4)).sum();
    assertThat(loaded).isEqualTo(5);
    for (RuleOutcome outcome : evaluation.outcomes()) {
      String id = outcome.rule().id();
      long checked = rows.stream().filter(r -> id.equals(r.getString(0))).mapToLong(r -> r.getLong(4)).sum();
      long failed = rows.stream().filter(r -> id.equals(r.getString(0))).mapToLong(r -> r.getLong(5)).sum();
      assertThat(checked).as(id).isEqualTo(outcome.recordsChecked());
      assertThat(failed).as(id).isEqualTo(outcome.recordsFailed());
    }
    String negative = RuleKind.PLACEMENT_NEGATIVE_LENGTH.id();
    assertThat(rows.stream().filter(r -> negative.equals(r.getString(0))).map(r -> r.get(1) + " " + r.get(2) + " " + r.get(4) + " " + r.get(5)))
        .containsExactlyInAnyOrder("2011 ADLNTCA 1 1", "2012 ADLNTCA 2 1", "2012 null 1 0");
    assertThat(rows.stream().filter(r -> r.isNullAt(0) && r.isNullAt(1)).map(r -> r.get(2) + " " + r.get(4)))
        .containsExactly("CSCNWWA 1");
    assertThat(rows).extracting(r -> r.<String>getAs("missing_fields")).containsOnly("");
    evaluation.findings().unpersist();
  }

  /**
   * An initial book-in table has names but no codes: every row's facility_code is null because the
   * layout has none, which missing_fields says (not because records lack a code).
   */
  @Test
  void aLayoutWithoutCodesSaysSoOnEveryRow(SparkSession spark) {
    Placements p = new Placements()
        .add(null, null, "2011-10-02 10:00", null, null, null, null, null)
        .add(null, null, null, null, null, null, null, null);
    RuleEvaluation evaluation =
        RuleEvaluation.run(
            p.toDataset(spark),
            EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.FACILITY_NAME),
            RuleCatalog.builtIn().enabled(),
            Optional.empty());
    List<Row> rows = evaluation.breakdown().collectAsList();
    assertThat(rows).isNotEmpty();
    assertThat(rows).extracting(r -> r.<String>getAs("missing_fields")).containsOnly("facility_code");
    evaluation.findings().unpersist();
  }
}

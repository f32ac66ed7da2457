package org.detentionaudit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet timestamp far in the future (year 192102, issue 13: $62.8 billion from one record) is
 * flagged and set aside; the run date that ends the plausible range is the audit's, not the clock's.
 */
@ExtendWith(SharedSpark.class)
class ImplausibleParquetDatesTest {
  private static final StructType DDP_2025_SNAKE_CASE =
      new StructType()
          .add("unique_identifier", DataTypes.StringType)
          .add("stay_book_in_date_time", DataTypes.TimestampNTZType)
          .add("book_in_date_time", DataTypes.TimestampNTZType)
          .add("detention_book_out_date_time", DataTypes.TimestampNTZType)
          .add("stay_book_out_date_time", DataTypes.TimestampNTZType)
          .add("detention_facility_code", DataTypes.StringType)
          .add("detention_facility", DataTypes.StringType)
          .add("detention_release_reason", DataTypes.StringType)
          .add("stay_release_reason", DataTypes.StringType);

  @TempDir Path dir;

  private static Row placement(String person, LocalDateTime in, LocalDateTime out) {
    return RowFactory.create(
        person, in, in, out, out, "AKCOOKI", "COOK INLET PRETRIAL (ANCHORAGE)", "Removed", "Removed");
  }

  private Path parquet(SparkSession spark, List<Row> rows) {
    Path out = dir.resolve("placements.parquet");
    spark.createDataFrame(rows, DDP_2025_SNAKE_CASE).coalesce(1).write().parquet(out.toString());
    return out;
  }

  private static RuleSummaryRow rule(RunSummary summary, String id) {
    return summary.rules().stream().filter(r -> r.ruleId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aTimestampInYear192102AddsNoBedDaysAndNoCost(SparkSession spark) {
    LocalDateTime in = LocalDateTime.of(2024, 1, 2, 10, 0);
    Path input =
        parquet(
            spark,
            List.of(
                placement("P1", in, in.plusDays(3)),
                placement("P2", in, LocalDateTime.of(192102, 1, 1, 0, 0)),
                placement("P3", LocalDateTime.of(192102, 1, 1, 0, 0), null)));
    try (AuditResult result =
        DetentionAudit.on(spark).input(input.toString()).runDate(LocalDate.of(2026, 12, 7)).run()) {
      RunSummary summary = result.runSummary();
      assertThat(summary.rowsLoaded()).isEqualTo(3);
      assertThat(summary.extractDate()).isEqualTo("2024-01-05T10:00:00");
      assertThat(summary.cost().bedDays()).as("P1's three nights only").isEqualTo(3);
      assertThat(summary.cost().estimatedCost()).as("3 x $142.66").isCloseTo(427.98, org.assertj.core.data.Offset.offset(0.001));
      assertThat(summary.cost().byFiscalYear()).extracting(y -> y.fiscalYear()).containsExactly(2024);
      assertThat(summary.cost().recordsLengthUnknown()).isEqualTo(2);
      assertThat(summary.dataset().lastBookIn()).isEqualTo("2024-01-02T10:00:00");
      assertThat(summary.dataset().implausibleTimestamps()).isEqualTo(2);
      assertThat(rule(summary, "placement.implausible_date").recordsFailed()).isEqualTo(2);
      assertThat(rule(summary, "status.unknown").recordsFailed()).isZero();
      assertThat(
              result.breakdown().where("rule_id IS NULL").orderBy("fiscal_year").collectAsList().stream()
                  .map(r -> r.isNullAt(r.fieldIndex("fiscal_year")) ? null : r.<Integer>getAs("fiscal_year"))
                  .toList())
          .as("P3's book-in in year 192102 gives no fiscal year")
          .containsExactly(null, 2024);
      assertThat(
              result.findings().where("rule_id = 'placement.implausible_date'").orderBy("person_id")
                  .collectAsList().stream().map(r -> r.<String>getAs("detail")).toList())
          .containsExactly(
              "book_out +192102-01-01 00:00:00 is after the run date 2026-12-07;"
                  + " stay_book_out +192102-01-01 00:00:00 is after the run date 2026-12-07",
              "stay_book_in +192102-01-01 00:00:00 is after the run date 2026-12-07;"
                  + " book_in +192102-01-01 00:00:00 is after the run date 2026-12-07");
    }
  }

  @Test
  void theRunDateEndsThePlausibleRange(SparkSession spark) {
    LocalDateTime in = LocalDateTime.of(2024, 1, 2, 10, 0);
    Path input =
        parquet(spark, List.of(placement("P1", in, in.plusDays(3)), placement("P2", in, in.plusDays(1))));
    // Audited as if on 3 January 2024: P1's book-out (5 January) has not happened yet.
    try (AuditResult result =
        DetentionAudit.on(spark).input(input.toString()).runDate(LocalDate.of(2024, 1, 3)).run()) {
      RunSummary summary = result.runSummary();
      assertThat(rule(summary, "placement.implausible_date").recordsFailed()).isEqualTo(1);
      assertThat(summary.extractDate()).isEqualTo("2024-01-03T10:00:00");
      assertThat(summary.cost().bedDays()).isEqualTo(1);
    }
  }
}

package org.detentionaudit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link DetentionAudit#layoutFiles}: a layout described in YAML is detected, named and judged. */
@ExtendWith(SharedSpark.class)
class UserLayoutFileTest {
  @TempDir Path dir;

  @Test
  void userLayoutIsDetectedAndOnlyItsFieldsAreJudged(SparkSession spark) throws IOException {
    Path yaml =
        Files.writeString(
            dir.resolve("county-jail.yaml"),
            String.join(
                "\n",
                "name: county-jail-bookings",
                "max_preamble_lines: 2",
                "date_formats: ['dd.MM.yyyy HH:mm']",
                "fields:",
                "  book_in: [Booked]",
                "  book_out: [Released]",
                "  facility_code: [Jail Code]",
                "other_columns: [Charge]",
                ""));
    Path csv =
        Files.write(
            dir.resolve("bookings.csv"),
            List.of(
                "County bookings export",
                "Booked,Released,Jail Code,Charge",
                "02.01.2020 10:00,01.01.2020 09:00,KRO,x",
                "03.01.2020 10:00,,,y"));
    try (AuditResult result =
        DetentionAudit.on(spark).input(csv.toString()).layoutFiles(List.of(yaml)).run()) {
      assertThat(result.runSummary().inputs().get(0).layout()).isEqualTo("county-jail-bookings");
      assertThat(result.runSummary().inputs().get(0).rowsLoaded()).isEqualTo(2);
      RuleSummaryRow negative = find(result, "placement.negative_length");
      assertThat(negative.recordsChecked()).isEqualTo(1);
      assertThat(negative.recordsFailed()).isEqualTo(1);
      assertThat(find(result, "facility.missing_code").recordsFailed()).isEqualTo(1);
      RuleSummaryRow missingId = find(result, "person.missing_id");
      assertThat(missingId.status()).isEqualTo("NOT_APPLICABLE");
      assertThat(missingId.missingFields()).isEqualTo("person_id");
    }
  }

  @Test
  void missingLayoutFileIsAnInputError(SparkSession spark) {
    Path absent = dir.resolve("absent.yaml");
    assertThatThrownBy(() -> DetentionAudit.on(spark).layoutFiles(List.of(absent)))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Cannot read layout file '" + absent + "'");
  }

  private static RuleSummaryRow find(AuditResult result, String ruleId) {
    return result.runSummary().rules().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }
}

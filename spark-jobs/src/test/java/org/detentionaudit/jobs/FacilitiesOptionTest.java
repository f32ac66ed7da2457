package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --facilities FILE.csv} extends the bundled reference, and summary.json says so. */
@ExtendWith(SharedSpark.class)
class FacilitiesOptionTest {
  private static final String HEADER =
      "Stay Book In Date Time,Book In Date Time,Detention Facility,Detention Facility Code,"
          + "Detention Book Out Date Time,Stay Book Out Date Time,Detention Release Reason,"
          + "Stay Book Out Date,Stay Release Reason,Gender,Unique Identifier";

  @TempDir Path dir;

  @Test
  void aCodeInTheUsersListIsKnownAndTheReferenceUsedIsRecorded(SparkSession spark) throws IOException {
    Path input =
        Files.writeString(
            dir.resolve("two.csv"),
            HEADER
                + "\n2024-01-01 10:00:00,2024-01-01 10:00:00,NEW PLACE,NEWPLCX,2024-01-09 10:00:00,"
                + "2024-01-09 10:00:00,Removed,2024-01-09,Removed,Male,P1"
                + "\n2024-02-01 10:00:00,2024-02-01 10:00:00,ADELANTO ICE PROCESSING CENTER,ADLNTCA,"
                + "2024-02-09 10:00:00,2024-02-09 10:00:00,Removed,2024-02-09,Removed,Male,P2\n");
    RunSummary bundled = audit(input, "bundled-out");
    assertThat(unknownCode(bundled).recordsFailed()).isEqualTo(1);
    assertThat(unknownCode(bundled).recordsChecked()).isEqualTo(2);
    assertThat(bundled.facilityReference().source()).isEqualTo("bundled");

    // the user's list adds NEWPLCX and replaces ADLNTCA (still known)
    Path list =
        Files.writeString(
            dir.resolve("my-facilities.csv"),
            "Facility Code,Facility Name,Per Diem Rate\nnewplcx,NEW PLACE,90.00\nADLNTCA,ADELANTO,b)(4)\n");
    RunSummary extended = audit(input, "extended-out", "--facilities", list.toString());
    assertThat(unknownCode(extended).recordsFailed()).isZero();
    assertThat(extended.facilityReference().source()).isEqualTo("bundled + " + list);
    assertThat(extended.facilityReference().codes()).isEqualTo(bundled.facilityReference().codes() + 1);
    assertThat(extended.facilityReference().rows()).isEqualTo(bundled.facilityReference().rows() + 2);
    assertThat(Files.readString(dir.resolve("extended-out/summary.json")))
        .contains("\"facility_reference\"")
        .contains("\"source\" : \"bundled + " + list + "\"");

    // facilities.parquet: the cost follows the reference in use; a b)(4) rate is cost-unknown
    Row unknown = facility(spark, "bundled-out", "NEWPLCX");
    assertThat(unknown.<Boolean>getAs("in_reference")).isFalse();
    assertThat(unknown.<String>getAs("cost_status")).isEqualTo("not_in_reference");
    Row rated = facility(spark, "extended-out", "NEWPLCX");
    assertThat(rated.<Boolean>getAs("in_reference")).isTrue();
    assertThat(rated.<Double>getAs("per_diem_rate")).isEqualTo(90.0);
    assertThat(rated.<Long>getAs("bed_days")).isEqualTo(8);
    assertThat(rated.<Double>getAs("estimated_cost")).isEqualTo(720.0);
    Row redacted = facility(spark, "extended-out", "ADLNTCA");
    assertThat(redacted.<String>getAs("cost_status")).isEqualTo("rate_redacted");
    assertThat(redacted.<Double>getAs("estimated_cost")).isNull();
    assertThat(extended.cost().bedDaysCostUnknown()).isEqualTo(redacted.<Long>getAs("bed_days"));

    // report.html shows that facility's bed-days as cost-unknown, and the unknown share up front
    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(dir.resolve("extended-out/report.html").toFile(), "UTF-8");
    org.jsoup.nodes.Element row =
        page.select("section#cost table.facility-costs tr").stream()
            .filter(tr -> tr.text().startsWith("ADLNTCA"))
            .findFirst()
            .orElseThrow();
    assertThat(row.text()).contains("b)(4)", "unknown", "rate redacted");
    assertThat(row.select("[data-column=bed_days]").text()).isEqualTo("8");
    assertThat(page.selectFirst("#cost-unknown").text()).contains("50.0%");
  }

  private Row facility(SparkSession spark, String output, String code) {
    return spark.read().parquet(dir.resolve(output).resolve("facilities.parquet").toString())
        .where(functions.col("facility_code").equalTo(code))
        .first();
  }

  private RunSummary audit(Path input, String output, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("--input", input.toString()));
    args.addAll(List.of(extra));
    return AuditRun.of(dir.resolve(output), args.toArray(new String[0])).summary();
  }

  private static RuleSummaryRow unknownCode(RunSummary summary) {
    return AuditRun.rule(summary, "facility.unknown_code");
  }
}

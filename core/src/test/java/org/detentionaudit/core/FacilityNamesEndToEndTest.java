package org.detentionaudit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.measure.FacilitySummary;
import org.detentionaudit.core.measure.FacilityUse;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names count as a facility key: files whose layout has facility names but no codes, audited end to
 * end. Names that the bundled reference lists (under another spelling) are in the reference, names
 * under several codes are ambiguous, and the hold-room rule judges names that match one code.
 */
@ExtendWith(SharedSpark.class)
class FacilityNamesEndToEndTest {
  @TempDir Path dir;

  @Test
  void anInitialBookInTableMatchesItsNamesAndCannotJudgeLengths(SparkSession spark) throws IOException {
    Path csv =
        Files.write(
            dir.resolve("book-ins.csv"),
            List.of(
                "Book In Date,Detention Facility,Date of Birth,Gender,Country of Citizenship,"
                    + "Apprehension Method,Most Serious Conviction",
                "1/2/2018,SEATTLE FIELD OFFICE HOLD ROOM,,M,X,CAP,", // SEAHOLD
                "1/3/2018,SEATTLE FIELD OFFICE HOLD ROOM,,F,X,CAP,",
                "1/4/2018,NORTHWEST DET. CENTER,,M,X,CAP,", // CSCNWWA (NORTHWEST DETENTION CENTER)
                "1/5/2018,TACOMA ICE PROCESSING CENTER,,M,X,CAP,", // a later name no list has
                "1/6/2018,JEFFERSON COUNTY JAIL,,M,X,CAP,", // seven codes: ambiguous
                "1/7/2018,Yakima County Dept. of Corrections,,M,X,CAP,", // YIKIMWA
                "1/8/2018,,,M,X,CAP,")); // no name
    try (AuditResult result = DetentionAudit.on(spark).input(csv.toString()).run()) {
      assertThat(result.runSummary().inputs().get(0).layout()).isEqualTo("ice-initial-book-ins");
      RuleSummaryRow unknown = find(result, "facility.unknown_code");
      assertThat(unknown.recordsChecked()).isEqualTo(6);
      assertThat(unknown.recordsFailed()).isEqualTo(1);
      assertThat(result.findings().where("rule_id = 'facility.unknown_code'").first().<String>getAs("facility_name"))
          .isEqualTo("TACOMA ICE PROCESSING CENTER");
      RuleSummaryRow holdRoom = find(result, "placement.hold_room_over_72h");
      assertThat(holdRoom.status()).isEqualTo("NOT_APPLICABLE");
      assertThat(holdRoom.missingFields()).isEqualTo("book_out");

      assertThat(result.runSummary().facilities())
          .isEqualTo(new FacilitySummary("facility_name", 5, 1, 1, 1));
      Map<String, FacilityUse> byName = byName(result);
      assertThat(byName.get("SEATTLE FIELD OFFICE HOLD ROOM").inReference()).isTrue();
      assertThat(byName.get("SEATTLE FIELD OFFICE HOLD ROOM").keyedBy()).isEqualTo("facility_name");
      assertThat(byName.get("NORTHWEST DET. CENTER").inReference()).isTrue();
      assertThat(byName.get("TACOMA ICE PROCESSING CENTER").inReference()).isFalse();
      assertThat(byName.get("JEFFERSON COUNTY JAIL").inReference()).isTrue();
      assertThat(byName.get("JEFFERSON COUNTY JAIL").perDiemRate()).as("no rate chosen among seven").isNull();
      assertThat(byName.get("Yakima County Dept. of Corrections").perDiemRate()).isEqualTo(84.51);
    }
  }

  @Test
  void aNamesOnlyLayoutWithBookOutsJudgesHoldRoomsAndCostsByName(SparkSession spark) throws IOException {
    Path yaml =
        Files.writeString(
            dir.resolve("names.yaml"),
            String.join(
                "\n",
                "name: names-with-book-out",
                "max_preamble_lines: 0",
                "date_formats: ['M/d/yyyy H:mm']",
                "fields:",
                "  book_in: [Book In]",
                "  book_out: [Book Out]",
                "  facility_name: [Facility]",
                ""));
    Path csv =
        Files.write(
            dir.resolve("placements.csv"),
            List.of(
                "Book In,Book Out,Facility",
                "1/1/2024 0:00,1/4/2024 1:00,Seattle Field Office Holdroom", // 1 73 h at SEAHOLD: fails
                "1/1/2024 0:00,1/4/2024 0:00,SEATTLE FIELD OFFICE HOLD ROOM", // 2 exactly 72 h: passes
                "1/1/2024 0:00,1/3/2024 23:00,ALBUQUERQUE HOLD ROOM", // 3 71 h: passes
                "1/1/2024 0:00,1/11/2024 0:00,JEFFERSON COUNTY JAIL", // 4 ambiguous: not checked
                "1/1/2024 0:00,1/11/2024 0:00,TACOMA ICE PROCESSING CENTER", // 5 unmatched: not checked
                "1/1/2024 0:00,1/11/2024 0:00,ANNE ARUNDEL CO ORDNANCE ROAD CORR CTR", // 6 Over 72: passes
                "1/1/2024 0:00,,SEATTLE FIELD OFFICE HOLD ROOM")); // 7 open: not judged
    try (AuditResult result =
        DetentionAudit.on(spark)
            .input(csv.toString())
            .layoutFiles(List.of(yaml))
            .layout("names-with-book-out")
            .run()) {
      RuleSummaryRow holdRoom = find(result, "placement.hold_room_over_72h");
      assertThat(holdRoom.recordsChecked()).isEqualTo(4);
      assertThat(holdRoom.recordsFailed()).isEqualTo(1);
      Row finding = result.findings().where("rule_id = 'placement.hold_room_over_72h'").first();
      assertThat(finding.<Long>getAs("source_row")).isEqualTo(1L);
      assertThat(finding.<String>getAs("detail"))
          .contains("held 73.0 hours", "Seattle Field Office Holdroom (reference code SEAHOLD)");
      RuleSummaryRow unknown = find(result, "facility.unknown_code");
      assertThat(unknown.recordsFailed()).isEqualTo(1);

      Map<String, FacilityUse> byName = byName(result);
      FacilityUse anneArundel = byName.get("ANNE ARUNDEL CO ORDNANCE ROAD CORR CTR");
      assertThat(anneArundel.perDiemRate()).as("AAORDMD's tiered rate, read as 118.00").isEqualTo(118.0);
      assertThat(anneArundel.costStatus()).isEqualTo("known");
      assertThat(anneArundel.estimatedCost()).isEqualTo(10 * 118.0);
      assertThat(byName.get("JEFFERSON COUNTY JAIL").costStatus()).isEqualTo("ambiguous_name");
      assertThat(byName.get("TACOMA ICE PROCESSING CENTER").costStatus()).isEqualTo("not_in_reference");
      assertThat(result.runSummary().facilities().ambiguous()).isEqualTo(1);
    }
  }

  private static Map<String, FacilityUse> byName(AuditResult result) {
    return result.facilityUse().stream()
        .filter(f -> f.facilityCode() != null)
        .collect(Collectors.toMap(FacilityUse::facilityCode, Function.identity()));
  }

  private static RuleSummaryRow find(AuditResult result, String ruleId) {
    return result.runSummary().rules().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }
}

package org.detentionaudit.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.detentionaudit.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacilityReferenceTest {
  private static final FacilityReference BUNDLED = FacilityReference.bundled();

  @TempDir Path dir;

  @Test
  void theBundledTableKnowsBothListsCodes() {
    // in the 2017 list only, in both, and in the 2025 release only
    assertThat(BUNDLED.find("ABRDNWA")).get().satisfies(e -> assertThat(e.sources()).containsExactly("ice-2017"));
    assertThat(BUNDLED.find("ABRXSPA")).get().satisfies(e -> {
      assertThat(e.sources()).containsExactly("ice-2017", "ddp-2025-02");
      assertThat(e.rateRedacted()).isTrue();
      assertThat(e.perDiemRate()).isNull();
      assertThat(e.perDiemText()).isEqualTo("b)(4)");
    });
    assertThat(BUNDLED.find("AAORDMD")).get().satisfies(e -> {
      assertThat(e.perDiem().kind()).isEqualTo(PerDiem.Kind.TIERED);
      assertThat(e.perDiemRate()).isEqualTo(118.0);
    });
    assertThat(BUNDLED.size()).isBetween(1_600, 1_800);
    assertThat(BUNDLED.description()).isEqualTo("bundled");
    assertThat(BUNDLED.rows()).isGreaterThan(BUNDLED.size());
  }

  @Test
  void theRedactedCodeOfThe2017ListIsNoFacility() {
    assertThat(BUNDLED.contains("Redacted")).isFalse();
  }

  @Test
  void lookUpsTrimAndIgnoreCaseAndNeverMatchBlank() {
    assertThat(BUNDLED.contains(" abrxspa ")).isTrue();
    assertThat(BUNDLED.contains(null)).isFalse();
    assertThat(BUNDLED.contains("  ")).isFalse();
    assertThat(BUNDLED.contains("ZZZZZZZ")).isFalse();
  }

  @Test
  void aCodeWithSeveralRowsKeepsEveryNameAndTheFirstPerDiem() throws IOException {
    Path file = write("facilities.csv",
        "Facility Code,FACILITY_NAME,per diem rate,operator\n"
            + "NEWFAC1,FIRST NAME,,county\n"
            + "newfac1,Second Name,75.50,county\n"
            + "NEWFAC1,first name,80.00,county\n");
    FacilityEntry entry = BUNDLED.withUserFile(file).find("NEWFAC1").orElseThrow();
    assertThat(entry.names()).containsExactly("FIRST NAME", "Second Name");
    assertThat(entry.perDiemRate()).isEqualTo(75.5);
    assertThat(entry.sources()).containsExactly("facilities.csv");
  }

  @Test
  void aCodeInTheUserFileReplacesTheBundledEntryAndOtherCodesAreAdded() throws IOException {
    Path file = write("mine.csv", "facility_code,facility_name,per_diem_rate\nabrxspa,ABRAXAS RENAMED,99.00\nNEWFAC1,NEW,\n");
    FacilityReference reference = BUNDLED.withUserFile(file);
    assertThat(reference.find("ABRXSPA")).get().satisfies(e -> {
      assertThat(e.names()).containsExactly("ABRAXAS RENAMED");
      assertThat(e.perDiemRate()).isEqualTo(99.0);
      assertThat(e.rateRedacted()).isFalse();
    });
    assertThat(reference.contains("NEWFAC1")).isTrue();
    assertThat(reference.contains("ADLNTCA")).isTrue();
    assertThat(reference.size()).isEqualTo(BUNDLED.size() + 1);
    assertThat(reference.rows()).isEqualTo(BUNDLED.rows() + 2);
    assertThat(reference.description()).isEqualTo("bundled + " + file);
  }

  /**
   * A list of codes and names (as the real UWCHR and DDP lists are) renames the codes it lists but
   * does not erase what the bundled reference knows of them: AAORDMD keeps its 118.00 per-diem and
   * SEAHOLD its Under 72 mark. A column the file has, even with an empty cell, is the file's word.
   */
  @Test
  void aCodeInTheUserFileKeepsTheFactsTheFileHasNoColumnFor() throws IOException {
    Path names = write("names.csv", "detention_facility_code,detention_facility\nAAORDMD,ANNE ARUNDEL CO\nSEAHOLD,SEATTLE HOLD\n");
    FacilityReference reference = BUNDLED.withUserFile(names);
    assertThat(reference.find("AAORDMD")).get().satisfies(e -> {
      assertThat(e.names()).containsExactly("ANNE ARUNDEL CO");
      assertThat(e.perDiemRate()).isEqualTo(118.0);
      assertThat(e.sources()).endsWith("names.csv");
    });
    assertThat(reference.find("SEAHOLD").orElseThrow().holdLimit()).isEqualTo(FacilityEntry.HoldLimit.UNDER_72);
    assertThat(reference.find("SEAHOLD").orElseThrow().typeDetailed()).isEqualTo("HOLD");

    Path rates = write("rates.csv", "facility_code,per_diem_rate\nAAORDMD,\n");
    FacilityEntry cleared = BUNDLED.withUserFile(rates).find("AAORDMD").orElseThrow();
    assertThat(cleared.perDiemRate()).as("an empty cell in a per-diem column: the rate is unknown").isNull();
    assertThat(cleared.names()).as("no name column: the bundled name stays").isNotEmpty();
  }

  @Test
  void aFileWithOnlyCodesIsEnough() throws IOException {
    Path file = write("codes.csv", "FACILITY_CODE\nNEWFAC1\n");
    FacilityEntry entry = BUNDLED.withUserFile(file).find("newfac1").orElseThrow();
    assertThat(entry.names()).isEmpty();
    assertThat(entry.perDiem().kind()).isEqualTo(PerDiem.Kind.NONE);
  }

  @Test
  void badFilesAreRefusedNamingTheFileTheProblemAndTheFix() throws IOException {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> BUNDLED.withUserFile(missing))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist")
        .hasMessageContaining("--facilities");
    Path noCode = write("nocode.csv", "facility_name,per_diem_rate\nX,1\n");
    assertThatThrownBy(() -> BUNDLED.withUserFile(noCode))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(noCode.toString())
        .hasMessageContaining("no facility_code column")
        .hasMessageContaining("[facility_name, per_diem_rate]");
    Path empty = write("empty.csv", "");
    assertThatThrownBy(() -> BUNDLED.withUserFile(empty))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("empty");
    Path headerOnly = write("header.csv", "facility_code\n");
    assertThatThrownBy(() -> BUNDLED.withUserFile(headerOnly))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no data rows");
    Path blankCode = write("blank.csv", "facility_code,facility_name\n,SOMEWHERE\n");
    assertThatThrownBy(() -> BUNDLED.withUserFile(blankCode))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("data row 1 has no facility_code");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}

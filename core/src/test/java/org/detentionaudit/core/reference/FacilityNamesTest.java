package org.detentionaudit.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.detentionaudit.core.reference.FacilityEntry.HoldLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The name normalisation and the name look-up of the facility reference. */
class FacilityNamesTest {
  private static final FacilityReference BUNDLED = FacilityReference.bundled();

  @TempDir Path dir;

  @Test
  void caseSpacesAndPunctuationDoNotCount() {
    assertThat(FacilityNames.normalize("  seattle   field office hold room ")).isEqualTo("SEATTLE FIELD OFFICE HOLD ROOM");
    assertThat(FacilityNames.normalize("Seattle Field-Office, Hold/Room.")).isEqualTo("SEATTLE FIELD OFFICE HOLD ROOM");
    assertThat(FacilityNames.normalize("SHERIFF'S OFFICE")).isEqualTo("SHERIFFS OFFICE");
    assertThat(FacilityNames.normalize("SHERIFF\u2019S OFFICE")).isEqualTo("SHERIFFS OFFICE");
    assertThat(FacilityNames.normalize("DEPT. OF CORR & REHAB")).isEqualTo("DEPARTMENT OF CORRECTIONAL AND REHAB");
    assertThat(FacilityNames.normalize(null)).isNull();
    assertThat(FacilityNames.normalize("  ")).isNull();
    assertThat(FacilityNames.normalize("...")).isNull();
  }

  @Test
  void eachAbbreviationInTheTableExpandsAsAWholeWord() {
    assertThat(FacilityNames.normalize("NORTHWEST DET. CENTER")).isEqualTo("NORTHWEST DETENTION CENTER");
    assertThat(FacilityNames.normalize("X CORR.FAC.")).isEqualTo("X CORRECTIONAL FACILITY");
    assertThat(FacilityNames.normalize("NW ICE PROCESSING CTR")).isEqualTo("NW ICE PROCESSING CENTER");
    assertThat(FacilityNames.normalize("X CNTR")).isEqualTo("X CENTER");
    assertThat(FacilityNames.normalize("STRAFFORD CO DEPT OF CORR")).isEqualTo("STRAFFORD COUNTY DEPARTMENT OF CORRECTIONAL");
    assertThat(FacilityNames.normalize("X CNTY JAIL")).isEqualTo("X COUNTY JAIL");
    assertThat(FacilityNames.normalize("ALBANY HOLDROOM")).isEqualTo("ALBANY HOLD ROOM");
    assertThat(FacilityNames.normalize("FOLKSTON IPC")).isEqualTo("FOLKSTON ICE PROCESSING CENTER");
    assertThat(FacilityNames.normalize("KROME SPC")).isEqualTo("KROME SERVICE PROCESSING CENTER");
    // whole words only; other words, and spellings not in the table, are left alone
    assertThat(FacilityNames.normalize("COLUMBIA DETROIT CTRS")).isEqualTo("COLUMBIA DETROIT CTRS");
    assertThat(FacilityNames.normalize("YAKIMA HOLDING ROOM")).isEqualTo("YAKIMA HOLDING ROOM");
    assertThat(FacilityNames.normalize("YAKIMA COUNTY DEPARTMENT OF CORRECTIONS"))
        .isEqualTo("YAKIMA COUNTY DEPARTMENT OF CORRECTIONAL");
    assertThat(FacilityNames.normalize("X CORRECTION CENTER")).isEqualTo("X CORRECTIONAL CENTER");
    assertThat(FacilityNames.EXPANSIONS).hasSize(13);
  }

  @Test
  void namesInTheBundledReferenceMatchTheirCodeUnderEitherSpelling() {
    assertThat(BUNDLED.matchName("SEATTLE FIELD OFFICE HOLD ROOM").code()).contains("SEAHOLD");
    assertThat(BUNDLED.matchName("seattle field office holdroom").code()).contains("SEAHOLD");
    // the 2017 list writes NORTHWEST DETENTION CENTER, the 2025 release NW ICE PROCESSING CTR
    assertThat(BUNDLED.matchName("Northwest Det. Center").code()).contains("CSCNWWA");
    assertThat(BUNDLED.matchName("NW ICE PROCESSING CENTER").code()).contains("CSCNWWA");
    assertThat(BUNDLED.matchName("ALBANY HOLD ROOM").code()).contains("ALBHOLD");
    assertThat(BUNDLED.matchName("STRAFFORD COUNTY DEPT OF CORR").code()).contains("STRAFNH");
    // the reference writes YAKIMA COUNTY DEPARTMENT OF CORRECTIONS; agency tables abbreviate it
    assertThat(BUNDLED.matchName("YAKIMA COUNTY DEPT OF CORR").code()).contains("YIKIMWA");
  }

  @Test
  void aNameUnderSeveralCodesIsAmbiguousNotAssigned() {
    NameMatch jefferson = BUNDLED.matchName("Jefferson Co. Jail");
    assertThat(jefferson.inReference()).isTrue();
    assertThat(jefferson.ambiguous()).isTrue();
    assertThat(jefferson.code()).isEmpty();
    assertThat(jefferson.codes()).contains("JEFFECO", "JEFFETX").isSorted();
  }

  @Test
  void unmatchedNamesAreNotInTheReference() {
    assertThat(BUNDLED.matchName("TACOMA ICE PROCESSING CENTER").inReference()).isFalse(); // a rename, not a spelling
    assertThat(BUNDLED.matchName("NORTHWEST DETENTION CENTRE").inReference()).isFalse();
    assertThat(BUNDLED.matchName(null).codes()).isEmpty();
    assertThat(BUNDLED.matchName(" ").inReference()).isFalse();
  }

  @Test
  void theBundledTableCarriesThe2017TypesAndHoldLimits() {
    FacilityEntry seattle = BUNDLED.find("SEAHOLD").orElseThrow();
    assertThat(seattle.type()).isEqualTo("Other");
    assertThat(seattle.typeDetailed()).isEqualTo("HOLD");
    assertThat(seattle.holdLimit()).isEqualTo(HoldLimit.UNDER_72);
    assertThat(BUNDLED.find("AAORDMD").orElseThrow().holdLimit()).isEqualTo(HoldLimit.OVER_72);
    // only in the 2025 release: nothing known
    FacilityEntry spokane = BUNDLED.find("SPOHOLD").orElseThrow();
    assertThat(spokane.holdLimit()).isEqualTo(HoldLimit.UNKNOWN);
    assertThat(spokane.type()).isEmpty();
    assertThat(BUNDLED.codeKeys(HoldLimit.UNDER_72)).contains("SEAHOLD", "ABQHOLD").doesNotContain("AAORDMD");
    // 447 rows of the 2017 list say Under 72; a few are 'Redacted' codes, left out
    assertThat(BUNDLED.codeKeys(HoldLimit.UNDER_72).size()).isBetween(380, 447);
  }

  @Test
  void holdLimitsAreReadIgnoringCaseAndPunctuation() {
    assertThat(HoldLimit.of("Under 72")).isEqualTo(HoldLimit.UNDER_72);
    assertThat(HoldLimit.of("under_72")).isEqualTo(HoldLimit.UNDER_72);
    assertThat(HoldLimit.of("OVER 72")).isEqualTo(HoldLimit.OVER_72);
    assertThat(HoldLimit.of("")).isEqualTo(HoldLimit.UNKNOWN);
    assertThat(HoldLimit.of("72")).isEqualTo(HoldLimit.UNKNOWN);
  }

  @Test
  void aUserFileMayMarkItsCodesAndNameThem() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("mine.csv"),
            "facility_code,facility_name,Type Detailed,Over/Under 72\n"
                + "NEWHOLD,NEW TOWN HOLD ROOM,HOLD,Under 72\n"
                + "SEAHOLD,SEATTLE RENAMED,HOLD,Over 72\n");
    FacilityReference reference = BUNDLED.withUserFile(file);
    assertThat(reference.find("NEWHOLD").orElseThrow().holdLimit()).isEqualTo(HoldLimit.UNDER_72);
    assertThat(reference.find("NEWHOLD").orElseThrow().typeDetailed()).isEqualTo("HOLD");
    assertThat(reference.matchName("New Town Holdroom").code()).contains("NEWHOLD");
    // the user's entry replaces the bundled one: its old name is gone, its mark replaced
    assertThat(reference.matchName("SEATTLE FIELD OFFICE HOLD ROOM").inReference()).isFalse();
    assertThat(reference.codeKeys(HoldLimit.UNDER_72)).contains("NEWHOLD").doesNotContain("SEAHOLD");
  }
}

package org.detentionaudit.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The real public facility lists (provenance in {@code src/test/resources/realdata/README.md}) load
 * as {@code --facilities} files as published. Expected counts were made with Python's csv module:
 * distinct codes trimmed and upper-cased, compared with the codes of the bundled {@code
 * facilities.csv} (1,864 rows, 1,698 codes).
 */
class RealFacilityListsTest {
  private static final FacilityReference BUNDLED = FacilityReference.bundled();

  private static Path realData(String name) {
    try {
      return Path.of(
          Objects.requireNonNull(RealFacilityListsTest.class.getResource("/realdata/" + name), name)
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Codes whose entry came from the user's file (which replaces the bundled entry). */
  private static long codesFrom(FacilityReference reference, String fileName) {
    return reference.entries().stream().filter(e -> e.sources().contains(fileName)).count();
  }

  @Test
  void ice2017ListLoadsWithoutItsRedactedCodes() {
    // 1,685 rows: 207 coded "Redacted" (skipped: a redacted code names no facility), 1,478 codes
    // with one row each, all already in the bundled table (which derives from this list).
    FacilityReference reference = BUNDLED.withUserFile(realData("ice-facilities-2017.csv"));
    assertThat(reference.rows()).isEqualTo(BUNDLED.rows() + 1_685);
    assertThat(codesFrom(reference, "ice-facilities-2017.csv")).isEqualTo(1_478);
    assertThat(reference.size()).isEqualTo(1_698);
    assertThat(reference.contains("Redacted")).isFalse();
    assertThat(reference.find("CSCNWWA")).get().satisfies(e -> {
      assertThat(e.names()).containsExactly("NORTHWEST DETENTION CENTER");
      assertThat(e.rateRedacted()).isTrue();
    });
    assertThat(reference.find("AAORDMD").orElseThrow().perDiemRate()).isEqualTo(118.0);
  }

  @Test
  void ddpFebruary2025CodesLoadUnderTheirDetentionHeaders() {
    // detention_facility_code,detention_facility: 617 rows, 617 codes, all in the bundled table.
    FacilityReference reference = BUNDLED.withUserFile(realData("ddp-2025-02-facility-codes.csv"));
    assertThat(reference.rows()).isEqualTo(BUNDLED.rows() + 617);
    assertThat(codesFrom(reference, "ddp-2025-02-facility-codes.csv")).isEqualTo(617);
    assertThat(reference.size()).isEqualTo(1_698);
    assertThat(reference.find("CSCNWWA").orElseThrow().names()).containsExactly("NW ICE PROCESSING CTR");
    assertThat(reference.find("GTMOACU").orElseThrow().names()).containsExactly("JTF CAMP SIX");
  }

  @Test
  void uwchrCodeListLoadsUnderItsDetentionHeadersAndAddsCodes() {
    // detention_facility_code,detention_facility,area_of_responsibility: 1,147 rows and codes,
    // 184 of them not in the bundled table (e.g. ABRMCTX, ADAIRKY), so 1,698 + 184 = 1,882.
    FacilityReference reference = BUNDLED.withUserFile(realData("uwchr-detloc-aor.csv"));
    assertThat(reference.rows()).isEqualTo(BUNDLED.rows() + 1_147);
    assertThat(codesFrom(reference, "uwchr-detloc-aor.csv")).isEqualTo(1_147);
    assertThat(reference.size()).isEqualTo(1_882);
    assertThat(BUNDLED.contains("ABRMCTX")).isFalse();
    assertThat(reference.contains("ABRMCTX")).isTrue();
    assertThat(reference.find("WNTHOLD").orElseThrow().names()).containsExactly("WENATCHEE HOLD ROOM");
  }
}

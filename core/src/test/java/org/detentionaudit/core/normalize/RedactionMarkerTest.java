package org.detentionaudit.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionMarkerTest {
  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "(b)(6), (b)(7)c", // FORMATS.md spellings
        "(b)(6),(b)(7)c)",
        "(b)(6), (b)(7)(c) (b)(7)(e)",
        "b(6), b(7)C",
        "b)(4)",
        "(b)(6)", // sensible variants
        "(B)(7)(C)",
        "(b) (6)",
        " (b)(6); (b)(7)(C) ",
        "(b)(6) and (b)(7)(c)",
        "(b)(6)/(b)(7)(c)",
        "[(b)(6)]",
        "(b)(6)(b)(7)(c)",
        "REDACTED",
        "[redacted]"
      })
  void everyRedactionSpellingIsRecognised(String cell) {
    assertThat(RedactionMarker.isRedaction(cell)).isTrue();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "B6",
        "b6",
        "Removed",
        "SMITH (b)(6)",
        "(b)(6) SMITH",
        "ADLNTCA",
        "BOPMIA",
        "(b)",
        "(6)",
        "(b)(0)",
        "Transferred",
        "U.S. Marshals or other agency (explain in Detention Comments)",
        ""
      })
  void ordinaryValuesAreNotRedactions(String cell) {
    assertThat(RedactionMarker.isRedaction(cell)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"((((((((((((((((((((((((((((((((((((((((((((b", "(b)(6)(b)(6)(b)(6)(b)(6)(b)(6)(b)(6)(b)(6)(b)(6)(b)(6)x"})
  void pathologicalInputIsRejectedQuickly(String cell) {
    long start = System.nanoTime();
    assertThat(RedactionMarker.isRedaction(cell)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }
}

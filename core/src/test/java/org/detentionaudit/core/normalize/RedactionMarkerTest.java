package org.detentionaudit.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The marker spellings; public so that other implementations of the rule are tested on them. */
public class RedactionMarkerTest {
  /** Every spelling that is a redaction marker. */
  public static final List<String> MARKERS =
      List.of(
        "(b)(6), (b)(7)c", // docs/formats-and-layouts.md spellings
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
        "[redacted]");

  /** Values that look close to a marker but are not one. */
  public static final List<String> NOT_MARKERS =
      List.of(
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
        "");

  public static List<String> markers() {
    return MARKERS;
  }

  public static List<String> notMarkers() {
    return NOT_MARKERS;
  }

  @ParameterizedTest(name = "''{0}''")
  @MethodSource("markers")
  void everyRedactionSpellingIsRecognised(String cell) {
    assertThat(RedactionMarker.isRedaction(cell)).isTrue();
  }

  @ParameterizedTest(name = "''{0}''")
  @MethodSource("notMarkers")
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

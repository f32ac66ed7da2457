package org.detentionaudit.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimestampParserTest {
  /** The formats every built-in layout tries (they share one list). */
  private static final TimestampParser BUILT_IN =
      LayoutCatalog.builtIn().find("ddp-2025").orElseThrow().timestampParser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "12/01/2024 10:05; 2024-12-01T10:05", // %m/%d/%Y %H:%M
        "1/2/2020 9:05; 2020-01-02T09:05", // unpadded M/d/yyyy H:mm
        "1/2/2020 9:05:07; 2020-01-02T09:05:07", // with seconds
        "1/2/2020 9:05:07.250; 2020-01-02T09:05:07.250", // fractional seconds
        "3/7/2019; 2019-03-07T00:00", // M/D/YYYY
        "2023-11-30 23:59:59; 2023-11-30T23:59:59", // %Y-%m-%d %H:%M:%S
        "2023-11-30 23:59:59.123456; 2023-11-30T23:59:59.123456",
        "2024-01-02T10:00:00Z; 2024-01-02T10:00", // ISO with Z: wall clock, Z dropped
        "2024-01-02T10:00:00.5Z; 2024-01-02T10:00:00.5",
        "2024-01-02T10:00:00; 2024-01-02T10:00",
        "10/15/10 3:45 PM; 2010-10-15T15:45", // %m/%d/%y %I:%M %p
        "10/15/10 12:05 am; 2010-10-15T00:05",
        "1/2/2020 9:05 PM; 2020-01-02T21:05",
        "2024-02-29; 2024-02-29T00:00", // %Y-%m-%d
      })
  void everyReleasedSpellingParsesToItsWallClock(String text, String expected) {
    assertThat(BUILT_IN.parse(text)).contains(LocalDateTime.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "13/45/2020 25:61",
        "2/30/2020",
        "2023-02-29",
        "1/2/2020 24:00",
        "13:00 1/2/2020",
        "yesterday",
        "2020",
        "1/2/2020 9:05 XM",
        "1/2/2020 10:00 trailing"
      })
  void invalidOrUnknownTextIsUnparseableNeverRolledOver(String text) {
    assertThat(BUILT_IN.parse(text)).isEmpty();
  }

  @Test
  void nullIsEmpty() {
    assertThat(BUILT_IN.parse(null)).isEqualTo(Optional.empty());
  }

  @Test
  void firstPatternThatReadsEverythingWins() {
    TimestampParser parser = new TimestampParser(List.of("d/M/yyyy", "M/d/yyyy"));
    assertThat(parser.parse("2/1/2020")).contains(LocalDateTime.of(2020, 1, 2, 0, 0));
    assertThat(parser.parse("2/13/2020")).contains(LocalDateTime.of(2020, 2, 13, 0, 0));
  }

  @Test
  void badPatternIsNamed() {
    assertThatThrownBy(() -> new TimestampParser(List.of("M/d/yyyy", "bogus{")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot use date format 'bogus{'");
  }

  @Test
  void parserSurvivesSerialization() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(BUILT_IN);
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      TimestampParser copy = (TimestampParser) in.readObject();
      assertThat(copy.parse("1/2/2020 9:05")).contains(LocalDateTime.of(2020, 1, 2, 9, 5));
    }
  }
}

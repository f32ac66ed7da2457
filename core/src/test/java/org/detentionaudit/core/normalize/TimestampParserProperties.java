package org.detentionaudit.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.detentionaudit.core.layout.LayoutCatalog;

class TimestampParserProperties {
  private static final TimestampParser BUILT_IN =
      LayoutCatalog.builtIn().find("uwchr-2012-2024").orElseThrow().timestampParser();

  @Provide
  Arbitrary<LocalDateTime> wallClocks() {
    return Combinators.combine(
            Arbitraries.integers().between(2000, 2099),
            Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 31),
            Arbitraries.integers().between(0, 23),
            Arbitraries.integers().between(0, 59),
            Arbitraries.integers().between(0, 59))
        .filter((y, mo, d, h, mi, s) -> d <= java.time.YearMonth.of(y, mo).lengthOfMonth())
        .as(LocalDateTime::of);
  }

  @Provide
  Arbitrary<String> releasedSpellings() {
    return Arbitraries.of(
        "MM/dd/yyyy HH:mm",
        "M/d/yyyy H:mm",
        "M/d/yyyy H:mm:ss",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "MM/dd/yy hh:mm a",
        "M/d/yy h:mm a");
  }

  @Property
  void everySpellingWithATimeRoundTripsToTheMinute(
      @ForAll("wallClocks") LocalDateTime value, @ForAll("releasedSpellings") String spelling) {
    String text = DateTimeFormatter.ofPattern(spelling, Locale.US).format(value);
    LocalDateTime expected =
        spelling.contains("ss") ? value : value.withSecond(0);
    assertThat(BUILT_IN.parse(text)).as(text).contains(expected);
  }

  @Property
  void dateOnlySpellingsGiveMidnight(
      @ForAll("wallClocks") LocalDateTime value, @ForAll boolean isoStyle) {
    String text =
        DateTimeFormatter.ofPattern(isoStyle ? "yyyy-MM-dd" : "M/d/yyyy", Locale.US).format(value);
    assertThat(BUILT_IN.parse(text)).contains(value.toLocalDate().atStartOfDay());
  }

  @Property
  void fractionsOfAnyPrecisionAreKept(
      @ForAll("wallClocks") LocalDateTime value, @ForAll @IntRange(min = 1, max = 9) int digits,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
    String fraction = String.format("%09d", nanos).substring(0, digits);
    String text =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US).format(value) + "." + fraction;
    long expectedNanos = Long.parseLong(fraction) * (long) Math.pow(10, 9 - digits);
    assertThat(BUILT_IN.parse(text)).contains(value.withNano((int) expectedNanos));
  }

  @Property
  void impossibleDaysNeverParse(
      @ForAll @IntRange(min = 2000, max = 2099) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 5) int daysPastEnd) {
    int day = java.time.YearMonth.of(year, month).lengthOfMonth() + daysPastEnd;
    assertThat(BUILT_IN.parse(month + "/" + day + "/" + year + " 10:00")).isEmpty();
    assertThat(BUILT_IN.parse(String.format("%d-%02d-%02d", year, month, day))).isEmpty();
  }
}

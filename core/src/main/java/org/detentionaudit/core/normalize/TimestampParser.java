package org.detentionaudit.core.normalize;

import java.io.Serializable;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses date-time text into a zone-less wall-clock {@link LocalDateTime} by trying a list of
 * {@link DateTimeFormatter} patterns in order; the first pattern that reads the whole text wins.
 *
 * <p>Rules, so that every spelling seen in released files parses and nothing is shifted:
 *
 * <ul>
 *   <li>Patterns use {@link DateTimeFormatter} letters; single letters ({@code M/d/yyyy H:mm})
 *       accept both padded and unpadded numbers. Matching ignores case ({@code am}, {@code PM}).
 *   <li>Dates are validated strictly: {@code 2/30/2020} or hour 25 is unparseable, never rolled
 *       over. Two-digit years ({@code yy}) fall in 2000-2099.
 *   <li>A pattern without a time gives midnight of that day.
 *   <li>After a pattern whose last field is seconds, a fraction of 1 to 9 digits is accepted
 *       ({@code 10:00:00.123456}).
 *   <li>A trailing {@code Z} (UTC designator, as in {@code 2024-01-02T10:00:00Z}) is dropped and
 *       the value is read as the wall clock written: ICE records local times, the {@code Z} is an
 *       artefact of re-saving. No time zone, neither the JVM's nor Spark's, is ever applied.
 * </ul>
 *
 * <p>Instances are immutable and serializable (formatters are rebuilt after deserialization).
 */
public final class TimestampParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> patterns;
  private transient List<DateTimeFormatter> formatters;

  /**
   * @param patterns the patterns to try, in order; not empty
   * @throws IllegalArgumentException naming the first pattern that is not a valid
   *     DateTimeFormatter pattern
   */
  public TimestampParser(List<String> patterns) {
    if (patterns == null || patterns.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot build a date parser: no date formats given. List at least one pattern.");
    }
    this.patterns = List.copyOf(patterns);
    this.formatters = buildFormatters(this.patterns);
  }

  /** The patterns, in the order they are tried. */
  public List<String> patterns() {
    return patterns;
  }

  /**
   * Reads {@code text} (already trimmed, not blank) as a wall-clock date-time.
   *
   * @return the value, or empty when {@code text} is null or no pattern reads all of it
   */
  public Optional<LocalDateTime> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wallClock = dropUtcDesignator(text.trim());
    for (DateTimeFormatter formatter : formatters()) {
      LocalDateTime value = tryParse(formatter, wallClock);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private List<DateTimeFormatter> formatters() {
    if (formatters == null) {
      formatters = buildFormatters(patterns);
    }
    return formatters;
  }

  private static LocalDateTime tryParse(DateTimeFormatter formatter, String text) {
    // parseUnresolved is cheap and throws nothing, so a wrong pattern costs no exception.
    ParsePosition position = new ParsePosition(0);
    if (formatter.parseUnresolved(text, position) == null
        || position.getErrorIndex() >= 0
        || position.getIndex() != text.length()) {
      return null;
    }
    try {
      TemporalAccessor parsed = formatter.parse(text);
      LocalDate date = parsed.query(TemporalQueries.localDate());
      if (date == null) {
        return null;
      }
      LocalTime time = parsed.query(TemporalQueries.localTime());
      return time == null ? date.atStartOfDay() : date.atTime(time);
    } catch (DateTimeException invalidDate) {
      return null;
    }
  }

  private static String dropUtcDesignator(String text) {
    int last = text.length() - 1;
    if (last > 0
        && (text.charAt(last) == 'Z' || text.charAt(last) == 'z')
        && Character.isDigit(text.charAt(last - 1))) {
      return text.substring(0, last);
    }
    return text;
  }

  private static List<DateTimeFormatter> buildFormatters(List<String> patterns) {
    List<DateTimeFormatter> built = new ArrayList<>(patterns.size());
    for (String pattern : patterns) {
      built.add(buildFormatter(pattern));
    }
    return List.copyOf(built);
  }

  static DateTimeFormatter buildFormatter(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot use date format '" + pattern + "': it is blank. Give a DateTimeFormatter pattern.");
    }
    try {
      DateTimeFormatterBuilder builder =
          new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
      if (endsWithSeconds(pattern)) {
        builder.optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd();
      }
      return builder
          // 'yyyy' is year-of-era: STRICT resolution needs the era, which is always CE here.
          .parseDefaulting(ChronoField.ERA, 1)
          .toFormatter(Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException badPattern) {
      throw new IllegalArgumentException(
          "Cannot use date format '"
              + pattern
              + "': "
              + badPattern.getMessage()
              + ". Write a java.time DateTimeFormatter pattern such as 'M/d/yyyy H:mm'.",
          badPattern);
    }
  }

  /** True when the last pattern letter outside quotes is {@code s} (seconds). */
  private static boolean endsWithSeconds(String pattern) {
    char lastLetter = 0;
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && Character.isLetter(c)) {
        lastLetter = c;
      }
    }
    return lastLetter == 's';
  }
}

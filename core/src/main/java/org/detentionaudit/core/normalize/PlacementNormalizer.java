package org.detentionaudit.core.normalize;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detentionaudit.rules.CanonicalField;

/**
 * Normalizes the canonical fields of one source record.
 *
 * <p>For each mapped field: text is trimmed; a missing value ({@link MissingValueMarker}) becomes
 * null; a redaction marker ({@link RedactionMarker}) becomes null and the field is listed in {@link
 * NormalizedRecord.Placement#redactedFields()}. Timestamp fields accept text (parsed with the
 * {@link TimestampParser}), {@link LocalDateTime} (kept as is), {@link LocalDate} (midnight), and
 * instants ({@link Instant} or {@link java.sql.Timestamp}, read as UTC wall clock, independent of
 * any JVM or session time zone). Text that no date format reads rejects the whole record with
 * {@code unparseable date in column '<column>': '<value>'}. Fields with no source stay null.
 */
public final class PlacementNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_IN_REASON = 200;

  private final List<FieldSource> sources;
  private final TimestampParser timestampParser;

  /**
   * @param sources where each present field is read; at most one source per field
   * @param timestampParser parser for timestamp fields given as text
   */
  public PlacementNormalizer(List<FieldSource> sources, TimestampParser timestampParser) {
    Map<CanonicalField, FieldSource> byField = new EnumMap<>(CanonicalField.class);
    for (FieldSource source : sources) {
      if (byField.put(source.field(), source) != null) {
        throw new IllegalArgumentException("field mapped twice: " + source.field());
      }
    }
    this.sources = List.copyOf(byField.values());
    this.timestampParser = timestampParser;
  }

  /** The largest position read, plus one: the fewest values a record must hold. */
  public int requiredWidth() {
    return sources.stream().mapToInt(FieldSource::position).max().orElse(-1) + 1;
  }

  /**
   * Normalizes {@code record}, whose values are at the positions of the field sources.
   *
   * @param record source values (null entries allowed); must be at least {@link #requiredWidth()}
   *     long
   */
  public NormalizedRecord normalize(Object[] record) {
    Object[] values = new Object[CanonicalField.values().length];
    List<String> redacted = null;
    for (FieldSource source : sources) {
      Object raw = record[source.position()];
      if (raw == null) {
        continue;
      }
      CanonicalField field = source.field();
      if (field.type() == CanonicalField.Type.TIMESTAMP && !(raw instanceof String)) {
        LocalDateTime typed = typedTimestamp(raw);
        if (typed != null) {
          values[field.ordinal()] = typed;
          continue;
        }
      }
      String text = raw.toString().trim();
      if (MissingValueMarker.isMissing(text)) {
        continue;
      }
      if (RedactionMarker.isRedaction(text)) {
        if (redacted == null) {
          redacted = new ArrayList<>(2);
        }
        redacted.add(field.columnName());
        continue;
      }
      if (field.type() == CanonicalField.Type.TEXT) {
        values[field.ordinal()] = text;
      } else {
        Optional<LocalDateTime> parsed = timestampParser.parse(text);
        if (parsed.isEmpty()) {
          return new NormalizedRecord.Rejected(unparseableDateReason(source.columnName(), text));
        }
        values[field.ordinal()] = parsed.get();
      }
    }
    return new NormalizedRecord.Placement(values, redacted == null ? List.of() : redacted);
  }

  /**
   * The quarantine reason for date text no format reads: {@code unparseable date in column
   * '<column>': '<text>'}, the text cut to 200 characters (then {@code ...}).
   */
  public static String unparseableDateReason(String columnName, String text) {
    return "unparseable date in column '" + columnName + "': '" + shorten(text) + "'";
  }

  private static LocalDateTime typedTimestamp(Object raw) {
    if (raw instanceof LocalDateTime wallClock) {
      return wallClock;
    }
    if (raw instanceof LocalDate day) {
      return day.atStartOfDay();
    }
    if (raw instanceof java.sql.Timestamp timestamp) {
      return LocalDateTime.ofInstant(timestamp.toInstant(), ZoneOffset.UTC);
    }
    if (raw instanceof Instant instant) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() <= MAX_VALUE_IN_REASON
        ? text
        : text.substring(0, MAX_VALUE_IN_REASON) + "...";
  }
}

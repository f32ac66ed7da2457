package org.detentionaudit.sample.oracle;

import java.time.LocalDateTime;
import java.util.Locale;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.model.RedactionMarkers;

/**
 * A placement's canonical key fields after docs/rules.md's normalization: blank cells, {@code NA} and
 * redaction markers are null; other text is trimmed (case is kept: comparisons ignore it).
 */
public record NormalizedPlacement(
    String personId,
    LocalDateTime stayBookIn,
    LocalDateTime bookIn,
    LocalDateTime bookOut,
    LocalDateTime stayBookOut,
    String facilityCode,
    String facilityName,
    String releaseReason,
    String stayReleaseReason) {

  public NormalizedPlacement {
    personId = normalizeText(personId);
    facilityCode = normalizeText(facilityCode);
    facilityName = normalizeText(facilityName);
    releaseReason = normalizeText(releaseReason);
    stayReleaseReason = normalizeText(stayReleaseReason);
  }

  /** A placement without a facility name (for layouts and tests that have none). */
  public NormalizedPlacement(
      String personId,
      LocalDateTime stayBookIn,
      LocalDateTime bookIn,
      LocalDateTime bookOut,
      LocalDateTime stayBookOut,
      String facilityCode,
      String releaseReason,
      String stayReleaseReason) {
    this(personId, stayBookIn, bookIn, bookOut, stayBookOut, facilityCode, null, releaseReason, stayReleaseReason);
  }

  /** Normalizes a generated row's key fields. */
  public static NormalizedPlacement of(PlacementRecord record) {
    return new NormalizedPlacement(
        record.personId(),
        record.stayBookIn(),
        record.bookIn(),
        record.bookOut(),
        record.stayBookOut(),
        record.facilityCode(),
        record.facilityName(),
        record.releaseReason(),
        record.stayReleaseReason());
  }

  /**
   * The text normalization of docs/rules.md: null for null, blank, {@code NA} (exactly, as R writes it)
   * and redaction markers; otherwise the value trimmed.
   */
  public static String normalizeText(String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = raw.trim();
    if (trimmed.isEmpty() || "NA".equals(trimmed) || RedactionMarkers.isMarker(trimmed)) {
      return null;
    }
    return trimmed;
  }

  /** The person id folded for comparison (trimmed, lower case), or null. */
  String personKey() {
    return personId == null ? null : personId.toLowerCase(Locale.ROOT);
  }

  /** The facility code folded for comparison (trimmed, lower case), or null. */
  String facilityKey() {
    return facilityCode == null ? null : facilityCode.toLowerCase(Locale.ROOT);
  }

  /** The facility name folded for comparison (trimmed, lower case), or null. */
  String facilityNameKey() {
    return facilityName == null ? null : facilityName.toLowerCase(Locale.ROOT);
  }
}

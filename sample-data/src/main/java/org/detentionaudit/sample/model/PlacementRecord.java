package org.detentionaudit.sample.model;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One generated placement (one row), with its key fields exactly as they are written to every file.
 *
 * <p>Text key fields are raw: {@code null} is written as an empty cell, and a value may be {@code NA},
 * a redaction marker, or carry stray case and spaces; the audit (and {@link
 * org.detentionaudit.sample.oracle.NormalizedPlacement}) turns the first two into null. Timestamps
 * are at minute precision, {@code null} when missing.
 *
 * @param facility the facility the placement was generated at, even when {@code facilityCode} was
 *     blanked by a defect (its area of responsibility and type fill non-key columns)
 * @param stayFirstFacility the facility of the stay's first placement (the book-in site)
 * @param personIndex the 0-based index of the generated person the row belongs to (in a release of
 *     a {@link org.detentionaudit.sample.ReleaseSeries}, that release's pseudonym of it, so that the
 *     synthetic placement and stay ids some layouts derive from it do not link releases)
 * @param stayIndex the 0-based index of the row's stay among its person's stays
 * @param generatedBookIn the book-in the person's timeline gave the placement before any defect moved
 *     or removed it (a release series dates rows that lost both book-ins by it); null only if the
 *     timeline had none
 */
public record PlacementRecord(
    String personId,
    LocalDateTime stayBookIn,
    LocalDateTime bookIn,
    LocalDateTime bookOut,
    LocalDateTime stayBookOut,
    String facilityCode,
    String facilityName,
    String releaseReason,
    String stayReleaseReason,
    Facility facility,
    Facility stayFirstFacility,
    PersonProfile profile,
    long personIndex,
    int stayIndex,
    LocalDateTime generatedBookIn) {

  public PlacementRecord {
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(stayFirstFacility, "stayFirstFacility");
    Objects.requireNonNull(profile, "profile");
  }
}

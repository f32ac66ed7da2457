package org.detentionaudit.sample.generate;

import java.util.Locale;

/**
 * A record seeded to sit just on the passing side of a rule, so that an engine which gets a boundary
 * wrong is caught. Applied at {@link DefectRates#nearMissRate()} per opportunity; counted in the
 * manifest's {@code seeded.near_misses} (book-in equal to the previous book-out and transfers
 * followed by a next placement also occur naturally and are not counted).
 */
public enum NearMiss {
  /** Book-out one minute after book-in (neither zero nor negative length). */
  ONE_MINUTE_PLACEMENT,
  /** An open placement booked in exactly 365 days, or 365 days less a minute, before the extract. */
  HELD_EXACTLY_365_DAYS,
  /** Facility code in another case or with surrounding spaces (not missing, still the same code). */
  FACILITY_CODE_CASE_OR_SPACES,
  /** Release reason in another case or with surrounding spaces (still in the vocabulary). */
  RELEASE_REASON_CASE_OR_SPACES,
  /** A copy of a row with book-out one minute later (not a duplicate, but an overlap). */
  COPY_WITH_DIFFERENT_BOOK_OUT,
  /** A copy of a row whose person id is missing (never a duplicate: person_id is null). */
  COPY_WITHOUT_PERSON_ID,
  /** Facility name in another case or with surrounding spaces (still the same name). */
  FACILITY_NAME_CASE_OR_SPACES,
  /**
   * A stay book-in exactly ten years before the FY2012 window (2001-10-01 00:00): not more than
   * {@code years_before_window} years before it.
   */
  STAY_BEGINS_TEN_YEARS_BEFORE_WINDOW,
  /** A placement at an {@code Under 72} facility lasting exactly 72 hours (not more than 72). */
  HELD_EXACTLY_72_HOURS;

  /** The name used in manifests, e.g. {@code one_minute_placement}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

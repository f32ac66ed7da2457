package org.detentionaudit.core;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The moment the data were pulled from ICE's systems, and where that value came from.
 *
 * @param value the extract date-time (wall clock, no zone); empty when it was neither given nor
 *     inferable (no timestamps in the data)
 * @param origin how it was found, in words a reader understands, e.g. {@code given with
 *     --extract-date} or {@code inferred: latest book-in/book-out timestamp in the data}
 */
public record ExtractDate(Optional<LocalDateTime> value, String origin) {
  public static final String GIVEN = "given";
  public static final String INFERRED =
      "inferred from the latest plausible book-in/book-out timestamp in the data";
  /**
   * The end of the release window a workbook's {@code Summary} sheet states (the last day, at
   * 23:59:59), used when no extract date is given.
   */
  public static final String WORKBOOK_SUMMARY = "workbook summary";
  public static final String UNKNOWN = "unknown: not given and no book-in/book-out timestamps in the data";

  public static ExtractDate given(LocalDateTime value) {
    return new ExtractDate(Optional.of(value), GIVEN);
  }
}

package org.detentionaudit.core.check;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.detentionaudit.core.reference.FacilityReference;

/**
 * What the rules need besides the placements: facts about the run, fixed before any rule is
 * evaluated.
 *
 * @param extractDate the extract date; when empty, the rules relative to it cannot fail ({@code
 *     status.unknown}'s age trigger, {@code placement.after_extract})
 * @param facilities the facility reference {@code facility.unknown_code} looks codes (or names)
 *     up in, and whose {@code over_under_72} marks {@code placement.hold_room_over_72h} reads
 * @param windowStart the first day of the release window ({@code covers_from} of the layouts);
 *     when empty, {@code stay.implausibly_early} is NOT_APPLICABLE
 * @param plausible the plausible range of timestamps, ending with the run's day ({@code
 *     placement.implausible_date}; the breakdown's fiscal years)
 */
public record RuleContext(
    Optional<LocalDateTime> extractDate,
    FacilityReference facilities,
    Optional<LocalDate> windowStart,
    PlausibleTimestamps plausible) {
  public RuleContext {
    Objects.requireNonNull(extractDate, "extractDate");
    Objects.requireNonNull(facilities, "facilities");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(plausible, "plausible");
  }

  /** A context whose run date is today (the system clock's, in the default time zone). */
  public RuleContext(
      Optional<LocalDateTime> extractDate, FacilityReference facilities, Optional<LocalDate> windowStart) {
    this(extractDate, facilities, windowStart, PlausibleTimestamps.until(LocalDate.now()));
  }

  /** The bundled facility reference, no release window, and today as the run date. */
  public static RuleContext of(Optional<LocalDateTime> extractDate) {
    return new RuleContext(extractDate, FacilityReference.bundled(), Optional.empty());
  }
}

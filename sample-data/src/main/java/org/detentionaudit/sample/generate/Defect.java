package org.detentionaudit.sample.generate;

import java.util.Locale;

/**
 * A data defect the generator seeds, named for the core rule it makes fail. Each is applied
 * independently per opportunity (a placement, a stay, ...) with the rate set in {@link
 * DefectRates}; one record may carry several defects, and one defect may make other rules fail too
 * (an open placement in the middle of a stay also overlaps the next one), which is why expected
 * counts come from the oracle, not from these seeds.
 *
 * <p>Each constant gives its rate in the {@link DefectProfile#HEAVY} profile, then in the {@link
 * DefectProfile#CALIBRATED} one (the default). In the calibrated profile {@link #FACILITY_RENAMED} and
 * {@link #FACILITY_CODE_OF_ANOTHER} are 0: names vary per facility there (real renames, names shared
 * by two codes), not per placement.
 */
public enum Defect {
  /** Facility code blank or {@code NA} (the name stays). Per placement. */
  MISSING_FACILITY_CODE("facility.missing_code", 0.01, 0.0002),
  /** Book-in missing (sometimes the stay book-in too); only in one-placement stays. Per such stay. */
  MISSING_BOOK_IN("placement.missing_book_in", 0.03, 0.0003),
  /** Book-out 1 minute to 3 days before book-in. Per closed placement. */
  NEGATIVE_LENGTH("placement.negative_length", 0.01, 0.0005),
  /** Book-out equal to book-in. Per closed placement. */
  ZERO_LENGTH("placement.zero_length", 0.01, 0.001),
  /** Stay book-in after the first book-in, or stay book-out before the last book-out. Per stay. */
  OUTSIDE_STAY("placement.outside_stay", 0.015, 0.001),
  /** Book-out blank in a stay that has a stay book-out (reason kept or blanked). Per placement. */
  OPEN_IN_CLOSED_STAY("placement.open_in_closed_stay", 0.01, 0.001),
  /** Release reason blank on a booked-out placement. Per closed placement. */
  BOOKED_OUT_WITHOUT_REASON("placement.booked_out_without_reason", 0.01, 0.0005),
  /** A reason on an open placement, or a book-out blanked with its reason kept. Per placement. */
  PLACEMENT_REASON_WITHOUT_BOOK_OUT("placement.reason_without_book_out", 0.01, 0.0002),
  /** A stay release reason with no stay book-out. Per stay. */
  STAY_REASON_WITHOUT_BOOK_OUT("stay.reason_without_book_out", 0.01, 0.00002),
  /** A release reason outside the vocabulary, e.g. {@code Released to family}. Per reason. */
  UNKNOWN_RELEASE_REASON("placement.unknown_release_reason", 0.01, 0.0005),
  /** Person id blank, {@code NA} or redacted on a row. Per placement. */
  MISSING_PERSON_ID("person.missing_id", 0.01, 0.0016),
  /** An extra copy of a row (same person, book-in, book-out, facility code). Per placement. */
  DUPLICATE("placement.duplicate", 0.01, 0.002),
  /** A placement booked in before the previous one of its stay was booked out. Per transfer. */
  OVERLAPPING_PLACEMENTS("person.overlapping_placements", 0.015, 0.003),
  /** The last placement of a closed stay released as {@code Transferred}. Per closed stay. */
  TRANSFERRED_WITHOUT_NEXT("stay.transferred_without_next", 0.015, 0.032),
  /**
   * No book-out and no reason where the person cannot still be held: in a closed stay, before a
   * later placement, or booked in more than a year before the extract. Per placement.
   */
  STATUS_UNKNOWN("status.unknown", 0.01, 0.001),
  /**
   * A facility code no reference lists: the code's last two letters (the state) replaced by {@code
   * ZZ}, e.g. {@code ADLNTZZ}; the name is kept (so the name is also seen under two codes) in the
   * heavy profile, and {@code ANNEX} is appended to it in the calibrated one (a new annex under a new
   * code: the name is not seen under two codes). Per placement with a code.
   */
  UNKNOWN_FACILITY_CODE("facility.unknown_code", 0.01, 0.0005),
  /**
   * The facility name written another way ({@code CENTER} as {@code CTR}, {@code DETENTION} as
   * {@code DET.}, ..., else {@code ANNEX} appended): the code is seen under two names. Per placement.
   */
  FACILITY_RENAMED("facility.code_several_names", 0.005, 0.0),
  /**
   * Another facility's code written with this facility's name: the name is seen under two codes
   * (and the other code under two names). Per placement with a code.
   */
  FACILITY_CODE_OF_ANOTHER("facility.name_several_codes", 0.005, 0.0),
  /** A transfer to the facility the person is already in (the ACLU's "self-transfers"). Per transfer. */
  SELF_TRANSFER("placement.self_transfer", 0.03, 0.003),
  /** The stay book-in moved to 1975-1989, far before the FY2012 window. Per stay. */
  IMPLAUSIBLY_EARLY_STAY("stay.implausibly_early", 0.01, 0.00005),
  /**
   * A placement at a facility ICE's 2017 list marks {@code Under 72} (hold rooms, staging, some local
   * jails; they otherwise keep people 1 to 72 hours) lasting 72 hours and 1 minute to 10 days. Per
   * placement at such a facility.
   */
  HOLD_ROOM_OVER_72H("placement.hold_room_over_72h", 0.03, 0.003),
  /**
   * A book-out 1 minute to 30 days after the extract date. Per closed placement. <b>Off by
   * default</b> (rate 0): with it, the latest timestamp is no longer the extract date, so the audit
   * must be given {@code --extract-date} (the manifest's) to reproduce the manifest's counts.
   */
  AFTER_EXTRACT("placement.after_extract", 0.0, 0.0),
  /**
   * A placeholder date: the book-out set to 9999-12-31 23:59 (also after the extract date) or the
   * book-in to 1900-01-01 00:00. Per closed placement. <b>Off by default</b> (rate 0), so the
   * committed samples hold none; the audit sets such dates aside, so its inferred extract date stays
   * the manifest's.
   */
  IMPLAUSIBLE_DATE("placement.implausible_date", 0.0, 0.0);

  private final String ruleId;
  private final double heavyRate;
  private final double calibratedRate;

  Defect(String ruleId, double heavyRate, double calibratedRate) {
    this.ruleId = ruleId;
    this.heavyRate = heavyRate;
    this.calibratedRate = calibratedRate;
  }

  /** The core rule this defect is meant to make fail. */
  public String ruleId() {
    return ruleId;
  }

  /** The rate applied when none is configured: the profile's. */
  public double defaultRate(DefectProfile profile) {
    return profile == DefectProfile.HEAVY ? heavyRate : calibratedRate;
  }

  /** The name used in manifests and on the command line, e.g. {@code missing_facility_code}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

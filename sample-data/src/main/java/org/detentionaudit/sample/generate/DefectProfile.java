package org.detentionaudit.sample.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How defective the generated data are, as a whole: the default rate of every {@link Defect} and the
 * way the facility mix and facility names are drawn.
 */
public enum DefectProfile {
  /**
   * Shares like those of real releases (the default): about 4.75% of placements open and 12% without a
   * stay book-out (DDP's June 2025 release), 0.16% without a person id, 1.5% ending {@code
   * Transferred} with no next placement; every other rule failing on 0.001% to 1% of records (the
   * facility-name rules on 1% to 3%), so each is exercised and none fails on most records. The
   * facility mix is skewed (a few large processing centers, many small jails, few hospital
   * placements; the largest facility under 5% of placements); facility names vary as in real
   * releases: six facilities carry their earlier names (real renames) on the placements booked in
   * before a fiscal-year boundary, five names are each shared by two codes (as in the February 2025
   * release), and the rare unknown code comes with its own name.
   */
  CALIBRATED,
  /**
   * Every defect at a rate of about 1% per opportunity, so that every rule fails on about 1% of
   * records or more, even in a few thousand: the setting the tests use on small data sets. Facilities are drawn with a strong skew
   * (one takes about 13% of detention-center placements) and names vary per placement, so the two
   * facility-name rules fail on most records.
   */
  HEAVY;

  /** The name on the command line and in manifests: {@code calibrated}, {@code heavy}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The profile named {@code id} (ignoring case).
   *
   * @throws IllegalArgumentException naming the known profiles when none matches
   */
  public static DefectProfile byId(String id) {
    for (DefectProfile profile : values()) {
      if (profile.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return profile;
      }
    }
    throw new IllegalArgumentException(
        "Unknown defect profile '" + id + "': use one of "
            + Arrays.stream(values()).map(DefectProfile::id).collect(Collectors.joining(", ")));
  }
}

package org.detentionaudit.core.measure;

/**
 * What the facility reference says about one facility code (or a facility name that matches
 * reference codes), as far as cost is concerned.
 *
 * @param perDiem the daily rate in dollars, or null when there is none (no rate published, not ICE
 *     funded, or redacted)
 * @param perDiemText the rate as published (e.g. {@code 63.00}, a tiered text, {@code b)(4)}), or
 *     null
 * @param redacted true when the rate was withheld ({@code b)(4)})
 * @param ambiguous true for a facility name that matches several reference codes: in the
 *     reference, but no one rate applies (then {@code perDiem} and {@code perDiemText} are null)
 */
public record FacilityRate(Double perDiem, String perDiemText, boolean redacted, boolean ambiguous) {
  /** A code's (or uniquely matched name's) rate. */
  public FacilityRate(Double perDiem, String perDiemText, boolean redacted) {
    this(perDiem, perDiemText, redacted, false);
  }

  /** A name that matches several reference codes: no rate is chosen among them. */
  public static FacilityRate ambiguousName() {
    return new FacilityRate(null, null, false, true);
  }
}

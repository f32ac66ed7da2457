package org.detentionaudit.core.measure;

/**
 * What the facility reference says about one facility code, as far as cost is concerned.
 *
 * @param perDiem the daily rate in dollars, or null when there is none (no rate published, not ICE
 *     funded, or redacted)
 * @param perDiemText the rate as published (e.g. {@code 63.00}, a tiered text, {@code b)(4)}), or
 *     null
 * @param redacted true when the rate was withheld ({@code b)(4)})
 */
public record FacilityRate(Double perDiem, String perDiemText, boolean redacted) {}

package org.detentionaudit.core.reference;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a facility reference says about one facility code.
 *
 * @param code the code as listed (trimmed); look-ups ignore case
 * @param names the names listed for the code, trimmed, in file order, without repeats (ignoring
 *     case); empty when the list gives none
 * @param perDiem the code's per-diem: the first non-empty per-diem text among its rows
 * @param sources where the entry comes from, e.g. {@code ice-2017}, {@code ddp-2025-02} (the
 *     bundled lists) or the user's file name; in order, without repeats
 * @param type the facility type as listed (ICE's 2017 list: e.g. {@code IGSA}, {@code Other}); empty
 *     when not given
 * @param typeDetailed the detailed type as listed (e.g. {@code HOLD}, {@code STAGING}, {@code
 *     IGSA}); empty when not given
 * @param holdLimit whether the list marks the facility as holding people under or over 72 hours
 *     ({@code over_under_72}: {@code Under 72}, {@code Over 72})
 */
public record FacilityEntry(
    String code,
    List<String> names,
    PerDiem perDiem,
    List<String> sources,
    String type,
    String typeDetailed,
    HoldLimit holdLimit) {

  /** The 2017 list's {@code over_under_72} mark. */
  public enum HoldLimit {
    /** {@code Under 72}: ICE holds people there for less than 72 hours (hold rooms, staging). */
    UNDER_72,
    /** {@code Over 72}: a facility for longer detention. */
    OVER_72,
    /** Not marked (empty, or any other text). */
    UNKNOWN;

    /**
     * Reads a mark ignoring case, spaces and punctuation: {@code Under 72} and {@code under_72} are
     * {@link #UNDER_72}, {@code Over 72} is {@link #OVER_72}, anything else {@link #UNKNOWN}.
     */
    public static HoldLimit of(String text) {
      String folded = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      return switch (folded) {
        case "under72" -> UNDER_72;
        case "over72" -> OVER_72;
        default -> UNKNOWN;
      };
    }

    /** The mark as the list writes it ({@code Under 72}, {@code Over 72}), or null when unknown. */
    public String label() {
      return switch (this) {
        case UNDER_72 -> "Under 72";
        case OVER_72 -> "Over 72";
        case UNKNOWN -> null;
      };
    }
  }

  public FacilityEntry {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(perDiem, "perDiem");
    names = List.copyOf(names);
    sources = List.copyOf(sources);
    type = type == null ? "" : type;
    typeDetailed = typeDetailed == null ? "" : typeDetailed;
    holdLimit = holdLimit == null ? HoldLimit.UNKNOWN : holdLimit;
  }

  /** An entry without type or hold limit. */
  public FacilityEntry(String code, List<String> names, PerDiem perDiem, List<String> sources) {
    this(code, names, perDiem, sources, "", "", HoldLimit.UNKNOWN);
  }

  /** Dollars per person per day, or null when unknown (none, redacted, not ICE funded). */
  public Double perDiemRate() {
    return perDiem.rate();
  }

  /** The per-diem as published, e.g. {@code 63.00}, {@code b)(4)}; empty when none was given. */
  public String perDiemText() {
    return perDiem.text();
  }

  /** True when the per-diem is redacted ({@code b)(4)}): the cost exists but cannot be known. */
  public boolean rateRedacted() {
    return perDiem.redacted();
  }
}

package org.detentionaudit.core.reference;

import java.util.List;
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
 */
public record FacilityEntry(String code, List<String> names, PerDiem perDiem, List<String> sources) {
  public FacilityEntry {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(perDiem, "perDiem");
    names = List.copyOf(names);
    sources = List.copyOf(sources);
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

package org.detentionaudit.core.reference;

import java.util.List;
import java.util.Optional;

/**
 * What a facility name from the data matches in the facility reference ({@link
 * FacilityReference#matchName(String)}), comparing {@link FacilityNames#normalize normal forms}.
 *
 * @param name the name looked up, as given
 * @param codes the reference codes listing a name with the same normal form, sorted; empty when
 *     none does
 */
public record NameMatch(String name, List<String> codes) {
  public NameMatch {
    codes = List.copyOf(codes);
  }

  /** The name matches at least one reference facility ({@code in_reference}). */
  public boolean inReference() {
    return !codes.isEmpty();
  }

  /** The name matches exactly one code: the facility is known. */
  public boolean unique() {
    return codes.size() == 1;
  }

  /** The name matches several codes: reported as ambiguous, never assigned to one of them. */
  public boolean ambiguous() {
    return codes.size() > 1;
  }

  /** The one code the name matches, or empty when it matches none or several. */
  public Optional<String> code() {
    return unique() ? Optional.of(codes.get(0)) : Optional.empty();
  }
}

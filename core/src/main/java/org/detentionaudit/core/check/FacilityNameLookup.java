package org.detentionaudit.core.check;


import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.detentionaudit.core.scan.ScanPass;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.detentionaudit.core.reference.FacilityEntry.HoldLimit;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.reference.NameMatch;

/**
 * How the rules key facilities: by facility_code, or, where the layout has facility names but no
 * codes, by facility_name looked up in the facility reference ({@link
 * FacilityReference#matchName(String)}).
 *
 * <p>By name: the distinct folded names of the data ({@code upper(trim(facility_name))}) come
 * with the facility pairs of the scan pass (a facility list's worth, not the data), are matched on
 * the driver, and the rules test membership in the resulting sets, as for {@link
 * FacilityNameConflicts}: no join.
 *
 * @param byName true when facilities are keyed by name
 * @param matches per folded name of the data, what it matches (empty when keyed by code)
 */
public record FacilityNameLookup(boolean byName, Map<String, NameMatch> matches) {
  public FacilityNameLookup {
    matches = Map.copyOf(matches);
  }

  /** Facilities keyed by code (nothing to look up). */
  public static FacilityNameLookup byCode() {
    return new FacilityNameLookup(false, Map.of());
  }

  /** Looks up every distinct name of {@code placements} in {@code reference} (one Spark job). */
  public static FacilityNameLookup byName(List<ScanPass.FacilityPair> pairs, FacilityReference reference) {
    Map<String, NameMatch> matches = new TreeMap<>();
    for (ScanPass.FacilityPair pair : pairs) {
      if (pair.name() != null) {
        matches.computeIfAbsent(pair.name(), reference::matchName);
      }
    }
    return new FacilityNameLookup(true, matches);
  }

  /** The folded names that match at least one reference code (unique or ambiguous). */
  Set<String> namesInReference() {
    Set<String> names = new TreeSet<>();
    matches.forEach((name, match) -> {
      if (match.inReference()) {
        names.add(name);
      }
    });
    return names;
  }

  /**
   * The folded names that match exactly one code whose mark is one of {@code limits}; ambiguous
   * names are never assigned a facility, so never a mark.
   */
  Set<String> namesWith(FacilityReference reference, Collection<HoldLimit> limits) {
    Set<String> names = new TreeSet<>();
    matches.forEach((name, match) -> match.code()
        .flatMap(reference::find)
        .filter(entry -> limits.contains(entry.holdLimit()))
        .ifPresent(entry -> names.add(name)));
    return names;
  }

  /** Folded name -> the one code it matches, for the names in {@code names}. */
  Map<String, String> codesOf(Collection<String> names) {
    Map<String, String> codes = new TreeMap<>();
    for (String name : names) {
      NameMatch match = matches.get(name);
      if (match != null) {
        match.code().ifPresent(code -> codes.put(name, code));
      }
    }
    return codes;
  }
}

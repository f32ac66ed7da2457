package org.detentionaudit.core.check;


import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detentionaudit.core.scan.ScanPass;
import java.util.TreeSet;

/**
 * The facility codes that a dataset holds under more than one name, and the names it holds under
 * more than one code, both folded (trimmed, upper-cased); only records with both a code and a name
 * count.
 *
 * <p>Found on the driver among the distinct (code, name) pairs the scan pass collects (a facility
 * list's worth, not the data); the rules then test membership in them, so the consistency rules
 * need no join and no second sort of the placements.
 *
 * @param codesWithSeveralNames folded codes seen under two or more folded names
 * @param namesWithSeveralCodes folded names seen under two or more folded codes
 */
public record FacilityNameConflicts(Set<String> codesWithSeveralNames, Set<String> namesWithSeveralCodes) {
  /** The folded code, as SQL over the placement columns. */
  static final String CODE_KEY_SQL = "upper(trim(facility_code))";
  /** The folded name, as SQL over the placement columns. */
  static final String NAME_KEY_SQL = "upper(trim(facility_name))";

  public FacilityNameConflicts {
    codesWithSeveralNames = Set.copyOf(codesWithSeveralNames);
    namesWithSeveralCodes = Set.copyOf(namesWithSeveralCodes);
  }

  /** No conflicts (nothing computed). */
  public static FacilityNameConflicts none() {
    return new FacilityNameConflicts(Set.of(), Set.of());
  }

  /**
   * The conflicts among the distinct folded (code, name) pairs the scan pass collected: codes with
   * several names, names with several codes (pairs missing either side take no part).
   */
  public static FacilityNameConflicts fromPairs(List<ScanPass.FacilityPair> pairs) {
    Map<String, Set<String>> namesByCode = new HashMap<>();
    Map<String, Set<String>> codesByName = new HashMap<>();
    for (ScanPass.FacilityPair pair : pairs) {
      if (pair.code() != null && pair.name() != null) {
        namesByCode.computeIfAbsent(pair.code(), k -> new HashSet<>()).add(pair.name());
        codesByName.computeIfAbsent(pair.name(), k -> new HashSet<>()).add(pair.code());
      }
    }
    Set<String> codes = new TreeSet<>();
    namesByCode.forEach((code, names) -> { if (names.size() > 1) codes.add(code); });
    Set<String> names = new TreeSet<>();
    codesByName.forEach((name, codesOfName) -> { if (codesOfName.size() > 1) names.add(name); });
    return new FacilityNameConflicts(codes, names);
  }
}

package org.detentionaudit.core.check;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detentionaudit.core.scan.ScanPass;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The facility codes that a dataset holds under more than one name, and the names it holds under
 * more than one code, both folded (trimmed, upper-cased); only records with both a code and a name
 * count.
 *
 * <p>Computed by one small aggregation of the distinct (code, name) pairs; only the conflicting keys
 * reach the driver (a facility list's worth, not the data), and the rules then test membership in
 * them, so the consistency rules need no join and no second sort of the placements.
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

  /** Finds the conflicts in {@code placements} (one Spark job). */
  public static FacilityNameConflicts of(Dataset<Row> placements) {
    Dataset<Row> pairs =
        placements
            .where("facility_code IS NOT NULL AND facility_name IS NOT NULL")
            .select(expr(CODE_KEY_SQL).as("code"), expr(NAME_KEY_SQL).as("name"));
    Dataset<Row> codes =
        pairs
            .groupBy("code")
            .agg(countDistinct(col("name")).as("n"))
            .where("n > 1")
            .select(lit("code").as("kind"), col("code").as("key"));
    Dataset<Row> names =
        pairs
            .groupBy("name")
            .agg(countDistinct(col("code")).as("n"))
            .where("n > 1")
            .select(lit("name").as("kind"), col("name").as("key"));
    Set<String> conflictingCodes = new TreeSet<>();
    Set<String> conflictingNames = new TreeSet<>();
    for (Row row : codes.unionAll(names).collectAsList()) {
      (row.getString(0).equals("code") ? conflictingCodes : conflictingNames).add(row.getString(1));
    }
    return new FacilityNameConflicts(conflictingCodes, conflictingNames);
  }
}

package org.detentionaudit.sample.generate;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running tallies of what the generator produced: people, stays, and how many times each defect
 * and near miss was applied. Informational: the audit's expected counts come from the oracle.
 */
public final class SeedCounts {

  private long people;
  private long stays;
  private final EnumMap<Defect, Long> defects = new EnumMap<>(Defect.class);
  private final EnumMap<NearMiss, Long> nearMisses = new EnumMap<>(NearMiss.class);

  SeedCounts() {
    for (Defect defect : Defect.values()) {
      defects.put(defect, 0L);
    }
    for (NearMiss nearMiss : NearMiss.values()) {
      nearMisses.put(nearMiss, 0L);
    }
  }

  void person() {
    people++;
  }

  void stays(int count) {
    stays += count;
  }

  void applied(Defect defect) {
    defects.merge(defect, 1L, Long::sum);
  }

  void applied(NearMiss nearMiss) {
    nearMisses.merge(nearMiss, 1L, Long::sum);
  }

  /** People generated (including those whose every row lost its id to a defect). */
  public long people() {
    return people;
  }

  /** Stays generated (a duplicate row adds no stay). */
  public long stays() {
    return stays;
  }

  /** Applications per defect, keyed by {@link Defect#key()}, in enum order. */
  public Map<String, Long> defectsApplied() {
    Map<String, Long> result = new LinkedHashMap<>();
    defects.forEach((defect, count) -> result.put(defect.key(), count));
    return result;
  }

  /** Applications per near miss, keyed by {@link NearMiss#key()}, in enum order. */
  public Map<String, Long> nearMissesApplied() {
    Map<String, Long> result = new LinkedHashMap<>();
    nearMisses.forEach((nearMiss, count) -> result.put(nearMiss.key(), count));
    return result;
  }
}

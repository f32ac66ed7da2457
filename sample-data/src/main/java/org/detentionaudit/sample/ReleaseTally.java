package org.detentionaudit.sample;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.detentionaudit.sample.model.PlacementRecord;

/**
 * What one release holds, counted as it is written: records per fiscal year of book-in and per
 * (fiscal year, facility code), and what the planted changes touch (the dropped fiscal year and
 * facility, the blanked column, the renamed facility's rows and names).
 */
final class ReleaseTally {

  /** The key of records without a facility code in {@link #byFiscalYearAndFacility()}. */
  static final String NO_FACILITY_CODE = "";

  private final PlantedChanges changes;
  private long records;
  private long withoutFiscalYear;
  private final TreeMap<Integer, Long> byFiscalYear = new TreeMap<>();
  private final TreeMap<Integer, TreeMap<String, Long>> byFiscalYearAndFacility = new TreeMap<>();
  private long blankColumnFilled;
  private long renamedRecords;
  private final TreeMap<String, Long> renamedNames = new TreeMap<>();
  private final TreeMap<String, Long> droppedNames = new TreeMap<>();

  ReleaseTally(PlantedChanges changes) {
    this.changes = changes;
  }

  void add(List<PlacementRecord> rows) {
    for (PlacementRecord row : rows) {
      records++;
      Integer year = ReleaseView.fiscalYear(row.bookIn());
      String code = ReleaseView.facilityKey(row.facilityCode());
      if (year == null) {
        withoutFiscalYear++;
      } else {
        byFiscalYear.merge(year, 1L, Long::sum);
        byFiscalYearAndFacility
            .computeIfAbsent(year, y -> new TreeMap<>())
            .merge(code == null ? NO_FACILITY_CODE : code, 1L, Long::sum);
      }
      if (changes.blankColumn().filled(row)) {
        blankColumnFilled++;
      }
      String name = row.facilityName() == null ? null : row.facilityName().trim();
      if (changes.renamedCode().equals(code)) {
        renamedRecords++;
        if (name != null && !name.isEmpty()) {
          renamedNames.merge(name, 1L, Long::sum);
        }
      }
      if (changes.droppedCode().equals(code) && year != null && year == changes.fiscalYear()
          && name != null && !name.isEmpty()) {
        droppedNames.merge(name, 1L, Long::sum);
      }
    }
  }

  long records() {
    return records;
  }

  /** Records without a fiscal year (no book-in, or an implausible one). */
  long withoutFiscalYear() {
    return withoutFiscalYear;
  }

  Map<Integer, Long> byFiscalYear() {
    return byFiscalYear;
  }

  Map<Integer, TreeMap<String, Long>> byFiscalYearAndFacility() {
    return byFiscalYearAndFacility;
  }

  /** Records of one fiscal year at one facility code (trimmed, upper case). */
  long records(int fiscalYear, String code) {
    return byFiscalYearAndFacility.getOrDefault(fiscalYear, new TreeMap<>()).getOrDefault(code, 0L);
  }

  long records(int fiscalYear) {
    return byFiscalYear.getOrDefault(fiscalYear, 0L);
  }

  /** Rows whose blankable column is filled. */
  long blankColumnFilled() {
    return blankColumnFilled;
  }

  /** Rows with the renamed facility's code. */
  long renamedRecords() {
    return renamedRecords;
  }

  /** The renamed facility's names as written (trimmed), with their rows. */
  Map<String, Long> renamedNames() {
    return renamedNames;
  }

  /** The dropped facility's names on the dropped fiscal year's rows, with their rows. */
  Map<String, Long> droppedNames() {
    return droppedNames;
  }

  /** The name on most rows (ties: the first in order), or null. */
  static String mostFrequent(Map<String, Long> names) {
    String best = null;
    long most = 0;
    for (Map.Entry<String, Long> entry : names.entrySet()) {
      if (entry.getValue() > most) {
        best = entry.getKey();
        most = entry.getValue();
      }
    }
    return best;
  }
}

package org.detentionaudit.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.detentionaudit.sample.generate.FacilityCatalog;
import org.detentionaudit.sample.generate.PlacementSource;
import org.detentionaudit.sample.model.Facility;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.write.Layout;

/**
 * What a {@link ReleaseSeries} changes in its last release, chosen from the seed: every record of
 * fiscal year {@code fiscalYear} at facility {@code droppedCode} is dropped, column {@code
 * blankColumn} is empty, facility {@code renamedCode} is called {@code newName}. (The column rename
 * is the layout change, decided per output.)
 *
 * @param fiscalYear a fiscal year after the first of the window that ended at least {@link
 *     #MARGIN_DAYS} days before the extract date of the release before the last
 * @param droppedCode a facility code (as the audit compares them: trimmed, upper case)
 * @param renamedCode another facility code
 * @param newName the name every row of {@code renamedCode} has in the last release
 */
record PlantedChanges(
    int fiscalYear, String droppedCode, BlankableColumn blankColumn, String renamedCode, String newName) {

  /** A dropped fiscal year ends at least this long before the earlier release's extract date. */
  static final int MARGIN_DAYS = 30;

  /** The dropped facility's target share of the fiscal year's records: mid-size, not the largest. */
  static final double DROPPED_SHARE = 0.01;

  /** The facility-name rewrites a rename tries in turn (the first that applies and is new). */
  private static final List<String[]> RENAMES =
      List.of(
          new String[] {"DETENTION CENTER", "ICE PROCESSING CENTER"},
          new String[] {"DETENTION FACILITY", "ICE PROCESSING CENTER"},
          new String[] {"PROCESSING CENTER", "DETENTION CENTER"},
          new String[] {"COUNTY JAIL", "COUNTY DETENTION CENTER"},
          new String[] {"CORRECTIONAL CENTER", "DETENTION CENTER"},
          new String[] {"CORRECTIONAL FACILITY", "DETENTION FACILITY"},
          new String[] {"JAIL", "DETENTION CENTER"});

  /** True when {@code row} is one of the dropped records (by its book-in and code as generated). */
  boolean dropped(PlacementRecord row) {
    Integer year = ReleaseView.fiscalYear(row.bookIn());
    return year != null && year == fiscalYear && droppedCode.equals(ReleaseView.facilityKey(row.facilityCode()));
  }

  /** The name a row with {@code code} shows in the last release. */
  String facilityName(String code, String name) {
    return renamedCode.equals(ReleaseView.facilityKey(code)) ? newName : name;
  }

  /** {@code facility} with the new name when it is the renamed one (for the book-in site column). */
  Facility facility(Facility facility) {
    return renamedCode.equals(ReleaseView.facilityKey(facility.code()))
        ? new Facility(facility.code(), newName, facility.aorCode(), facility.type(), facility.overUnder72())
        : facility;
  }

  /** The fiscal years a dropped year may be: after the window's first, ended well before {@code extract}. */
  static List<Integer> eligibleFiscalYears(LocalDateTime extract) {
    List<Integer> years = new ArrayList<>();
    int first = ReleaseView.fiscalYear(SampleGenerator.GENERATED_WINDOW_START.atStartOfDay());
    for (int year = first + 1; ; year++) {
      LocalDate end = LocalDate.of(year, 9, 30);
      if (end.plusDays(1 + MARGIN_DAYS).atStartOfDay().isAfter(extract)) {
        return years;
      }
      years.add(year);
    }
  }

  /**
   * Chooses the changes from the first {@code sampleRows} rows of the population as release {@code
   * before} shows them (persons are drawn independently, so a prefix is a fair sample; the exact
   * numbers are counted while writing).
   *
   * @param population a fresh source of the series' population
   * @param before the view of the release before the last, without changes
   * @param beforeExtract its extract date
   * @param layouts every layout written in the last two releases (the blank column is one they all have)
   * @throws IllegalArgumentException when no fiscal year or facility qualifies
   */
  static PlantedChanges choose(
      long seed,
      PlacementSource population,
      ReleaseView before,
      LocalDateTime beforeExtract,
      long sampleRows,
      Set<Layout> layouts) {
    List<Integer> years = eligibleFiscalYears(beforeExtract);
    if (years.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot plant the dropped records: the release before the last is extracted on " + beforeExtract
              + ", before any fiscal year after the first (FY2013, to 30 September 2013) is "
              + MARGIN_DAYS + " days past; use a later extract date or fewer releases");
    }
    Set<String> catalogCodes = new HashSet<>();
    for (String code : FacilityCatalog.bundled().codes()) {
      catalogCodes.add(code.toUpperCase(Locale.ROOT));
    }
    Map<Integer, Map<String, Long>> byYear = new TreeMap<>();
    Map<Integer, Long> yearTotals = new TreeMap<>();
    Map<String, Long> all = new TreeMap<>();
    Map<String, Set<String>> names = new HashMap<>();
    long records = 0;
    long seen = 0;
    while (population.hasNext() && seen < sampleRows) {
      List<PlacementRecord> person = population.next();
      seen += person.size();
      for (PlacementRecord row : before.rows(person)) {
        records++;
        String code = ReleaseView.facilityKey(row.facilityCode());
        Integer year = ReleaseView.fiscalYear(row.bookIn());
        if (year != null) {
          yearTotals.merge(year, 1L, Long::sum);
        }
        if (code == null || !catalogCodes.contains(code)) {
          continue;
        }
        all.merge(code, 1L, Long::sum);
        if (year != null) {
          byYear.computeIfAbsent(year, y -> new TreeMap<>()).merge(code, 1L, Long::sum);
        }
        if (row.facilityName() != null && !row.facilityName().isBlank()) {
          names.computeIfAbsent(code, c -> new TreeSet<>()).add(row.facilityName().trim().toUpperCase(Locale.ROOT));
        }
      }
    }
    List<Integer> withRecords = years.stream().filter(byYear::containsKey).toList();
    if (withRecords.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot plant the dropped records: no record of FY" + years.get(0) + " to FY" + years.get(years.size() - 1)
              + " names a known facility; generate more placements");
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x706C616E74656421L);
    int fiscalYear = withRecords.get(random.nextInt(withRecords.size()));
    Map<String, Long> inYear = byYear.get(fiscalYear);
    long yearRecords = yearTotals.get(fiscalYear);
    String dropped = closest(inYear, DROPPED_SHARE * yearRecords);

    Map<String, Long> renameCandidates = new TreeMap<>();
    all.forEach(
        (code, count) -> {
          if (!code.equals(dropped) && names.getOrDefault(code, Set.of()).size() == 1) {
            renameCandidates.put(code, count);
          }
        });
    if (renameCandidates.isEmpty()) { // every facility seen under several names: take any other
      all.forEach((code, count) -> {
        if (!code.equals(dropped)) {
          renameCandidates.put(code, count);
        }
      });
    }
    if (renameCandidates.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot plant the facility rename: the release before the last names only one known facility;"
              + " generate more placements");
    }
    String renamed = closest(renameCandidates, DROPPED_SHARE * records);

    List<BlankableColumn> columns = new ArrayList<>();
    for (BlankableColumn column : BlankableColumn.values()) {
      if (layouts.stream().allMatch(layout -> column.header(layout) != null)) {
        columns.add(column);
      }
    }
    BlankableColumn blank = columns.get(random.nextInt(columns.size())); // Gender is in every layout
    return new PlantedChanges(fiscalYear, dropped, blank, renamed, newName(renamed));
  }

  /** The code whose count is closest to {@code target} (ties: the larger count, then the first code). */
  private static String closest(Map<String, Long> counts, double target) {
    return counts.entrySet().stream()
        .min(
            Comparator.<Map.Entry<String, Long>>comparingDouble(e -> Math.abs(e.getValue() - target))
                .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey))
        .orElseThrow()
        .getKey();
  }

  /**
   * A plausible new name for the facility (its catalog name with a type rewritten, e.g. {@code
   * DETENTION CENTER} to {@code ICE PROCESSING CENTER}), never a name any catalog facility has.
   */
  static String newName(String code) {
    Set<String> taken = new HashSet<>();
    String current = null;
    for (Facility facility : FacilityCatalog.bundled().all()) {
      taken.add(facility.name().trim().toUpperCase(Locale.ROOT));
      if (facility.code().equalsIgnoreCase(code)) {
        current = facility.name().trim().toUpperCase(Locale.ROOT);
      }
    }
    String base = current != null ? current : code;
    for (String[] rename : RENAMES) {
      if (base.contains(rename[0])) {
        String candidate = base.replace(rename[0], rename[1]);
        if (!taken.contains(candidate)) {
          return candidate;
        }
      }
    }
    String candidate = base + " ICE PROCESSING CENTER";
    for (int n = 2; taken.contains(candidate); n++) {
      candidate = base + " ICE PROCESSING CENTER " + n;
    }
    return candidate;
  }
}

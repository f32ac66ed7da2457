package org.detentionaudit.core.sort;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the sort pass counts record by record, after the rules are judged: findings per rule, the
 * breakdown (records judged and failed per rule, fiscal year and facility), and per facility its
 * records, failing records, names and bed-days per fiscal year.
 */
public final class RecordTally implements Tally<RecordTally> {
  private static final long serialVersionUID = 1L;

  private final int rules;
  private final HashMap<String, Long> findingsPerRule = new HashMap<>();
  private final HashMap<Group, long[]> groups = new HashMap<>();
  private final HashMap<String, Facility> facilities = new HashMap<>();

  /** @param rules the number of rules judged (the length of the checked and failed lists) */
  public RecordTally(int rules) {
    this.rules = rules;
  }

  /** One breakdown group: fiscal year of book-in, facility code and name as written. */
  public record Group(Integer fiscalYear, String facilityCode, String facilityName)
      implements java.io.Serializable {}

  /** Per facility key (null: no facility). */
  public static final class Facility implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long records;
    long lengthUnknown;
    long failed;
    final TreeSet<String> names = new TreeSet<>();
    final TreeMap<Integer, Long> bedDays = new TreeMap<>();

    public long records() {
      return records;
    }

    /** Records whose bed-days could not be measured. */
    public long lengthUnknown() {
      return lengthUnknown;
    }

    /** Records failing at least one rule. */
    public long failed() {
      return failed;
    }

    /** Names seen (trimmed), sorted. */
    public List<String> names() {
      return List.copyOf(names);
    }

    /** Bed-days per fiscal year, by year. */
    public Map<Integer, Long> bedDays() {
      return bedDays;
    }

    void merge(Facility other) {
      records += other.records;
      lengthUnknown += other.lengthUnknown;
      failed += other.failed;
      names.addAll(other.names);
      other.bedDays.forEach((year, days) -> bedDays.merge(year, days, Long::sum));
    }
  }

  /**
   * Counts one record.
   *
   * @param group its breakdown group
   * @param checked per rule (in the judged order), whether the rule judged it
   * @param failed per rule, whether it failed (a subset of checked)
   * @param facilityKey its facility key for {@code facilities.parquet} (null: none)
   * @param name its trimmed facility name (null: none)
   * @param measurable whether its bed-days can be measured
   * @param startDay, endDay its book-in day and end day (days since 1970-01-01) when measurable
   */
  void add(
      Group group,
      boolean[] checked,
      boolean[] failed,
      int failures,
      String facilityKey,
      String name,
      boolean measurable,
      int startDay,
      int endDay) {
    long[] counts = groups.computeIfAbsent(group, g -> new long[1 + 2 * rules]);
    counts[0]++;
    for (int r = 0; r < rules; r++) {
      if (checked[r]) {
        counts[1 + r]++;
      }
      if (failed[r]) {
        counts[1 + rules + r]++;
      }
    }
    Facility facility = facilities.computeIfAbsent(facilityKey, k -> new Facility());
    facility.records++;
    if (failures > 0) {
      facility.failed++;
    }
    if (name != null) {
      facility.names.add(name);
    }
    if (!measurable) {
      facility.lengthUnknown++;
    } else if (endDay > startDay) {
      addNights(facility.bedDays, startDay, endDay - 1);
    }
  }

  void addFinding(String ruleId) {
    findingsPerRule.merge(ruleId, 1L, Long::sum);
  }

  /** The first fiscal year of {@link #FISCAL_YEAR_STARTS}. */
  private static final int FIRST_TABULATED_YEAR = 1900;

  /**
   * The first day (days since 1970-01-01) of fiscal years {@value #FIRST_TABULATED_YEAR} to 2400,
   * so that a record's nights are split by fiscal year with integer comparisons: this runs for every
   * record of the sort pass, and building {@code LocalDate}s there cost a few percent of it.
   */
  private static final long[] FISCAL_YEAR_STARTS = new long[2400 - FIRST_TABULATED_YEAR + 2];

  static {
    for (int i = 0; i < FISCAL_YEAR_STARTS.length; i++) {
      FISCAL_YEAR_STARTS[i] = LocalDate.of(FIRST_TABULATED_YEAR + i - 1, 10, 1).toEpochDay();
    }
  }

  /**
   * Adds the nights from day {@code first} to day {@code last} (days since 1970-01-01, both
   * included) to their fiscal years: the night beginning on day {@code d} counts in the fiscal year
   * of {@code d} (October to September).
   */
  static void addNights(Map<Integer, Long> byYear, long first, long last) {
    int lastYear = fiscalYear(last);
    long from = first;
    for (int year = fiscalYear(first); year <= lastYear; year++) {
      long yearEnd = fiscalYearStart(year + 1) - 1;
      long to = Math.min(last, yearEnd);
      byYear.merge(year, to - from + 1, Long::sum);
      from = to + 1;
    }
  }

  /** The fiscal year of a day (days since 1970-01-01): the calendar year, plus one from October. */
  static int fiscalYear(long day) {
    int index = Arrays.binarySearch(FISCAL_YEAR_STARTS, day);
    if (index >= 0) {
      return FIRST_TABULATED_YEAR + index;
    }
    int insertion = -index - 1;
    if (insertion == 0 || insertion == FISCAL_YEAR_STARTS.length) {
      LocalDate date = LocalDate.ofEpochDay(day);
      return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }
    return FIRST_TABULATED_YEAR + insertion - 1;
  }

  /** The first day (days since 1970-01-01) of fiscal year {@code year}: 1 October of the year before. */
  private static long fiscalYearStart(int year) {
    int index = year - FIRST_TABULATED_YEAR;
    return index >= 0 && index < FISCAL_YEAR_STARTS.length
        ? FISCAL_YEAR_STARTS[index]
        : LocalDate.of(year - 1, 10, 1).toEpochDay();
  }

  /** Findings per rule id. */
  public Map<String, Long> findingsPerRule() {
    return findingsPerRule;
  }

  /** Per breakdown group: records, then checked per rule, then failed per rule. */
  public Map<Group, long[]> groups() {
    return groups;
  }

  /** Per facility key (null: records without a facility). */
  public Map<String, Facility> facilities() {
    return facilities;
  }

  @Override
  public void merge(RecordTally other) {
    other.findingsPerRule.forEach((rule, count) -> findingsPerRule.merge(rule, count, Long::sum));
    other.groups.forEach(
        (group, counts) -> {
          long[] mine = groups.computeIfAbsent(group, g -> new long[counts.length]);
          for (int i = 0; i < counts.length; i++) {
            mine[i] += counts[i];
          }
        });
    other.facilities.forEach(
        (key, facility) -> facilities.computeIfAbsent(key, k -> new Facility()).merge(facility));
  }

  @Override
  public RecordTally empty() {
    return new RecordTally(rules);
  }
}

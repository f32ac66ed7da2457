package org.detentionaudit.core.compare;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.detentionaudit.core.compare.ReleaseMetrics.ColumnShare;
import org.detentionaudit.core.compare.ReleaseMetrics.FacilityMetric;
import org.detentionaudit.core.compare.ReleaseMetrics.FacilityYearRecords;
import org.detentionaudit.core.compare.ReleaseMetrics.RuleMetric;
import org.detentionaudit.core.compare.ReleaseMetrics.YearRecords;
import org.detentionaudit.core.layout.HeaderKey;
import org.detentionaudit.core.reference.FacilityNames;

/**
 * Two releases set side by side: one {@link ComparisonRow} per compared quantity, judged with
 * {@link ChangeDetector} against {@link Thresholds}. Rows come in this order: {@code window},
 * {@code schema}, {@code rule}, {@code column}, {@code records}, {@code facility}.
 *
 * <ul>
 *   <li><b>window</b>: the extract dates (flagged when the later release's is earlier:
 *       {@code extract_date_earlier}), the first and last book-ins, and each fiscal year outside the
 *       years both releases cover whole (not flagged: not comparable).
 *   <li><b>schema</b>: columns matched by canonical field, else by header ({@link HeaderKey}: case,
 *       spaces and punctuation ignored, so {@code Birth Date} is {@code birth_date}); a column of
 *       one release only is added or dropped, one whose header changed beyond that is renamed
 *       ({@code schema_change}).
 *   <li><b>rule</b>: each rule's failed ratio ({@code rule_failed_ratio}); a rule {@code
 *       NOT_APPLICABLE} in either release is a row saying so, never flagged as a change of ratio.
 *   <li><b>column</b>: each matched column's missing share and redacted share ({@code
 *       column_missing_share}, {@code column_redacted_share}).
 *   <li><b>records</b>: per fiscal year both releases cover whole, and per (fiscal year, facility)
 *       in those years. A year that had ended by the earlier release's extract date (closed) is
 *       flagged on any loss ({@code records_closed_year_loss}) and on a gain above its threshold
 *       ({@code records_closed_year_gain}); the year the earlier extract date falls in (open) only
 *       on a loss ({@code records_open_year_loss}): it grows naturally. Per facility, {@code
 *       facility_year_loss} (closed and open years) and {@code facility_year_gain} (closed years).
 *       Records without a plausible book-in: {@code records_undated}.
 *   <li><b>facility</b>: a facility code seen in one release only ({@code facility_new}, {@code
 *       facility_gone}: gone is flagged only when the earlier release had records there in the
 *       compared years) and a code whose names changed ({@code facility_renamed}), names compared
 *       in their normal form ({@link FacilityNames#normalize}: a spelling that differs only in
 *       case, punctuation or a listed abbreviation is not a new name). Where the layouts have no
 *       codes, facilities are keyed by that normal form.
 * </ul>
 *
 * <p>The years both releases cover whole: from the fiscal year of the later of the two first
 * book-ins (that year itself only when both releases start on the same day or it starts on that
 * year's first day) to the fiscal year of the earlier of the two last book-ins, and not after the
 * year the earlier release's extract date (else its last book-in) falls in.
 */
public final class ReleaseComparison {
  private static final List<String> KIND_ORDER =
      List.of(
          ComparisonRow.WINDOW, ComparisonRow.SCHEMA_KIND, ComparisonRow.RULE, ComparisonRow.COLUMN,
          ComparisonRow.RECORDS, ComparisonRow.FACILITY);

  private final ReleaseMetrics before;
  private final ReleaseMetrics after;
  private final ChangeDetector detector;
  private final Thresholds thresholds;
  private final List<ComparisonRow> rows = new ArrayList<>();
  /** The fiscal years compared as wholes, ascending; empty when there is no common window. */
  private final Set<Integer> comparedYears = new TreeSet<>();
  private Integer openYear;

  private ReleaseComparison(ReleaseMetrics before, ReleaseMetrics after, Thresholds thresholds) {
    this.before = before;
    this.after = after;
    this.thresholds = thresholds;
    this.detector = new ChangeDetector(thresholds);
  }

  /** Compares two releases, {@code before} the earlier. */
  public static ReleaseComparison of(ReleaseMetrics before, ReleaseMetrics after, Thresholds thresholds) {
    ReleaseComparison c =
        new ReleaseComparison(
            Objects.requireNonNull(before, "before"),
            Objects.requireNonNull(after, "after"),
            Objects.requireNonNull(thresholds, "thresholds"));
    c.window();
    c.schema();
    c.rules();
    c.columns();
    c.records();
    c.facilities();
    c.rows.sort(Comparator.comparingInt(r -> KIND_ORDER.indexOf(r.kind())));
    return c;
  }

  public ReleaseMetrics before() {
    return before;
  }

  public ReleaseMetrics after() {
    return after;
  }

  /** Every row, in kind order (window, schema, rule, column, records, facility). */
  public List<ComparisonRow> rows() {
    return List.copyOf(rows);
  }

  /** The flagged rows, largest change first ({@link ComparisonRow#size()}), then in row order. */
  public List<ComparisonRow> flaggedRows() {
    return rows.stream()
        .filter(ComparisonRow::flagged)
        .sorted(Comparator.comparingDouble(ComparisonRow::size).reversed())
        .toList();
  }

  /** How many rows are flagged. */
  public long flagged() {
    return rows.stream().filter(ComparisonRow::flagged).count();
  }

  /** Flagged rows per kind, every kind present (0 when none), in kind order. */
  public Map<String, Long> flaggedByKind() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String kind : KIND_ORDER) {
      counts.put(kind, rows.stream().filter(r -> r.flagged() && r.kind().equals(kind)).count());
    }
    return counts;
  }

  /** The fiscal years compared as wholes, ascending. */
  public List<Integer> comparedYears() {
    return List.copyOf(comparedYears);
  }

  /** The fiscal year the earlier release's extract date falls in; empty when unknown. */
  public Optional<Integer> openYear() {
    return Optional.ofNullable(openYear);
  }

  /** The thresholds used. */
  public Thresholds thresholds() {
    return thresholds;
  }

  // ---- window ----

  private void window() {
    ReleaseMetrics.Run b = before.run();
    ReleaseMetrics.Run a = after.run();
    Optional<LocalDateTime> bExtract = dateTime(b.extractDate());
    Optional<LocalDateTime> aExtract = dateTime(a.extractDate());
    boolean earlier = bExtract.isPresent() && aExtract.isPresent() && aExtract.get().isBefore(bExtract.get());
    Double days =
        bExtract.isPresent() && aExtract.isPresent()
            ? (double) ChronoUnit.DAYS.between(bExtract.get().toLocalDate(), aExtract.get().toLocalDate())
            : null;
    String extractReason =
        String.format(
            Locale.ROOT,
            "extract date %s (%s) before, %s (%s) after%s",
            date(b.extractDate()),
            b.extractDateOrigin(),
            date(a.extractDate()),
            a.extractDateOrigin(),
            days == null ? "" : String.format(Locale.ROOT, ": %+,d days", days.longValue()));
    boolean flag = earlier && thresholds.of(ChangeKind.EXTRACT_DATE_EARLIER).flag();
    rows.add(
        new ComparisonRow(
            ComparisonRow.WINDOW, "extract_date", null, null, null, null, null, null, null, days, null, flag,
            extractReason + (flag ? "; the later release was extracted earlier (extract_date_earlier)" : "")));
    for (String measure : List.of("first_book_in", "last_book_in")) {
      String bValue = measure.equals("first_book_in") ? b.firstBookIn() : b.lastBookIn();
      String aValue = measure.equals("first_book_in") ? a.firstBookIn() : a.lastBookIn();
      Optional<LocalDateTime> bt = dateTime(bValue);
      Optional<LocalDateTime> at = dateTime(aValue);
      Double diff =
          bt.isPresent() && at.isPresent()
              ? (double) ChronoUnit.DAYS.between(bt.get().toLocalDate(), at.get().toLocalDate())
              : null;
      rows.add(
          new ComparisonRow(
              ComparisonRow.WINDOW, measure, null, null, null, null, null, null, null, diff, null, false,
              String.format(
                  Locale.ROOT,
                  "%s %s before, %s after%s",
                  measure.replace('_', ' ').replace("book in", "book-in"),
                  date(bValue),
                  date(aValue),
                  diff == null ? "" : String.format(Locale.ROOT, ": %+,d days", diff.longValue()))));
    }
    // The fiscal years both cover whole.
    Optional<LocalDateTime> bFirst = dateTime(b.firstBookIn());
    Optional<LocalDateTime> aFirst = dateTime(a.firstBookIn());
    Optional<LocalDateTime> bLast = dateTime(b.lastBookIn());
    Optional<LocalDateTime> aLast = dateTime(a.lastBookIn());
    openYear = bExtract.or(() -> bLast).map(t -> fiscalYear(t.toLocalDate())).orElse(null);
    if (bFirst.isEmpty() || aFirst.isEmpty() || bLast.isEmpty() || aLast.isEmpty()) {
      return;
    }
    LocalDate laterStart = max(bFirst.get(), aFirst.get()).toLocalDate();
    int first = fiscalYear(laterStart);
    boolean sameStart = bFirst.get().toLocalDate().equals(aFirst.get().toLocalDate());
    if (!sameStart && !laterStart.equals(LocalDate.of(first - 1, 10, 1))) {
      first++; // the later release covers its first year only in part
    }
    int last = Math.min(fiscalYear(min(bLast.get(), aLast.get()).toLocalDate()), openYear);
    for (int year = first; year <= last; year++) {
      comparedYears.add(year);
    }
  }

  // ---- schema and columns ----

  /** Before's column key matched to after's, in before's order; unmatched keys map to null. */
  private final Map<String, String> matched = new LinkedHashMap<>();

  private void schema() {
    Map<String, ColumnShare> bCols = byKey(before.columnShares());
    Map<String, ColumnShare> aCols = byKey(after.columnShares());
    Set<String> aUnmatched = new LinkedHashSet<>(aCols.keySet());
    for (String key : bCols.keySet()) {
      if (aCols.containsKey(key)) {
        matched.put(key, key);
        aUnmatched.remove(key);
      }
    }
    // A column one layout reads and the other does not (or under another field) is matched by header.
    for (String key : bCols.keySet()) {
      if (matched.containsKey(key)) {
        continue;
      }
      String header = bCols.get(key).header();
      Optional<String> same =
          aUnmatched.stream().filter(k -> sameHeader(aCols.get(k).header(), header)).findFirst();
      matched.put(key, same.orElse(null));
      same.ifPresent(aUnmatched::remove);
    }
    boolean flag = thresholds.of(ChangeKind.SCHEMA_CHANGE).flag();
    for (Map.Entry<String, String> m : matched.entrySet()) {
      ColumnShare b = bCols.get(m.getKey());
      if (m.getValue() == null) {
        rows.add(schemaRow(m.getKey(), flag, "column '" + b.header() + "'" + field(b) + " dropped: not in the after release"));
        continue;
      }
      ColumnShare a = aCols.get(m.getValue());
      if (!sameHeader(a.header(), b.header())) {
        rows.add(
            schemaRow(
                m.getKey(),
                flag,
                "column renamed: '" + b.header() + "' before, '" + a.header() + "' after"
                    + (b.canonicalField() != null && b.canonicalField().equals(a.canonicalField())
                        ? " (both read as " + a.canonicalField() + ")"
                        : "")));
      }
    }
    for (String key : aUnmatched) {
      ColumnShare a = aCols.get(key);
      rows.add(schemaRow(key, flag, "column '" + a.header() + "'" + field(a) + " added: not in the before release"));
    }
  }

  /** Headers that differ only in case, spaces or punctuation ({@link HeaderKey}) are one column. */
  private static boolean sameHeader(String a, String b) {
    return HeaderKey.of(a).equals(HeaderKey.of(b));
  }

  private ComparisonRow schemaRow(String column, boolean flag, String reason) {
    return new ComparisonRow(
        ComparisonRow.SCHEMA_KIND, "header", null, column, null, null, null, null, null, null, null, flag,
        reason + (flag ? " (schema_change)" : ""));
  }

  private static String field(ColumnShare c) {
    return c.canonicalField() == null ? "" : " (read as " + c.canonicalField() + ")";
  }

  private void columns() {
    Map<String, ColumnShare> bCols = byKey(before.columnShares());
    Map<String, ColumnShare> aCols = byKey(after.columnShares());
    for (Map.Entry<String, String> m : matched.entrySet()) {
      if (m.getValue() == null) {
        continue;
      }
      ColumnShare b = bCols.get(m.getKey());
      ColumnShare a = aCols.get(m.getValue());
      String name = a.header().equals(b.header()) ? a.header() : b.header() + " / " + a.header();
      judged(
          ComparisonRow.COLUMN, "missing_share", ChangeKind.COLUMN_MISSING_SHARE, null, m.getKey(), null, null, null,
          "missing share of " + name, b.missingShare(), a.missingShare());
      judged(
          ComparisonRow.COLUMN, "redacted_share", ChangeKind.COLUMN_REDACTED_SHARE, null, m.getKey(), null, null,
          null, "redacted share of " + name, b.redactedShare(), a.redactedShare());
    }
  }

  private static Map<String, ColumnShare> byKey(List<ColumnShare> shares) {
    Map<String, ColumnShare> map = new LinkedHashMap<>();
    shares.forEach(s -> map.put(s.key(), s));
    return map;
  }

  // ---- rules ----

  private void rules() {
    Map<String, RuleMetric> bRules = new LinkedHashMap<>();
    before.rules().forEach(r -> bRules.put(r.ruleId(), r));
    Map<String, RuleMetric> aRules = new LinkedHashMap<>();
    after.rules().forEach(r -> aRules.put(r.ruleId(), r));
    Set<String> ids = new LinkedHashSet<>(bRules.keySet());
    ids.addAll(aRules.keySet());
    for (String id : ids) {
      RuleMetric b = bRules.get(id);
      RuleMetric a = aRules.get(id);
      if (b != null && a != null && b.applicable() && a.applicable()) {
        judged(
            ComparisonRow.RULE, "failed_ratio", ChangeKind.RULE_FAILED_RATIO, id, null, null, null, null,
            "failed ratio of " + id, b.failedRatio(), a.failedRatio());
        continue;
      }
      String reason;
      if (b == null || a == null) {
        reason = "rule " + id + " not run in the " + (b == null ? "before" : "after") + " release";
      } else if (!b.applicable() && !a.applicable()) {
        reason = "rule " + id + " NOT_APPLICABLE in both releases (the layouts lack a column it needs)";
      } else {
        reason =
            "rule " + id + " NOT_APPLICABLE in the " + (b.applicable() ? "after" : "before")
                + " release (its layout lacks a column the rule needs): no ratio to compare";
      }
      Double bRatio = b == null ? null : b.failedRatio();
      Double aRatio = a == null ? null : a.failedRatio();
      rows.add(
          new ComparisonRow(
              ComparisonRow.RULE, "failed_ratio", id, null, null, null, null, bRatio, aRatio, null, null, false,
              reason));
    }
  }

  // ---- records ----

  private void records() {
    Map<Integer, Long> bYears = years(before.recordsByFiscalYear());
    Map<Integer, Long> aYears = years(after.recordsByFiscalYear());
    Set<Integer> all = new TreeSet<>(bYears.keySet());
    all.addAll(aYears.keySet());
    for (Integer year : all) {
      Long b = bYears.get(year);
      Long a = aYears.get(year);
      if (!comparedYears.contains(year)) {
        rows.add(
            new ComparisonRow(
                ComparisonRow.WINDOW, "records", null, null, year, null, null, number(b), number(a), difference(b, a),
                relative(b, a), false,
                String.format(
                    Locale.ROOT,
                    "FY%d (%s records before, %s after) is not covered whole by both releases: not compared",
                    year, count(b), count(a))));
        continue;
      }
      double bv = b == null ? 0 : b;
      double av = a == null ? 0 : a;
      String label = String.format(Locale.ROOT, "records of FY%d", year);
      if (year < openYear) {
        yearRow("records", null, null, label, bv, av, ChangeKind.RECORDS_CLOSED_YEAR_LOSS, ChangeKind.RECORDS_CLOSED_YEAR_GAIN, year);
      } else {
        yearRow("records", null, null, label, bv, av, ChangeKind.RECORDS_OPEN_YEAR_LOSS, null, year);
      }
    }
    Long bUndated = undated(before);
    Long aUndated = undated(after);
    if (bUndated != null || aUndated != null) {
      judged(
          ComparisonRow.RECORDS, "records", ChangeKind.RECORDS_UNDATED, null, null, null, null, null,
          "records without a plausible book-in", (double) (bUndated == null ? 0 : bUndated),
          (double) (aUndated == null ? 0 : aUndated));
    }
    facilityYears();
  }

  /**
   * One row of a year ({@code records}) or facility-year ({@code facility_records}): a loss judged
   * by {@code loss}, a gain by {@code gain} (none: not judged).
   */
  private void yearRow(
      String measure, String code, String name, String label, double b, double a, ChangeKind loss, ChangeKind gain,
      int year) {
    ChangeKind kind = a < b || gain == null ? loss : gain;
    judged(ComparisonRow.RECORDS, measure, kind, null, null, year, code, name, label, b, a);
  }

  private void facilityYears() {
    boolean byCode = hasCodes(before) && hasCodes(after);
    Map<List<Object>, Long> b = facilityYearCounts(before, byCode);
    Map<List<Object>, Long> a = facilityYearCounts(after, byCode);
    Map<String, Set<String>> bNames = facilityYearNames(before, byCode);
    Map<String, Set<String>> aNames = facilityYearNames(after, byCode);
    Set<List<Object>> keys = new TreeSet<>(KEY_ORDER);
    keys.addAll(b.keySet());
    keys.addAll(a.keySet());
    for (List<Object> key : keys) {
      Integer year = (Integer) key.get(0);
      if (year == null || !comparedYears.contains(year)) {
        continue;
      }
      String facility = (String) key.get(1);
      Set<String> names = aNames.getOrDefault(facility, bNames.getOrDefault(facility, Set.of()));
      String code = byCode ? facility : null;
      String name = byCode ? (names.isEmpty() ? null : String.join(" / ", names)) : facility;
      double bv = b.getOrDefault(key, 0L);
      double av = a.getOrDefault(key, 0L);
      String where =
          facility == null
              ? "records without a facility " + (byCode ? "code" : "name")
              : "records at " + facility + (byCode && name != null ? " (" + name + ")" : "");
      String label = String.format(Locale.ROOT, "%s in FY%d", where, year);
      if (year < openYear) {
        yearRow("facility_records", code, name, label, bv, av, ChangeKind.FACILITY_YEAR_LOSS, ChangeKind.FACILITY_YEAR_GAIN, year);
      } else {
        yearRow("facility_records", code, name, label, bv, av, ChangeKind.FACILITY_YEAR_LOSS, null, year);
      }
    }
  }

  private static final Comparator<List<Object>> KEY_ORDER =
      Comparator.<List<Object>, Integer>comparing(k -> (Integer) k.get(0), Comparator.nullsLast(Integer::compare))
          .thenComparing(k -> (String) k.get(1), Comparator.nullsLast(String::compareTo));

  /** Whether a release's breakdown has facility codes (its layout has them). */
  private static boolean hasCodes(ReleaseMetrics m) {
    return m.recordsByFacilityYear().stream().anyMatch(r -> r.facilityCode() != null);
  }

  /** The facility code (trimmed), or where the layouts have no codes the name's normal form. */
  private static String facilityKey(FacilityYearRecords r, boolean byCode) {
    if (!byCode) {
      return FacilityNames.normalize(r.facilityName());
    }
    return r.facilityCode() == null ? null : r.facilityCode().trim();
  }

  private static Map<List<Object>, Long> facilityYearCounts(ReleaseMetrics m, boolean byCode) {
    Map<List<Object>, Long> counts = new TreeMap<>(KEY_ORDER);
    for (FacilityYearRecords r : m.recordsByFacilityYear()) {
      counts.merge(java.util.Arrays.asList(r.fiscalYear(), facilityKey(r, byCode)), r.records(), Long::sum);
    }
    return counts;
  }

  private static Map<String, Set<String>> facilityYearNames(ReleaseMetrics m, boolean byCode) {
    Map<String, Set<String>> names = new LinkedHashMap<>();
    for (FacilityYearRecords r : m.recordsByFacilityYear()) {
      String key = facilityKey(r, byCode);
      if (key != null && r.facilityName() != null) {
        names.computeIfAbsent(key, k -> new TreeSet<>()).add(r.facilityName());
      }
    }
    return names;
  }

  private static Map<Integer, Long> years(List<YearRecords> years) {
    Map<Integer, Long> map = new TreeMap<>();
    years.stream().filter(y -> y.fiscalYear() != null).forEach(y -> map.put(y.fiscalYear(), y.records()));
    return map;
  }

  private static Long undated(ReleaseMetrics m) {
    return m.recordsByFiscalYear().stream()
        .filter(y -> y.fiscalYear() == null)
        .map(YearRecords::records)
        .findFirst()
        .orElse(null);
  }

  // ---- facilities ----

  private void facilities() {
    Map<String, FacilityMetric> b = facilitiesByKey(before);
    Map<String, FacilityMetric> a = facilitiesByKey(after);
    String bKeyed = keyedBy(before);
    String aKeyed = keyedBy(after);
    if (bKeyed != null && aKeyed != null && !bKeyed.equals(aKeyed)) {
      rows.add(
          new ComparisonRow(
              ComparisonRow.FACILITY, "names", null, null, null, null, null, null, null, null, null, false,
              "facilities are keyed by " + bKeyed + " before and by " + aKeyed + " after: not compared"));
      return;
    }
    boolean byCode = hasCodes(before) && hasCodes(after);
    Map<List<Object>, Long> bYears = facilityYearCounts(before, byCode);
    Set<String> keys = new TreeSet<>(b.keySet());
    keys.addAll(a.keySet());
    for (String key : keys) {
      FacilityMetric fb = b.get(key);
      FacilityMetric fa = a.get(key);
      if (fb == null) {
        boolean flag = thresholds.of(ChangeKind.FACILITY_NEW).flag();
        rows.add(
            new ComparisonRow(
                ComparisonRow.FACILITY, "records", null, null, null, code(fa), names(fa), null,
                (double) fa.records(), null, null, flag,
                "facility " + key + " (" + names(fa) + ") appears: " + count(fa.records()) + " records after, none before"
                    + (flag ? " (facility_new)" : "")));
      } else if (fa == null) {
        long inWindow =
            bYears.entrySet().stream()
                .filter(e -> key.equals(e.getKey().get(1)) && comparedYears.contains((Integer) e.getKey().get(0)))
                .mapToLong(Map.Entry::getValue)
                .sum();
        boolean flag = inWindow > 0 && thresholds.of(ChangeKind.FACILITY_GONE).flag();
        rows.add(
            new ComparisonRow(
                ComparisonRow.FACILITY, "records", null, null, null, code(fb), names(fb), (double) fb.records(), null,
                null, null, flag,
                "facility " + key + " (" + names(fb) + ") disappears: " + count(fb.records()) + " records before, "
                    + (inWindow > 0
                        ? count(inWindow) + " of them in the fiscal years both releases cover, none after"
                            + (flag ? " (facility_gone)" : "")
                        : "none in the fiscal years both releases cover")));
      } else if (!normalNames(fb).equals(normalNames(fa))) {
        boolean flag = thresholds.of(ChangeKind.FACILITY_RENAMED).flag();
        rows.add(
            new ComparisonRow(
                ComparisonRow.FACILITY, "names", null, null, null, code(fa), names(fa), (double) fb.records(),
                (double) fa.records(), (double) fa.records() - fb.records(), relative(fb.records(), fa.records()),
                flag,
                "facility " + key + " names changed: '" + names(fb) + "' before, '" + names(fa) + "' after"
                    + (flag ? " (facility_renamed)" : "")));
      }
    }
  }

  private static Map<String, FacilityMetric> facilitiesByKey(ReleaseMetrics m) {
    Map<String, FacilityMetric> map = new LinkedHashMap<>();
    for (FacilityMetric f : m.facilities()) {
      String key = "facility_name".equals(f.keyedBy()) ? FacilityNames.normalize(f.key()) : f.key();
      if (key != null && !key.isBlank()) {
        map.put(key.trim(), f);
      }
    }
    return map;
  }

  private static String keyedBy(ReleaseMetrics m) {
    return m.facilities().stream().map(FacilityMetric::keyedBy).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** A facility's names in their normal form ({@link FacilityNames#normalize}): case, dots, "CO." do not count. */
  private static Set<String> normalNames(FacilityMetric f) {
    return f.namesSeen().stream().map(FacilityNames::normalize).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String code(FacilityMetric f) {
    return f.key();
  }

  private static String names(FacilityMetric f) {
    return f.namesSeen().stream().collect(Collectors.joining(" / "));
  }

  // ---- helpers ----

  private void judged(
      String kind,
      String measure,
      ChangeKind change,
      String ruleId,
      String column,
      Integer year,
      String code,
      String name,
      String label,
      double b,
      double a) {
    ChangeDetector.Judgement j = detector.judge(change, label, b, a);
    rows.add(
        new ComparisonRow(
            kind, measure, ruleId, column, year, code, name, b, a, j.difference(), j.relativeChange(), j.anomalous(),
            j.anomalous() ? j.reason() + " (" + change.key() + ")" : j.reason()));
  }

  /** Whether two folder names denote one folder (the same qualified path, or one local folder). */
  public static boolean sameFolder(org.apache.hadoop.conf.Configuration conf, String a, String b) {
    return SameFolder.same(conf, a, b);
  }

  static int fiscalYear(LocalDate date) {
    return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
  }

  private static Optional<LocalDateTime> dateTime(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String date(String text) {
    return text == null ? "unknown" : text.length() > 10 ? text.substring(0, 10) : text;
  }

  private static LocalDateTime max(LocalDateTime x, LocalDateTime y) {
    return x.isAfter(y) ? x : y;
  }

  private static LocalDateTime min(LocalDateTime x, LocalDateTime y) {
    return x.isBefore(y) ? x : y;
  }

  private static Double number(Long value) {
    return value == null ? null : value.doubleValue();
  }

  private static Double difference(Long b, Long a) {
    return b == null || a == null ? null : (double) (a - b);
  }

  private static Double relative(Long b, Long a) {
    return b == null || a == null || b == 0 ? null : (double) (a - b) / b;
  }

  private static String count(Long value) {
    return value == null ? "no" : String.format(Locale.ROOT, "%,d", value);
  }
}

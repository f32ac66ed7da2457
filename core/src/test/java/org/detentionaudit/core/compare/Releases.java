package org.detentionaudit.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small hand-made releases for comparison tests: a DDP-like release with fiscal years 2020 to
 * 2025, two facilities, three rules and three columns, changed one quantity at a time.
 */
final class Releases {
  private String extractDate = "2025-02-26T00:00:00";
  private String firstBookIn = "2019-10-01T00:05:00";
  private String lastBookIn = "2025-02-25T23:00:00";
  private String layout = "ddp-2025";
  final List<ReleaseMetrics.RuleMetric> rules = new ArrayList<>();
  final List<ReleaseMetrics.ColumnMetric> columns = new ArrayList<>();
  /** (fiscal year, facility code) → records; the facility's name from {@link #names}. */
  final Map<Integer, Map<String, Long>> records = new TreeMap<>();
  final Map<String, List<String>> names = new TreeMap<>();

  static Releases before() {
    Releases r = new Releases();
    r.rules.add(new ReleaseMetrics.RuleMetric("placement.open", "WARN", 6000L, 300L, 0.05));
    r.rules.add(new ReleaseMetrics.RuleMetric("placement.zero_length", "PASS", 6000L, 6L, 0.001));
    r.rules.add(new ReleaseMetrics.RuleMetric("stay.implausibly_early", "NOT_APPLICABLE", null, null, null));
    r.columns.add(new ReleaseMetrics.ColumnMetric("in.csv", "Unique Identifier", "person_id", 5990, 10, 0, 0));
    r.columns.add(new ReleaseMetrics.ColumnMetric("in.csv", "Detention Book Out Date Time", "book_out", 5700, 300, 0, 0));
    r.columns.add(new ReleaseMetrics.ColumnMetric("in.csv", "Gender", null, 5000, 400, 600, 0));
    r.names.put("AAA", List.of("ALPHA DETENTION CENTER"));
    r.names.put("BBB", List.of("BRAVO COUNTY JAIL"));
    for (int year = 2020; year <= 2025; year++) {
      r.records(year, "AAA", 600).records(year, "BBB", 400);
    }
    return r;
  }

  Releases records(int year, String code, long n) {
    records.computeIfAbsent(year, y -> new TreeMap<>()).put(code, n);
    return this;
  }

  Releases extractDate(String value) {
    this.extractDate = value;
    return this;
  }

  Releases window(String first, String last) {
    this.firstBookIn = first;
    this.lastBookIn = last;
    return this;
  }

  Releases layout(String value) {
    this.layout = value;
    return this;
  }

  Releases rule(String id, String status, Double ratio) {
    rules.replaceAll(
        r -> r.ruleId().equals(id)
            ? new ReleaseMetrics.RuleMetric(id, status, ratio == null ? null : 6000L,
                ratio == null ? null : Math.round(ratio * 6000), ratio)
            : r);
    return this;
  }

  Releases column(String header, String field, long nonNull, long nulls, long redacted) {
    columns.removeIf(c -> (field != null && field.equals(c.canonicalField())) || c.column().equals(header));
    columns.add(new ReleaseMetrics.ColumnMetric("in.csv", header, field, nonNull, nulls, redacted, 0));
    return this;
  }

  Releases copy() {
    Releases r = new Releases();
    r.extractDate = extractDate;
    r.firstBookIn = firstBookIn;
    r.lastBookIn = lastBookIn;
    r.layout = layout;
    r.rules.addAll(rules);
    r.columns.addAll(columns);
    records.forEach((y, m) -> r.records.put(y, new TreeMap<>(m)));
    r.names.putAll(names);
    return r;
  }

  ReleaseMetrics metrics(String folder) {
    List<ReleaseMetrics.YearRecords> years = new ArrayList<>();
    List<ReleaseMetrics.FacilityYearRecords> facilityYears = new ArrayList<>();
    Map<String, Long> byFacility = new TreeMap<>();
    long total = 0;
    for (var year : records.entrySet()) {
      long sum = 0;
      for (var f : year.getValue().entrySet()) {
        facilityYears.add(
            new ReleaseMetrics.FacilityYearRecords(year.getKey(), f.getKey(), names.get(f.getKey()).get(0), f.getValue()));
        sum += f.getValue();
        byFacility.merge(f.getKey(), f.getValue(), Long::sum);
      }
      years.add(new ReleaseMetrics.YearRecords(year.getKey(), sum));
      total += sum;
    }
    List<ReleaseMetrics.FacilityMetric> facilities = new ArrayList<>();
    byFacility.forEach(
        (code, n) -> facilities.add(new ReleaseMetrics.FacilityMetric(code, "facility_code", names.get(code), n)));
    ReleaseMetrics.Run run =
        new ReleaseMetrics.Run(
            "0.1.0-SNAPSHOT", "2025-03-01T00:00:00Z",
            List.of(new ReleaseMetrics.Input("in.csv", "csv", layout, total)),
            extractDate, "given", firstBookIn, lastBookIn, total);
    return new ReleaseMetrics(folder, run, rules, columns, years, facilityYears, facilities);
  }
}

package org.detentionaudit.core.compare;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.report.BarChart;
import org.detentionaudit.core.report.Traced;

/**
 * Renders {@code compare.html}: one self-contained page (inline style and SVG, no scripts), in the
 * report's style and with its chart template. It leads with the flagged rows, largest change first,
 * then charts the records per fiscal year of both releases side by side, lists the two runs, the
 * largest changes within thresholds, and every row but the per-facility records. Mustache escapes
 * every value.
 */
final class ComparisonHtml {
  private static final String TEMPLATE = "org/detentionaudit/core/report/compare.html.mustache";
  private static final Mustache MUSTACHE = new DefaultMustacheFactory().compile(TEMPLATE);
  /** Unflagged rows listed as the largest changes within thresholds. */
  static final int LARGEST_UNFLAGGED = 20;

  private ComparisonHtml() {}

  static String render(ReleaseComparison c, String comparedAt) {
    Map<String, Object> view = new HashMap<>();
    view.put("toolVersion", DetentionAudit.toolVersion());
    view.put("comparedAt", comparedAt);
    view.put("thresholds", c.thresholds().source());
    view.put("rows", String.format(Locale.ROOT, "%,d", c.rows().size()));
    view.put("flagged", String.format(Locale.ROOT, "%,d", c.flagged()));
    view.put("hasFlagged", c.flagged() > 0);
    view.put(
        "byKind",
        c.flaggedByKind().entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", ")));
    view.put("flaggedRows", c.flaggedRows().stream().map(ComparisonHtml::shown).toList());
    List<ComparisonRow> unflagged =
        c.rows().stream()
            .filter(r -> !r.flagged() && r.size() > 0 && !perFacility(r))
            .sorted(Comparator.comparingDouble(ComparisonRow::size).reversed())
            .limit(LARGEST_UNFLAGGED)
            .toList();
    view.put("hasUnflagged", !unflagged.isEmpty());
    view.put("unflaggedRows", unflagged.stream().map(ComparisonHtml::shown).toList());
    List<ComparisonRow> listed =
        c.rows().stream()
            .filter(r -> !perFacility(r))
            .toList();
    view.put("listed", String.format(Locale.ROOT, "%,d", listed.size()));
    view.put("allRows", listed.stream().map(ComparisonHtml::shown).toList());
    List<Integer> years = c.comparedYears();
    view.put(
        "comparedYears",
        years.isEmpty() ? "none" : "FY" + years.get(0) + (years.size() > 1 ? " to FY" + years.get(years.size() - 1) : ""));
    view.put("openYear", c.openYear().map(y -> "FY" + y).orElse("unknown"));
    view.put("chart", chart(c));
    view.put("runs", runs(c));
    StringWriter out = new StringWriter();
    MUSTACHE.execute(out, view);
    return out.toString();
  }

  /** A row of records per (fiscal year, facility): thousands of them, all in compare.parquet. */
  private static boolean perFacility(ComparisonRow r) {
    return r.measure().equals("facility_records");
  }

  /** A row as the tables show it. */
  record Shown(
      String kind, String subject, String before, String after, String change, String reason, boolean flaggedRow) {}

  private static Shown shown(ComparisonRow r) {
    boolean share = List.of("failed_ratio", "missing_share", "redacted_share").contains(r.measure());
    boolean count = List.of("records", "facility_records", "names").contains(r.measure());
    String change = "";
    if (r.difference() != null && (share || count)) {
      change =
          share
              ? String.format(Locale.ROOT, "%+.2f points", r.difference() * 100)
              : String.format(Locale.ROOT, "%+,d", Math.round(r.difference()));
      if (r.relativeChange() != null) {
        change += String.format(Locale.ROOT, " (%+.1f%%)", r.relativeChange() * 100);
      }
    } else if (r.difference() != null) {
      change = String.format(Locale.ROOT, "%+,d days", Math.round(r.difference()));
    }
    return new Shown(
        r.kind(), r.subject(), value(r.before(), share), value(r.after(), share), change, r.reason(), r.flagged());
  }

  private static String value(Double v, boolean share) {
    if (v == null) {
      return "";
    }
    return share ? ChangeDetector.percent(v) : String.format(Locale.ROOT, "%,d", Math.round(v));
  }

  /** Records per fiscal year, one bar per release and year: before, then after (darker). */
  private static BarChart chart(ReleaseComparison c) {
    Map<Integer, Long> before = new HashMap<>();
    Map<Integer, Long> after = new HashMap<>();
    c.before().recordsByFiscalYear().stream().filter(y -> y.fiscalYear() != null).forEach(y -> before.put(y.fiscalYear(), y.records()));
    c.after().recordsByFiscalYear().stream().filter(y -> y.fiscalYear() != null).forEach(y -> after.put(y.fiscalYear(), y.records()));
    TreeSet<Integer> years = new TreeSet<>(before.keySet());
    years.addAll(after.keySet());
    List<BarChart.Bar> bars = new ArrayList<>();
    for (int year : years) {
      String kind = c.comparedYears().contains(year) ? ComparisonRow.RECORDS : ComparisonRow.WINDOW;
      String where = "kind=" + kind + ";measure=records;fiscal_year=" + year + ";facility_code=";
      long b = before.getOrDefault(year, 0L);
      long a = after.getOrDefault(year, 0L);
      bars.add(new BarChart.Bar("FY" + year + " before", b, Traced.integer(b, "compare", "before", where, "value"), 0));
      bars.add(new BarChart.Bar("FY" + year + " after", a, Traced.integer(a, "compare", "after", where, "value"), a));
    }
    return BarChart.of("records-by-fiscal-year", "Records per fiscal year: before (light), after (dark)", bars);
  }

  private static List<Map<String, String>> runs(ReleaseComparison c) {
    ReleaseMetrics.Run b = c.before().run();
    ReleaseMetrics.Run a = c.after().run();
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(run("folder", c.before().folder(), c.after().folder()));
    rows.add(run("tool version", b.toolVersion(), a.toolVersion()));
    rows.add(run("audit started", b.startedAt(), a.startedAt()));
    rows.add(run("inputs", inputs(b), inputs(a)));
    rows.add(run("layouts", String.join(", ", b.layouts()), String.join(", ", a.layouts())));
    rows.add(run("extract date", extract(b), extract(a)));
    rows.add(run("first book-in", text(b.firstBookIn()), text(a.firstBookIn())));
    rows.add(run("last book-in", text(b.lastBookIn()), text(a.lastBookIn())));
    rows.add(
        run("records", String.format(Locale.ROOT, "%,d", b.records()), String.format(Locale.ROOT, "%,d", a.records())));
    return rows;
  }

  private static Map<String, String> run(String label, String before, String after) {
    return Map.of("label", label, "before", before == null ? "" : before, "after", after == null ? "" : after);
  }

  private static String inputs(ReleaseMetrics.Run r) {
    return r.inputs().stream()
        .map(i -> String.format(Locale.ROOT, "%s (%s, %s, %,d rows)", i.path(), i.format(), i.layout(), i.rowsRead()))
        .collect(Collectors.joining("; "));
  }

  private static String extract(ReleaseMetrics.Run r) {
    return text(r.extractDate()) + " (" + r.extractDateOrigin() + ")";
  }

  private static String text(String s) {
    return s == null ? "unknown" : s;
  }
}

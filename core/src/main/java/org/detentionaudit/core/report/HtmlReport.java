package org.detentionaudit.core.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.detentionaudit.core.compare.ChangeDetector;
import org.detentionaudit.core.compare.ChangeKind;
import org.detentionaudit.core.history.HistoryCheck;
import org.detentionaudit.core.history.HistorySummary;
import org.detentionaudit.core.measure.CostSummary;
import org.detentionaudit.core.measure.DatasetFacts;
import org.detentionaudit.core.measure.FacilitySummary;
import org.detentionaudit.core.measure.FacilityUse;
import org.detentionaudit.core.measure.LengthSummary;
import org.detentionaudit.core.measure.MeasureStatus;
import org.detentionaudit.rules.Measure;
import org.detentionaudit.core.reconcile.ReconciliationRow;
import org.detentionaudit.core.reconcile.ReconciliationSummary;

/**
 * Renders {@code report.html}: one self-contained page (inline style and SVG charts, no scripts, no
 * external fonts or images) for a reporter, organised by the four questions the records should
 * answer (where, how long, what cost, what status) plus record identity. Every number is a {@link
 * Traced} value: the page says which output table and column it comes from. Person identifiers
 * appear only hashed ({@link PersonHash}). Mustache escapes every value.
 */
public final class HtmlReport {
  private static final String TEMPLATE = "org/detentionaudit/core/report/report.html.mustache";
  private static final Mustache MUSTACHE = new DefaultMustacheFactory().compile(TEMPLATE);
  /** Facilities shown in the charts and tables: the ones with most records or bed-days. */
  static final int TOP_FACILITIES = 15;

  private static final Map<String, String[]> QUESTIONS = new LinkedHashMap<>();

  static {
    QUESTIONS.put("where", new String[] {"Where were people held?",
        "A placement must name the facility. Missing or unknown codes, and codes that change names,"
            + " make counts per facility unreliable."});
    QUESTIONS.put("how_long", new String[] {"How long were they held?",
        "Lengths need a book-in and a book-out in the right order, inside their stay, and no person"
            + " can be in two places at once."});
    QUESTIONS.put("cost", new String[] {"What did it cost?",
        "Cost is estimated as detention bed-days (midnights in custody) times the facility's"
            + " per-diem rate from ICE's own facility list. Where the rate is unknown or withheld, so"
            + " is the cost."});
    QUESTIONS.put("status", new String[] {"Are they still held, released, alive?",
        "A placement's book-out and release reason say how it ended. Open placements, missing"
            + " reasons and reasons outside ICE's vocabulary leave the person's status unknown."});
    QUESTIONS.put("identity", new String[] {"Can records be told apart?",
        "Without a person id, placements cannot be linked into stays; duplicates count people and"
            + " days twice."});
  }

  private HtmlReport() {}

  /** The page for a run with only its summary (no profile, facilities or samples). */
  public static String render(RunSummary summary) {
    return render(new ReportData(summary, List.of(), List.of(), Map.of(), Map.of()));
  }

  /** The page for a run. */
  public static String render(ReportData data) {
    StringWriter out = new StringWriter();
    MUSTACHE.execute(out, view(data));
    return out.toString();
  }

  private static Map<String, Object> view(ReportData data) {
    RunSummary s = data.summary();
    Map<String, Object> view = new HashMap<>();
    view.put("toolVersion", s.toolVersion());
    view.put("startedAt", s.startedAt());
    view.put("finishedAt", s.finishedAt());
    view.put("extractDate", s.extractDate() == null ? "" : s.extractDate().substring(0, 10));
    view.put("extractDateOrigin", s.extractDateOrigin());
    view.put("layouts", s.inputs().stream().map(RunSummary.InputSummary::layout).distinct().collect(Collectors.joining(", ")));
    view.put("overview", overview(s));
    List<Map<String, Object>> cannotTell = cannotTell(s);
    view.put("cannotTell", cannotTell);
    view.put("hasCannotTell", !cannotTell.isEmpty());
    view.put("headline", headline(s));
    view.put("inputs", inputs(s));
    view.put("sections", sections(data));
    view.put("profile", data.profile().stream().map(HtmlReport::profileRow).toList());
    reconciliation(data, view);
    history(s.history(), view);
    return view;
  }

  /**
   * The section "Against earlier releases" (only with a history): the releases judged against,
   * and each flagged metric with its reason and its trend as a small chart, this run's bar dark.
   */
  private static void history(HistorySummary history, Map<String, Object> view) {
    view.put("hasHistory", history != null);
    if (history == null) {
      return;
    }
    Map<String, Object> h = new HashMap<>();
    h.put("folder", history.folder());
    h.put("label", history.label());
    h.put("note", history.note());
    h.put("earlierCount", Traced.integer(history.earlierRuns().size(), "summary.json", "history.earlier_runs", "", "count"));
    h.put(
        "earlierRuns",
        history.earlierRuns().stream()
            .map(r -> r.label() + (r.extractDate() == null ? "" : " (extract " + r.extractDate().substring(0, 10) + ")"))
            .collect(Collectors.joining(", ")));
    h.put("hasEarlier", !history.earlierRuns().isEmpty());
    h.put("judged", Traced.json(history.metricsJudged(), "history.metrics_judged"));
    h.put("flaggedCount", Traced.integer(history.flagged().size(), "summary.json", "history.flagged", "", "count"));
    List<Map<String, Object>> flagged = new ArrayList<>();
    for (int i = 0; i < history.flagged().size(); i++) {
      HistorySummary.Flagged f = history.flagged().get(i);
      ChangeKind kind = ChangeKind.fromKey(f.changeKind()).orElse(ChangeKind.RULE_FAILED_RATIO);
      boolean share = kind.unit() == ChangeKind.Unit.SHARE;
      List<BarChart.Bar> bars = new ArrayList<>();
      for (int j = 0; j < f.series().size(); j++) {
        HistorySummary.Point p = f.series().get(j);
        double value = p.value() == null ? 0 : p.value();
        Traced traced =
            p.value() == null
                ? null
                : new Traced(
                    ChangeDetector.value(kind, value),
                    "summary.json",
                    "history.flagged." + i + ".series." + j + ".value",
                    "",
                    "value",
                    share ? "percent" : "integer");
        String label = p.label() + (p.extractDate() == null ? "" : " (" + p.extractDate().substring(0, 10) + ")");
        bars.add(new BarChart.Bar(label.length() > 34 ? label.substring(0, 33) + "…" : label, value, traced,
            j == f.series().size() - 1 ? value : 0));
      }
      Map<String, Object> item = new HashMap<>();
      item.put("metric", f.kind() + " " + f.key() + " " + f.measure());
      item.put("changeKind", f.changeKind());
      item.put("reason", f.reason());
      item.put("chart", BarChart.of(
              "chart-history-" + i,
              capitalize(HistoryCheck.label(f.kind(), f.key(), f.measure())) + " per release (dark: this run)",
              bars));
      flagged.add(item);
    }
    h.put("flagged", flagged);
    h.put("hasFlagged", !flagged.isEmpty());
    view.put("history", h);
  }

  /**
   * The section "Does it add up to ICE's own totals?": per source of published totals, whether
   * they were found (and why not), and each figure beside the records' ({@code
   * reconciliation.parquet}).
   */
  private static void reconciliation(ReportData data, Map<String, Object> view) {
    ReconciliationSummary summary = data.summary().reconciliation();
    List<Map<String, Object>> sources = new ArrayList<>();
    if (summary != null) {
      for (ReconciliationSummary.Source source : summary.sources()) {
        Map<String, Object> s = new HashMap<>();
        s.put("source", source.source());
        s.put("kind", source.kind());
        s.put("matched", source.matched());
        s.put("table", "published file".equals(source.kind()) ? "the figures of this file" : source.table());
        s.put("column", source.column() == null ? "" : source.column());
        s.put("reason", source.reason());
        s.put("window", source.windowFrom() == null ? "" : source.windowFrom() + " to " + source.windowTo());
        s.put("differing", Traced.json(source.differing(), "reconciliation.sources." + sources.size() + ".differing"));
        s.put("compared", Traced.json(source.compared(), "reconciliation.sources." + sources.size() + ".compared"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReconciliationRow row : data.reconciliation()) {
          if (row.source().equals(source.source()) && row.table().equals(source.table())) {
            rows.add(reconciliationRow(row));
          }
        }
        s.put("rows", rows);
        s.put("hasRows", !rows.isEmpty());
        sources.add(s);
      }
    }
    view.put("reconciliationSources", sources);
    view.put("hasReconciliation", !sources.isEmpty());
  }

  private static Map<String, Object> reconciliationRow(ReconciliationRow row) {
    String where =
        "source=" + row.source() + ";table=" + row.table() + ";measure=" + row.measure()
            + ";fiscal_year=" + (row.fiscalYear() == null ? "null" : row.fiscalYear())
            + ";facility=" + (row.facility() == null ? "null" : row.facility());
    Map<String, Object> view = new HashMap<>();
    view.put("fiscalYear", row.fiscalYear() == null ? "no book-in" : "FY" + row.fiscalYear());
    view.put("facility", row.facility() == null ? "all" : row.facility());
    view.put("measure", row.measure().replace('_', ' '));
    view.put("published", figure(row.published(), "published", where));
    view.put("computed", figure(row.computed(), "computed", where));
    view.put("difference", figure(row.difference(), "difference", where));
    view.put("status", row.status());
    view.put("differs", row.differs());
    view.put("reason", row.reason() == null ? "" : row.reason());
    return view;
  }

  /** A figure of reconciliation.parquet: whole numbers as integers, others with one decimal. */
  private static Traced figure(Double value, String column, String where) {
    if (value == null) {
      return null;
    }
    return value == Math.rint(value)
        ? Traced.integer(value.longValue(), "reconciliation", column, where, "value")
        : Traced.decimal(value, "reconciliation", column, where, "value");
  }

  private static List<Map<String, Object>> overview(RunSummary s) {
    List<Map<String, Object>> facts = new ArrayList<>();
    facts.add(fact("Records (placements) loaded", Traced.json(s.rowsLoaded(), "rows_loaded")));
    facts.add(fact("Rows that could not be read (quarantine.parquet)", Traced.json(s.rowsQuarantined(), "rows_quarantined")));
    DatasetFacts d = s.dataset();
    if (d != null) {
      facts.add(count(s, "People (distinct person ids)", d.people(), "dataset.people", Measure.PEOPLE));
      facts.add(count(s, "Stays (person and stay book-in)", d.stays(), "dataset.stays", Measure.STAYS));
      if (d.firstBookIn() != null) {
        facts.add(fact("First book-in", Traced.date(d.firstBookIn(), "summary.json", "dataset.first_book_in")));
        facts.add(fact("Last book-in", Traced.date(d.lastBookIn(), "summary.json", "dataset.last_book_in")));
      }
    }
    return facts;
  }

  /**
   * The measures the file's columns cannot give, in words: what cannot be known and which columns
   * it lacks.
   */
  private static List<Map<String, Object>> cannotTell(RunSummary s) {
    List<Map<String, Object>> items = new ArrayList<>();
    if (s.measures() == null) {
      return items;
    }
    for (MeasureStatus m : s.measures()) {
      if (!m.computed()) {
        Map<String, Object> item = new HashMap<>();
        item.put("measure", m.measure());
        item.put("tells", capitalize(m.tells()));
        item.put("why", lacks(m.missingFields()));
        items.add(item);
      }
    }
    return items;
  }

  /** "the file has no book_out column", "the file has no person_id and stay_book_in columns". */
  private static String lacks(List<String> missingFields) {
    String columns =
        missingFields.size() == 1
            ? missingFields.get(0) + " column"
            : String.join(", ", missingFields.subList(0, missingFields.size() - 1))
                + " and " + missingFields.get(missingFields.size() - 1) + " columns";
    return "the file has no " + columns;
  }

  /** The status of {@code measure} in this run; computed when the summary predates the list. */
  private static MeasureStatus status(RunSummary s, Measure measure) {
    if (s.measures() != null) {
      for (MeasureStatus m : s.measures()) {
        if (m.measure().equals(measure.id())) {
          return m;
        }
      }
    }
    return new MeasureStatus(measure.id(), MeasureStatus.COMPUTED, List.of(), measure.question());
  }

  /**
   * A count from {@code summary.json}, or "not computable" with the reason when the file lacks the
   * columns {@code measure} needs (the count is then null).
   */
  private static Map<String, Object> count(RunSummary s, String label, Long value, String path, Measure measure) {
    MeasureStatus status = status(s, measure);
    if (value == null || !status.computed()) {
      return notComputable(label, status);
    }
    return fact(label, Traced.json(value, path));
  }

  private static Map<String, Object> notComputable(String label, MeasureStatus status) {
    Map<String, Object> fact = new HashMap<>();
    fact.put("label", label);
    fact.put("note", status.computed() ? "not computable" : "not computable: " + lacks(status.missingFields()));
    return fact;
  }

  private static Map<String, Object> headline(RunSummary s) {
    Map<String, Object> headline = new HashMap<>();
    headline.put("failing", Traced.integer(count(s, "FAIL"), "summary", "", "status=FAIL", "count"));
    headline.put("warning", Traced.integer(count(s, "WARN"), "summary", "", "status=WARN", "count"));
    headline.put("notApplicable", Traced.integer(count(s, "NOT_APPLICABLE"), "summary", "", "status=NOT_APPLICABLE", "count"));
    headline.put("rules", Traced.integer(s.rules().size(), "summary", "", "", "count"));
    return headline;
  }

  private static long count(RunSummary s, String status) {
    return s.rules().stream().filter(r -> status.equals(r.status())).count();
  }

  private static List<Map<String, Object>> inputs(RunSummary s) {
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (int i = 0; i < s.inputs().size(); i++) {
      RunSummary.InputSummary input = s.inputs().get(i);
      Map<String, Object> row = new HashMap<>();
      row.put("path", input.path());
      row.put("format", input.format());
      row.put("layout", input.layout());
      row.put(
          "encoding",
          input.encoding() == null ? "n/a" : input.encoding() + " (" + input.encodingOrigin() + ")");
      row.put("rowsRead", Traced.json(input.rowsRead(), "inputs." + i + ".rows_read"));
      row.put("rowsLoaded", Traced.json(input.rowsLoaded(), "inputs." + i + ".rows_loaded"));
      row.put("rowsQuarantined", Traced.json(input.rowsQuarantined(), "inputs." + i + ".rows_quarantined"));
      inputs.add(row);
    }
    return inputs;
  }

  private static List<Map<String, Object>> sections(ReportData data) {
    List<Map<String, Object>> sections = new ArrayList<>();
    for (Map.Entry<String, String[]> question : QUESTIONS.entrySet()) {
      String id = question.getKey();
      Map<String, Object> section = new HashMap<>();
      section.put("id", id.replace('_', '-'));
      section.put("heading", question.getValue()[0]);
      section.put("lede", question.getValue()[1]);
      List<Map<String, Object>> facts = new ArrayList<>();
      List<BarChart> charts = new ArrayList<>();
      switch (id) {
        case "where" -> where(data, facts, charts);
        case "how_long" -> howLong(data, facts, charts);
        case "cost" -> cost(data, facts, charts, section);
        case "status" -> status(data, facts);
        default -> {}
      }
      section.put("facts", facts);
      section.put("charts", charts);
      List<Map<String, Object>> rules =
          data.summary().rules().stream()
              .filter(r -> id.equals(r.question()))
              .map(r -> rule(r, data.samples().getOrDefault(r.ruleId(), List.of())))
              .toList();
      section.put("rules", rules);
      section.put("hasRules", !rules.isEmpty());
      sections.add(section);
    }
    return sections;
  }

  private static void where(ReportData data, List<Map<String, Object>> facts, List<BarChart> charts) {
    FacilitySummary summary = data.summary().facilities();
    if (summary == null) {
      facts.add(notComputable("Facilities", status(data.summary(), Measure.FACILITIES)));
    } else {
      boolean byName = "facility_name".equals(summary.keyedBy());
      facts.add(fact(byName ? "Facility names seen (the file has no facility codes)" : "Facility codes seen",
          Traced.json(summary.seen(), "facilities.seen")));
      facts.add(fact(byName ? "Facility names not in the facility reference (compared as the README says)"
              : "Facility codes not in the facility reference",
          Traced.json(summary.notInReference(), "facilities.not_in_reference")));
      if (byName) {
        facts.add(fact("Facility names listed under several codes (ambiguous: no rate, no hold limit)",
            Traced.json(summary.ambiguous(), "facilities.ambiguous")));
      }
      facts.add(fact(byName ? "Records without a facility name" : "Records without a facility code",
          Traced.json(summary.recordsWithout(), "facilities.records_without")));
    }
    if (data.facilities().isEmpty()) {
      return;
    }
    List<FacilityUse> top =
        data.facilities().stream()
            .sorted(java.util.Comparator.comparingLong(FacilityUse::records).reversed())
            .limit(TOP_FACILITIES)
            .toList();
    List<BarChart.Bar> bars = new ArrayList<>();
    for (FacilityUse f : top) {
      bars.add(
          new BarChart.Bar(
              facilityLabel(f),
              f.records(),
              Traced.integer(f.records(), "facilities", "records", facilityWhere(f), "value"),
              f.recordsFailed()));
    }
    charts.add(BarChart.of("chart-facility-records", "Records at the " + top.size()
        + " facilities with most records (dark: records failing at least one rule)", bars));
  }

  private static void howLong(ReportData data, List<Map<String, Object>> facts, List<BarChart> charts) {
    DatasetFacts d = data.summary().dataset();
    if (d != null) {
      if (d.placementLengths() == null) {
        facts.add(notComputable("Placement lengths", status(data.summary(), Measure.PLACEMENT_LENGTHS)));
      } else {
        lengthFacts("placement", "placement_lengths", d.placementLengths(), facts);
        charts.add(lengthChart("chart-placement-lengths", "Placements by length", "placement_lengths", d.placementLengths()));
      }
      if (d.stayLengths() == null) {
        facts.add(notComputable("Stay lengths", status(data.summary(), Measure.STAY_LENGTHS)));
      } else {
        lengthFacts("stay", "stay_lengths", d.stayLengths(), facts);
        charts.add(lengthChart("chart-stay-lengths", "Stays by length", "stay_lengths", d.stayLengths()));
      }
    }
    if (!data.recordsByFiscalYear().isEmpty() && status(data.summary(), Measure.FISCAL_YEARS).computed()) {
      List<BarChart.Bar> bars = new ArrayList<>();
      for (Map.Entry<Integer, Long> year : data.recordsByFiscalYear().entrySet()) {
        String label = year.getKey() == null ? "no book-in" : "FY" + year.getKey();
        String where = "rule_id=null;fiscal_year=" + (year.getKey() == null ? "null" : year.getKey());
        bars.add(new BarChart.Bar(label, year.getValue(), Traced.integer(year.getValue(), "breakdown", "records", where, "sum"), 0));
      }
      charts.add(BarChart.of("chart-records-by-year", "Records by fiscal year of book-in", bars));
    }
  }

  private static void lengthFacts(String what, String path, LengthSummary lengths, List<Map<String, Object>> facts) {
    String base = "dataset." + path + ".";
    facts.add(fact(capitalize(what) + "s with a known length", Traced.json(lengths.measured(), base + "measured")));
    facts.add(fact(capitalize(what) + "s still open (no end recorded)", Traced.json(lengths.open(), base + "open")));
    facts.add(fact(capitalize(what) + "s whose length cannot be known", Traced.json(lengths.unknown(), base + "unknown")));
    if (lengths.medianDays() != null) {
      facts.add(fact("Median " + what + " length, days", Traced.decimal(lengths.medianDays(), "summary.json", base + "median_days", "", "value")));
      facts.add(fact("90% of " + what + "s end within, days", Traced.decimal(lengths.p90Days(), "summary.json", base + "p90_days", "", "value")));
      facts.add(fact("Longest " + what + ", days", Traced.decimal(lengths.maxDays(), "summary.json", base + "max_days", "", "value")));
    }
  }

  private static BarChart lengthChart(String id, String title, String path, LengthSummary lengths) {
    List<BarChart.Bar> bars = new ArrayList<>();
    for (int i = 0; i < lengths.buckets().size(); i++) {
      LengthSummary.Bucket bucket = lengths.buckets().get(i);
      bars.add(new BarChart.Bar(bucket.label(), bucket.records(),
          Traced.json(bucket.records(), "dataset." + path + ".buckets." + i + ".records"), 0));
    }
    return BarChart.of(id, title, bars);
  }

  private static void cost(ReportData data, List<Map<String, Object>> facts, List<BarChart> charts, Map<String, Object> section) {
    CostSummary c = data.summary().cost();
    if (c == null) {
      return;
    }
    if (!c.computed()) {
      facts.add(notComputable("Detention bed-days (midnights in custody)", status(data.summary(), Measure.BED_DAYS)));
      facts.add(notComputable("Estimated cost", status(data.summary(), Measure.BED_DAYS)));
      return;
    }
    Map<String, Object> unknown = new HashMap<>();
    unknown.put("share", Traced.percent(c.costUnknownShare(), "summary.json", "cost.cost_unknown_share", "", "value"));
    unknown.put("bedDays", Traced.json(c.bedDaysCostUnknown(), "cost.bed_days_cost_unknown"));
    unknown.put("total", Traced.json(c.bedDays(), "cost.bed_days"));
    section.put("costUnknown", unknown);
    facts.add(fact("Detention bed-days (midnights in custody)", Traced.json(c.bedDays(), "cost.bed_days")));
    facts.add(fact("Bed-days at a known per-diem rate", Traced.json(c.bedDaysCostKnown(), "cost.bed_days_cost_known")));
    if (c.estimatedCost() == null) {
      facts.add(notComputable("Estimated cost of those bed-days", status(data.summary(), Measure.ESTIMATED_COST)));
    } else {
      facts.add(fact("Estimated cost of those bed-days", Traced.money(c.estimatedCost(), "summary.json", "cost.estimated_cost", "", "value")));
    }
    for (Map.Entry<String, Long> reason : c.bedDaysCostUnknownByReason().entrySet()) {
      facts.add(fact("Bed-days of unknown cost: " + reason.getKey().replace('_', ' '),
          Traced.json(reason.getValue(), "cost.bed_days_cost_unknown_by_reason." + reason.getKey())));
    }
    facts.add(fact("Records without bed-days (length unknown)", Traced.json(c.recordsLengthUnknown(), "cost.records_length_unknown")));
    DatasetFacts d = data.summary().dataset();
    if (d != null) {
      Traced implausible = Traced.json(d.implausibleTimestamps(), "dataset.implausible_timestamps");
      facts.add(fact("Records with an implausible date, set aside", implausible));
      if (d.implausibleTimestamps() > 0) {
        section.put("implausibleDates", Map.of("count", implausible));
      }
    }
    List<BarChart.Bar> years = new ArrayList<>();
    for (int i = 0; i < c.byFiscalYear().size(); i++) {
      CostSummary.Year year = c.byFiscalYear().get(i);
      years.add(new BarChart.Bar("FY" + year.fiscalYear(), year.bedDays(),
          Traced.json(year.bedDays(), "cost.by_fiscal_year." + i + ".bed_days"), year.bedDaysCostUnknown()));
    }
    charts.add(BarChart.of("chart-bed-days-by-year", "Bed-days by fiscal year (dark: cost unknown)", years));
    List<BarChart.Bar> bars = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FacilityUse f : data.facilities().stream().limit(TOP_FACILITIES).toList()) {
      String where = facilityWhere(f);
      bars.add(new BarChart.Bar(facilityLabel(f), f.bedDays(),
          Traced.integer(f.bedDays(), "facilities", "bed_days", where, "value"),
          f.estimatedCost() == null ? f.bedDays() : 0));
      Map<String, Object> row = new HashMap<>();
      row.put("facility", facilityLabel(f));
      row.put("bedDays", Traced.integer(f.bedDays(), "facilities", "bed_days", where, "value"));
      row.put("rate", f.perDiemRate() == null ? null : Traced.money(f.perDiemRate(), "facilities", "per_diem_rate", where, "value"));
      row.put("rateText", f.perDiemText() == null ? "" : f.perDiemText());
      row.put("cost", f.estimatedCost() == null ? null : Traced.money(f.estimatedCost(), "facilities", "estimated_cost", where, "value"));
      row.put("status", f.costStatus().replace('_', ' '));
      rows.add(row);
    }
    charts.add(BarChart.of("chart-facility-bed-days", "Bed-days at the " + bars.size()
        + " facilities with most bed-days (dark: cost unknown)", bars));
    section.put("facilityCosts", rows);
    section.put("hasFacilityCosts", !rows.isEmpty());
  }

  private static void status(ReportData data, List<Map<String, Object>> facts) {
    DatasetFacts d = data.summary().dataset();
    if (d == null) {
      return;
    }
    RunSummary s = data.summary();
    facts.add(count(s, "Open placements (book-in, no book-out) at the extract date", d.openPlacements(), "dataset.open_placements", Measure.OPEN_PLACEMENTS));
    facts.add(count(s, "Placements ending in death (release reason Died)", d.died(), "dataset.died", Measure.DIED_ESCAPED));
    facts.add(count(s, "Placements ending in escape (release reason Escaped)", d.escaped(), "dataset.escaped", Measure.DIED_ESCAPED));
  }

  private static Map<String, Object> rule(RuleSummaryRow r, List<FindingSample> samples) {
    Map<String, Object> rule = new HashMap<>();
    String where = "rule_id=" + r.ruleId();
    rule.put("ruleId", r.ruleId());
    rule.put("title", r.title());
    rule.put("severity", r.severity());
    rule.put("status", r.status());
    rule.put("meaning", r.meaning());
    rule.put("rationale", r.rationale());
    rule.put("missingFields", r.missingFields());
    rule.put("checked", r.recordsChecked() == null ? null : Traced.integer(r.recordsChecked(), "summary", "records_checked", where, "value"));
    rule.put("failed", r.recordsFailed() == null ? null : Traced.integer(r.recordsFailed(), "summary", "records_failed", where, "value"));
    rule.put("share", r.failedRatio() == null ? null : Traced.percent(r.failedRatio(), "summary", "failed_ratio", where, "value"));
    rule.put("warnAt", Traced.percent(r.warnAt(), "summary", "warn_at", where, "value"));
    rule.put("failAt", Traced.percent(r.failAt(), "summary", "fail_at", where, "value"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FindingSample sample : samples) {
      Map<String, Object> row = new HashMap<>();
      row.put("sourceFile", sample.sourceFile());
      row.put("sourceRow", Traced.integer(sample.sourceRow(), "findings", "source_row",
          where + ";source_file=" + sample.sourceFile() + ";source_row=" + sample.sourceRow(), "value"));
      row.put("person", sample.person());
      row.put("bookIn", sample.bookIn());
      row.put("bookOut", sample.bookOut());
      row.put("facilityCode", sample.facilityCode());
      row.put("detail", sample.detail());
      rows.add(row);
    }
    rule.put("samples", rows);
    rule.put("hasSamples", !rows.isEmpty());
    return rule;
  }

  private static Map<String, Object> fact(String label, Traced value) {
    Map<String, Object> fact = new HashMap<>();
    fact.put("label", label);
    fact.put("value", value);
    return fact;
  }

  private static String facilityLabel(FacilityUse f) {
    if (f.facilityCode() == null) {
      return "(no facility code)";
    }
    String name = f.namesSeen().isEmpty() ? "" : " " + f.namesSeen().get(0);
    String label = "facility_name".equals(f.keyedBy()) ? f.facilityCode() : f.facilityCode() + name;
    return label.length() > 34 ? label.substring(0, 33) + "…" : label;
  }

  private static String facilityWhere(FacilityUse f) {
    return "facility_code=" + (f.facilityCode() == null ? "null" : f.facilityCode());
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static Map<String, Object> profileRow(Row row) {
    List<Row> top = row.getList(row.fieldIndex("top_values"));
    String topValues =
        top.stream()
            .map(v -> v.getString(0))
            .collect(Collectors.joining(", "));
    String where = "input=" + row.getString(0) + ";column=" + row.getString(1);
    Map<String, Object> view = new HashMap<>();
    view.put("input", row.getString(0));
    view.put("column", row.getString(1));
    view.put("canonicalField", row.isNullAt(2) ? "" : row.getString(2));
    view.put("nonNull", Traced.integer(row.getLong(3), "profile", "non_null", where, "value"));
    view.put("nulls", Traced.integer(row.getLong(4), "profile", "nulls", where, "value"));
    view.put("redacted", Traced.integer(row.getLong(5), "profile", "redacted", where, "value"));
    view.put("errors", Traced.integer(row.getLong(row.fieldIndex("errors")), "profile", "errors", where, "value"));
    view.put("distinct", Traced.integer(row.getLong(row.fieldIndex("distinct")), "profile", "distinct", where, "value"));
    view.put("topValues", topValues);
    return view;
  }
}

package org.detentionaudit.core.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code report.html}: one self-contained page (inline style, no scripts, no external
 * fonts) from the run summary, with a Mustache template that escapes every value.
 */
public final class HtmlReport {
  private static final String TEMPLATE = "org/detentionaudit/core/report/report.html.mustache";
  private static final Mustache MUSTACHE = new DefaultMustacheFactory().compile(TEMPLATE);

  private HtmlReport() {}

  /** The page for a run. */
  public static String render(RunSummary summary) {
    StringWriter out = new StringWriter();
    MUSTACHE.execute(out, view(summary));
    return out.toString();
  }

  private static Map<String, Object> view(RunSummary s) {
    List<Map<String, Object>> rules =
        s.rules().stream()
            .map(
                r ->
                    Map.<String, Object>ofEntries(
                        Map.entry("ruleId", r.ruleId()),
                        Map.entry("title", r.title()),
                        Map.entry("question", r.question()),
                        Map.entry("severity", r.severity()),
                        Map.entry("status", r.status()),
                        Map.entry("meaning", r.meaning()),
                        Map.entry("rationale", r.rationale()),
                        Map.entry("missingFields", r.missingFields()),
                        Map.entry("recordsChecked", count(r.recordsChecked())),
                        Map.entry("recordsFailed", count(r.recordsFailed())),
                        Map.entry("failedPercent", percent(r.failedRatio())),
                        Map.entry("warnPercent", percent(r.warnAt())),
                        Map.entry("failPercent", percent(r.failAt()))))
            .toList();
    return Map.ofEntries(
        Map.entry("toolVersion", s.toolVersion()),
        Map.entry("startedAt", s.startedAt()),
        Map.entry("finishedAt", s.finishedAt()),
        Map.entry("rowsRead", count(s.rowsRead())),
        Map.entry("rowsLoaded", count(s.rowsLoaded())),
        Map.entry("rowsQuarantined", count(s.rowsQuarantined())),
        Map.entry("extractDate", s.extractDate() == null ? "" : s.extractDate()),
        Map.entry("extractDateOrigin", s.extractDateOrigin()),
        Map.entry("inputs", inputs(s.inputs())),
        Map.entry("rules", rules));
  }

  /** Each input with its position, which traces its numbers to {@code inputs.<index>} in summary.json. */
  private static List<Map<String, Object>> inputs(List<RunSummary.InputSummary> inputs) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      RunSummary.InputSummary input = inputs.get(i);
      Map<String, Object> row = new HashMap<>();
      row.put("index", i);
      row.put("path", input.path());
      row.put("format", input.format());
      row.put("layout", input.layout());
      row.put("rowsRead", count(input.rowsRead()));
      row.put("rowsLoaded", count(input.rowsLoaded()));
      row.put("rowsQuarantined", count(input.rowsQuarantined()));
      rows.add(row);
    }
    return rows;
  }

  /** A count with thousands separators ({@code 12,345}), or {@code n/a} when it could not be taken. */
  private static String count(Long value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%,d", value);
  }

  private static String percent(Double ratio) {
    return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", ratio * 100);
  }
}

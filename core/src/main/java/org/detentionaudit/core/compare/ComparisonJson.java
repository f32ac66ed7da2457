package org.detentionaudit.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.detentionaudit.core.DetentionAudit;

/**
 * {@code compare.json}: the tool that compared, the thresholds used, both runs (folder, tool
 * version, start, inputs with format, layout and rows read, layouts, extract date and its origin,
 * window of book-ins, records), the fiscal years compared whole, and the rows and flagged rows,
 * in all and per kind. Keys in snake_case, pretty-printed.
 */
final class ComparisonJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ComparisonJson() {}

  static String write(ReleaseComparison c, String comparedAt) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tool_version", DetentionAudit.toolVersion());
    root.put("compared_at", comparedAt);
    root.put("thresholds", c.thresholds().source());
    root.put("before", run(c.before()));
    root.put("after", run(c.after()));
    Map<String, Object> window = new LinkedHashMap<>();
    List<Integer> years = c.comparedYears();
    window.put("first_fiscal_year", years.isEmpty() ? null : years.get(0));
    window.put("last_fiscal_year", years.isEmpty() ? null : years.get(years.size() - 1));
    window.put("open_fiscal_year", c.openYear().orElse(null));
    root.put("compared_fiscal_years", window);
    root.put("rows", c.rows().size());
    root.put("flagged", c.flagged());
    root.put("flagged_by_kind", c.flaggedByKind());
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize compare.json: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> run(ReleaseMetrics m) {
    ReleaseMetrics.Run r = m.run();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("folder", m.folder());
    run.put("tool_version", r.toolVersion());
    run.put("started_at", r.startedAt());
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (ReleaseMetrics.Input i : r.inputs()) {
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("path", i.path());
      input.put("format", i.format());
      input.put("layout", i.layout());
      input.put("rows_read", i.rowsRead());
      inputs.add(input);
    }
    run.put("inputs", inputs);
    run.put("layouts", r.layouts());
    run.put("extract_date", r.extractDate());
    run.put("extract_date_origin", r.extractDateOrigin());
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("first_book_in", r.firstBookIn());
    window.put("last_book_in", r.lastBookIn());
    run.put("window", window);
    run.put("records", r.records());
    return run;
  }
}

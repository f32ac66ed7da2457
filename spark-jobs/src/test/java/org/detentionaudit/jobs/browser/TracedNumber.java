package org.detentionaudit.jobs.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * One number on the report page and the output value it claims to show, read from the element's
 * {@code data-*} attributes (the tracing convention, README "Testing the report in a browser").
 *
 * @param table {@code data-table}: a Parquet output ({@code summary}, {@code findings}, ...) or
 *     {@code summary.json}
 * @param column {@code data-column}: a column, or a dotted path in summary.json; empty for {@code
 *     count}
 * @param where {@code data-where}: equality filters, all of which a row must meet
 * @param aggregation {@code data-agg}
 * @param format {@code data-format}
 * @param text the element's text as shown (whitespace normalized)
 * @param element the element's tag and data attributes, to name it in messages
 */
record TracedNumber(
    String table, String column, List<Filter> where, Aggregation aggregation, ShownFormat format, String text, String element) {

  /** The name of the JSON output, the only {@code data-table} that is not a Parquet table. */
  static final String SUMMARY_JSON = "summary.json";

  /** The Parquet outputs of the output folder (docs/output-contract.md), by the name before {@code .parquet}. */
  static final Set<String> PARQUET_TABLES = Set.of("summary", "findings", "quarantine", "breakdown", "profile", "facilities");

  TracedNumber {
    where = List.copyOf(where);
  }

  /** How the matching rows become one value. */
  enum Aggregation {
    /** Exactly one row must match; the value of its column. */
    VALUE,
    /** The sum of the column's non-null values over the matching rows; 0 when there are none. */
    SUM,
    /** The number of matching rows; the column is not used. */
    COUNT;

    static Aggregation named(String name) {
      return Arrays.stream(values())
          .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown data-agg '" + name + "' (known: value, sum, count)"));
    }
  }

  /**
   * One {@code column=value} equality; a null value means IS NULL.
   *
   * @param column the column's exact name
   * @param value the value as written, or null for {@code null}
   */
  record Filter(String column, String value) {
    @Override
    public String toString() {
      return column + "=" + (value == null ? "null" : value);
    }
  }

  /**
   * Reads an element carrying {@code data-table}.
   *
   * @throws IllegalArgumentException naming the bad attribute when the element breaks the
   *     convention (unknown table, aggregation or format, a missing column, a malformed filter)
   */
  static TracedNumber of(Element e) {
    String table = e.attr("data-table").trim();
    if (!PARQUET_TABLES.contains(table) && !SUMMARY_JSON.equals(table)) {
      throw new IllegalArgumentException(
          "unknown data-table '" + table + "' (known: " + String.join(", ", PARQUET_TABLES.stream().sorted().toList()) + ", " + SUMMARY_JSON + ")");
    }
    Aggregation aggregation = e.hasAttr("data-agg") ? Aggregation.named(e.attr("data-agg").trim()) : Aggregation.VALUE;
    ShownFormat format = e.hasAttr("data-format") ? ShownFormat.named(e.attr("data-format").trim()) : ShownFormat.INTEGER;
    String column = e.attr("data-column").trim();
    if (column.isEmpty() && aggregation != Aggregation.COUNT) {
      throw new IllegalArgumentException("no data-column (needed unless data-agg=count)");
    }
    return new TracedNumber(table, column, filters(e.attr("data-where")), aggregation, format, e.text(), describe(e));
  }

  /** What the number claims to be, for messages: {@code sum of breakdown.records where rule_id=null}. */
  String source() {
    String target = SUMMARY_JSON.equals(table) ? table + " " + column : aggregation == Aggregation.COUNT ? "rows of " + table : table + "." + column;
    String filter = where.isEmpty() ? "" : " where " + where.stream().map(Filter::toString).collect(Collectors.joining(" and "));
    return switch (aggregation) {
      case VALUE -> target + filter;
      case SUM -> "sum of " + target + filter;
      case COUNT -> "count of " + target + filter;
    };
  }

  /** {@code col=value;col=value}; a value may contain '=' but not ';'. Empty parts are ignored. */
  private static List<Filter> filters(String attribute) {
    List<Filter> filters = new ArrayList<>();
    for (String part : attribute.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int equals = part.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("malformed data-where '" + attribute + "': expected col=value;col=value");
      }
      String value = part.substring(equals + 1);
      filters.add(new Filter(part.substring(0, equals).trim(), "null".equals(value) ? null : value));
    }
    return filters;
  }

  private static String describe(Element e) {
    StringBuilder out = new StringBuilder("<").append(e.tagName());
    for (Attribute attribute : e.attributes()) {
      if (attribute.getKey().startsWith("data-") || attribute.getKey().equals("id")) {
        out.append(' ').append(attribute.getKey()).append("=\"").append(attribute.getValue()).append('"');
      }
    }
    return out.append('>').toString();
  }
}

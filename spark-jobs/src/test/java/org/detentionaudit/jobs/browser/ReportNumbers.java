package org.detentionaudit.jobs.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every traced number of a report page against the output folder it was written with.
 *
 * <p>The tracing convention (README, "Testing the report in a browser"): each number sits in an
 * element with {@code data-table} (a Parquet output's name, or {@code summary.json}), {@code
 * data-column} (a column, or a dotted JSON path), optionally {@code data-where}
 * ({@code col=value;col=value}, {@code null} for IS NULL), {@code data-agg} ({@code value} by
 * default, {@code sum}, {@code count}) and {@code data-format} ({@code integer} by default,
 * {@code percent}, {@code decimal}, {@code money}, {@code date}); see {@link TracedNumber} and
 * {@link ShownFormat}. An element with {@code data-column} but no {@code data-table} is reported
 * too, as a tracing mistake.
 *
 * <p>Every element is checked and every mismatch kept, so one run lists all of them. The numbers of
 * one Parquet output are found in one Spark job.
 */
public final class ReportNumbers {
  private final int traced;
  private final List<String> mismatches;

  private ReportNumbers(int traced, List<String> mismatches) {
    this.traced = traced;
    this.mismatches = List.copyOf(mismatches);
  }

  /**
   * Checks the page's traced numbers.
   *
   * @param page the rendered page
   * @param outputFolder the folder holding the Parquet outputs and summary.json
   * @param spark reads the Parquet outputs
   */
  public static ReportNumbers check(Document page, Path outputFolder, SparkSession spark) {
    List<String> mismatches = new ArrayList<>();
    for (Element stray : page.select("[data-column]:not([data-table]), [data-where]:not([data-table])")) {
      mismatches.add("'" + stray.text() + "' in <" + stray.tagName() + "> has data-column or data-where but no data-table");
    }
    List<Element> elements = page.select("[data-table]");
    String[] found = new String[elements.size()];
    Map<String, List<Integer>> byTable = new LinkedHashMap<>();
    List<TracedNumber> numbers = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      Element element = elements.get(i);
      TracedNumber number = null;
      try {
        number = TracedNumber.of(element);
        byTable.computeIfAbsent(number.table(), t -> new ArrayList<>()).add(i);
      } catch (IllegalArgumentException e) {
        found[i] = "'" + element.text() + "' in <" + element.tagName() + " " + element.attributes().html().trim() + ">: " + e.getMessage();
      }
      numbers.add(number);
    }
    ParquetValues parquet = new ParquetValues(spark, outputFolder);
    for (Map.Entry<String, List<Integer>> table : byTable.entrySet()) {
      List<TracedNumber> traced = table.getValue().stream().map(numbers::get).toList();
      List<SourceValue> values =
          TracedNumber.SUMMARY_JSON.equals(table.getKey())
              ? SummaryJsonValues.in(outputFolder).valuesOf(traced)
              : parquet.valuesOf(table.getKey(), traced);
      for (int k = 0; k < traced.size(); k++) {
        TracedNumber number = traced.get(k);
        SourceValue value = values.get(k);
        String why = value.problem() != null ? value.problem() : number.format().mismatch(number.text(), value.value());
        if (why != null) {
          found[table.getValue().get(k)] = "'" + number.text() + "' in " + number.element() + " (" + number.source() + "): " + why;
        }
      }
    }
    Arrays.stream(found).filter(Objects::nonNull).forEach(mismatches::add);
    return new ReportNumbers(elements.size(), mismatches);
  }

  /** How many elements carry {@code data-table}. */
  public int traced() {
    return traced;
  }

  /** One line per number that does not show its source, or breaks the convention; empty when all match. */
  public List<String> mismatches() {
    return mismatches;
  }

  /**
   * @throws AssertionError listing every mismatch, when there is one
   */
  public void assertAllMatch() {
    if (!mismatches.isEmpty()) {
      throw new AssertionError(
          mismatches.size() + " of " + traced + " traced numbers on the page do not match the outputs:\n  " + String.join("\n  ", mismatches));
    }
  }

}

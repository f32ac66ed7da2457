package org.detentionaudit.jobs.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values traced numbers claim from {@code summary.json}: {@code data-column} is a dotted path
 * whose parts are object keys or array indexes ({@code inputs.0.rows_read}). {@code data-agg=count}
 * gives an array's length; {@code data-where} and {@code sum} do not apply to the JSON.
 */
final class SummaryJsonValues {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode root;

  private SummaryJsonValues(JsonNode root) {
    this.root = root;
  }

  /** Reads {@code <folder>/summary.json}. */
  static SummaryJsonValues in(Path folder) {
    Path file = folder.resolve(TracedNumber.SUMMARY_JSON);
    try {
      return new SummaryJsonValues(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The values claimed by numbers that all trace to summary.json, in their order. */
  List<SourceValue> valuesOf(List<TracedNumber> numbers) {
    List<SourceValue> values = new ArrayList<>();
    for (TracedNumber number : numbers) {
      try {
        values.add(SourceValue.of(valueOf(number)));
      } catch (IllegalArgumentException e) {
        values.add(SourceValue.problem(e.getMessage()));
      }
    }
    return values;
  }

  /**
   * A number (as {@link java.math.BigDecimal}), a text, or null for a JSON null.
   *
   * @throws IllegalArgumentException when the path leads nowhere, or not to a single value
   */
  private Object valueOf(TracedNumber number) {
    if (!number.where().isEmpty() || number.aggregation() == TracedNumber.Aggregation.SUM) {
      throw new IllegalArgumentException("summary.json takes only a path in data-column: no data-where, no data-agg=sum");
    }
    JsonNode node = root;
    for (String part : number.column().split("\\.")) {
      node = node.isArray() && part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
      if (node.isMissingNode()) {
        throw new IllegalArgumentException("summary.json has nothing at '" + number.column() + "' (no '" + part + "')");
      }
    }
    if (number.aggregation() == TracedNumber.Aggregation.COUNT) {
      if (!node.isArray()) {
        throw new IllegalArgumentException("data-agg=count needs an array, and summary.json " + number.column() + " is not one");
      }
      return (long) node.size();
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      return node.asText();
    }
    throw new IllegalArgumentException("summary.json " + number.column() + " is " + node.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not a single value");
  }
}

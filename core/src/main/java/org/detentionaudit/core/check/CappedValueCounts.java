package org.detentionaudit.core.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Counts each distinct value of each of a row's columns exactly, while a column has at most {@code
 * cap} of them; beyond that it gives up on that column (it has too many values for "most frequent
 * values" to mean much) and keeps nothing for it. Lets the column profile find exact top values of
 * every column in the same pass as its other counts, with one aggregate (so the query plan stays
 * small however many columns there are), in memory bounded by {@code cap} per column and task.
 *
 * <p>Input: one {@code array<string>} per row, cell {@code i} for column {@code i}; null cells are
 * not counted (the caller nulls the cells it does not want counted). The result is JSON, one entry
 * per column: {@code {"distinct": n, "top": [[value, count], ...]}} with at most {@code top} pairs,
 * most frequent first (ties by value), or {@code {"capped": true}}; read it back with {@link
 * #parse(String)}.
 */
public final class CappedValueCounts extends Aggregator<Row, CappedValueCounts.Counts, String> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The input schema: the cells to count. */
  static final StructType INPUT =
      new StructType().add("cells", DataTypes.createArrayType(DataTypes.StringType, true), false);

  private final int width;
  private final int cap;
  private final int top;

  CappedValueCounts(int width, int cap, int top) {
    this.width = width;
    this.cap = cap;
    this.top = top;
  }

  /** The aggregation buffer: per column its value counts, or null once more than the cap. */
  public static final class Counts implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ArrayList<HashMap<String, Long>> columns = new ArrayList<>();
  }

  /** The outcome for one column. */
  record Result(boolean capped, long distinct, Map<String, Long> top) {}

  @Override
  public Counts zero() {
    Counts counts = new Counts();
    for (int i = 0; i < width; i++) {
      counts.columns.add(new HashMap<>());
    }
    return counts;
  }

  @Override
  public Counts reduce(Counts buffer, Row row) {
    List<String> cells = row.getList(0);
    for (int i = 0; i < Math.min(width, cells.size()); i++) {
      String value = cells.get(i);
      HashMap<String, Long> counts = buffer.columns.get(i);
      if (value != null && counts != null) {
        counts.merge(value, 1L, Long::sum);
        if (counts.size() > cap) {
          buffer.columns.set(i, null);
        }
      }
    }
    return buffer;
  }

  @Override
  public Counts merge(Counts left, Counts right) {
    for (int i = 0; i < width; i++) {
      HashMap<String, Long> l = left.columns.get(i);
      HashMap<String, Long> r = right.columns.get(i);
      if (l == null || r == null) {
        left.columns.set(i, null);
        continue;
      }
      r.forEach((value, count) -> l.merge(value, count, Long::sum));
      if (l.size() > cap) {
        left.columns.set(i, null);
      }
    }
    return left;
  }

  @Override
  public String finish(Counts buffer) {
    List<Object> results = new ArrayList<>();
    for (HashMap<String, Long> counts : buffer.columns) {
      Map<String, Object> result = new LinkedHashMap<>();
      if (counts == null) {
        result.put("capped", true);
      } else {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<List<Object>> pairs = new ArrayList<>();
        for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(top, entries.size()))) {
          pairs.add(List.of(entry.getKey(), entry.getValue()));
        }
        result.put("distinct", counts.size());
        result.put("top", pairs);
      }
      results.add(result);
    }
    try {
      return JSON.writeValueAsString(results);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write value counts", e);
    }
  }

  /** Reads a {@link #finish(Counts)} result back: one result per column. */
  static List<Result> parse(String json) {
    try {
      List<Result> results = new ArrayList<>();
      for (Object entry : JSON.readValue(json, List.class)) {
        Map<?, ?> map = (Map<?, ?>) entry;
        if (Boolean.TRUE.equals(map.get("capped"))) {
          results.add(new Result(true, -1, Map.of()));
          continue;
        }
        Map<String, Long> top = new LinkedHashMap<>();
        for (Object pair : (List<?>) map.get("top")) {
          List<?> valueAndCount = (List<?>) pair;
          top.put((String) valueAndCount.get(0), ((Number) valueAndCount.get(1)).longValue());
        }
        results.add(new Result(false, ((Number) map.get("distinct")).longValue(), top));
      }
      return results;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read value counts: " + json, e);
    }
  }

  @Override
  public Encoder<Counts> bufferEncoder() {
    return Encoders.javaSerialization(Counts.class);
  }

  @Override
  public Encoder<String> outputEncoder() {
    return Encoders.STRING();
  }
}

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
import org.apache.spark.sql.expressions.Aggregator;

/**
 * Counts each distinct value of a column exactly, while there are at most {@code cap} of them;
 * beyond that it gives up (the column has too many values for "most frequent values" to mean much)
 * and keeps nothing. Lets the column profile find exact top values in the same pass as its other
 * counts, in memory bounded by {@code cap} per column and task. Nulls are not counted.
 *
 * <p>The result is JSON: {@code {"distinct": n, "top": [[value, count], ...]}} with at most {@code
 * top} pairs, most frequent first (ties by value), or {@code {"capped": true}}; read it back with
 * {@link #parse(String)}.
 */
public final class CappedValueCounts extends Aggregator<String, CappedValueCounts.Counts, String> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int cap;
  private final int top;

  CappedValueCounts(int cap, int top) {
    this.cap = cap;
    this.top = top;
  }

  /** The aggregation buffer: value counts, or null once more than the cap were seen. */
  public static final class Counts implements Serializable {
    private static final long serialVersionUID = 1L;
    private HashMap<String, Long> counts = new HashMap<>();
  }

  /** The outcome for one column. */
  record Result(boolean capped, long distinct, Map<String, Long> top) {}

  @Override
  public Counts zero() {
    return new Counts();
  }

  @Override
  public Counts reduce(Counts buffer, String value) {
    if (value != null && buffer.counts != null) {
      buffer.counts.merge(value, 1L, Long::sum);
      if (buffer.counts.size() > cap) {
        buffer.counts = null;
      }
    }
    return buffer;
  }

  @Override
  public Counts merge(Counts left, Counts right) {
    if (left.counts == null || right.counts == null) {
      left.counts = null;
      return left;
    }
    right.counts.forEach((value, count) -> left.counts.merge(value, count, Long::sum));
    if (left.counts.size() > cap) {
      left.counts = null;
    }
    return left;
  }

  @Override
  public String finish(Counts buffer) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (buffer.counts == null) {
      result.put("capped", true);
    } else {
      List<Map.Entry<String, Long>> entries = new ArrayList<>(buffer.counts.entrySet());
      entries.sort(
          Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
              .thenComparing(Map.Entry.comparingByKey()));
      List<List<Object>> pairs = new ArrayList<>();
      for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(top, entries.size()))) {
        pairs.add(List.of(entry.getKey(), entry.getValue()));
      }
      result.put("distinct", buffer.counts.size());
      result.put("top", pairs);
    }
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write value counts", e);
    }
  }

  /** Reads a {@link #finish(Counts)} result back. */
  static Result parse(String json) {
    try {
      Map<?, ?> map = JSON.readValue(json, Map.class);
      if (Boolean.TRUE.equals(map.get("capped"))) {
        return new Result(true, -1, Map.of());
      }
      Map<String, Long> top = new LinkedHashMap<>();
      for (Object pair : (List<?>) map.get("top")) {
        List<?> valueAndCount = (List<?>) pair;
        top.put((String) valueAndCount.get(0), ((Number) valueAndCount.get(1)).longValue());
      }
      return new Result(false, ((Number) map.get("distinct")).longValue(), top);
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

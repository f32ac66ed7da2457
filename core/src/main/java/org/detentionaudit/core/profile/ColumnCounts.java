package org.detentionaudit.core.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.detentionaudit.core.normalize.MissingValueMarker;
import org.detentionaudit.core.normalize.RedactionMarker;

/**
 * Profiles every column of a row at once, in plain Java: the column profile's only aggregate.
 *
 * <p>Per column it counts the cells that hold a value, are missing ({@link MissingValueMarker}), are
 * redacted ({@link RedactionMarker}), after {@link String#trim()}, or are spreadsheet errors (listed
 * in the row's error positions; exactly one of the four per cell); and it counts each distinct
 * trimmed value exactly while the column has at most {@code cap} of them. Past the cap the column's
 * values go into a HyperLogLog sketch (Apache DataSketches, shipped with Spark; lgK 14, relative
 * standard error about 0.8%) and no top values are kept. Columns that are not to be listed by value
 * (identifiers) go to the sketch from their first value, so their values are never held.
 *
 * <p>A value longer than {@value #MAX_VALUE_CHARS} characters (a 1 MB cell, a 50 MB line that
 * parsed) is counted under a short stand-in: its first {@value #SHOWN_CHARS} characters, its
 * length and a digest of the whole, so distinct values stay distinct while the profile (and the
 * JSON it travels in) holds no more than a few hundred characters per value.
 *
 * <p>Why one Java aggregate: a column profile of a 37-column release as Spark SQL expressions (trim,
 * marker tests, three counts and a distinct estimate per column) ran about 30 times slower than
 * this, because object aggregates make Spark evaluate every expression interpreted, and the plan
 * grew with the number of columns.
 *
 * <p>Input: {@link #INPUT}, the row's input unit, its cells as text (null for an absent cell) and
 * the positions of its error cells (null when none). Each input unit has its own columns and
 * counts, so one aggregation profiles every input. The result is JSON, per unit one entry per
 * column, read back with {@link #parse(String)}.
 */
public final class ColumnCounts extends Aggregator<Row, ColumnCounts.Buffer, String> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LG_K = 14;
  /** Longer values are counted under a stand-in (see the class comment). */
  static final int MAX_VALUE_CHARS = 1_000;
  private static final int SHOWN_CHARS = 200;

  /** The input schema: the row's input unit, its cells and the positions of its error cells. */
  static final StructType INPUT =
      new StructType()
          .add("unit", DataTypes.IntegerType, false)
          .add("cells", DataTypes.createArrayType(DataTypes.StringType, true), false)
          .add("errors", DataTypes.createArrayType(DataTypes.IntegerType, false), true);

  private final HashMap<Integer, boolean[]> listedByUnit;
  private final int cap;
  private final int top;

  /**
   * @param listedByUnit per input unit and column, whether the column's values may be counted
   *     and listed (false: identifiers); its length is the input's number of columns
   * @param cap the most distinct values counted exactly per column
   * @param top how many most frequent values are kept per listed column
   */
  ColumnCounts(Map<Integer, boolean[]> listedByUnit, int cap, int top) {
    this.listedByUnit = new HashMap<>(listedByUnit);
    this.cap = cap;
    this.top = top;
  }

  /**
   * One column's counts. Values are keyed by their text ({@code String}) here; {@link
   * RawCellCounts} keys them as Spark holds them (a {@code UTF8String} of the text's bytes, or a
   * timestamp's microseconds as a {@code Long}) and turns them into text at the end.
   */
  static final class ColumnBuffer implements Serializable {
    private static final long serialVersionUID = 1L;
    long values;
    long missing;
    long redacted;
    long errors;
    /**
     * Exact counts per value (a one-element array, incremented in place: no boxed number per
     * cell), or null once the column went to the sketch.
     */
    HashMap<Object, long[]> counts = new HashMap<>();
    /** Non-null once the column has more than the cap of distinct values (or is not listed). */
    transient HllSketch sketch;

    /** Counts one value: exactly while the column has at most {@code cap} distinct values. */
    void count(Object value, int cap) {
      values++;
      if (counts == null) {
        sketch(value);
        return;
      }
      long[] count = counts.get(value);
      if (count != null) {
        count[0]++;
        return;
      }
      counts.put(value, new long[] {1});
      if (counts.size() > cap) {
        toSketch();
      }
    }

    void toSketch() {
      sketch = new HllSketch(LG_K, TgtHllType.HLL_8);
      if (counts != null) {
        counts.keySet().forEach(this::sketch);
      }
      counts = null;
    }

    /**
     * Adds a value to the sketch: text as its UTF-8 bytes (DataSketches hashes a {@code String}
     * that way, so a {@code UTF8String} of the same text gets the same hash), a timestamp as its
     * number.
     */
    private void sketch(Object value) {
      if (value instanceof String text) {
        sketch.update(text);
      } else if (value instanceof UTF8String bytes) {
        sketch.update(bytes.getBytes());
      } else {
        sketch.update((Long) value);
      }
    }

    /** Adds {@code other}'s counts to these. */
    void merge(ColumnBuffer other, int cap) {
      values += other.values;
      missing += other.missing;
      redacted += other.redacted;
      errors += other.errors;
      if (counts != null && other.counts != null) {
        other.counts.forEach((value, count) -> counts.computeIfAbsent(value, v -> new long[1])[0] += count[0]);
        if (counts.size() > cap) {
          toSketch();
        }
        return;
      }
      if (counts != null) {
        toSketch();
      }
      if (other.counts != null) {
        other.toSketch();
      }
      Union union = new Union(LG_K);
      union.update(sketch);
      union.update(other.sketch);
      sketch = union.getResult(TgtHllType.HLL_8);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      out.writeObject(sketch == null ? null : sketch.toCompactByteArray());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      byte[] bytes = (byte[]) in.readObject();
      sketch = bytes == null ? null : HllSketch.heapify(Memory.wrap(bytes));
    }
  }

  /**
   * The aggregation buffer: per input unit, one {@link ColumnBuffer} per column, made at the unit's
   * first row.
   */
  public static final class Buffer implements Serializable {
    private static final long serialVersionUID = 1L;
    final HashMap<Integer, ArrayList<ColumnBuffer>> units = new HashMap<>();
  }

  /** Per column of input unit {@code unit}, whether its values may be counted and listed. */
  boolean[] listed(int unit) {
    boolean[] listed = listedByUnit.get(unit);
    if (listed == null) {
      throw new IllegalStateException("Cannot profile input unit " + unit + ": it has no columns listed");
    }
    return listed;
  }

  /** The most distinct values counted exactly per column. */
  int cap() {
    return cap;
  }

  /** The columns of input unit {@code unit} in {@code buffer}, made at the unit's first row. */
  ArrayList<ColumnBuffer> columns(Buffer buffer, int unit) {
    ArrayList<ColumnBuffer> columns = buffer.units.get(unit);
    if (columns != null) {
      return columns;
    }
    columns = new ArrayList<>();
    for (boolean isListed : listed(unit)) {
      ColumnBuffer column = new ColumnBuffer();
      if (!isListed) {
        column.toSketch();
      }
      columns.add(column);
    }
    buffer.units.put(unit, columns);
    return columns;
  }

  /**
   * The outcome for one column.
   *
   * @param estimated whether {@code distinct} is a sketch estimate (then {@code top} is empty)
   */
  record Result(
      long values,
      long missing,
      long redacted,
      long errors,
      long distinct,
      boolean estimated,
      Map<String, Long> top) {}

  @Override
  public Buffer zero() {
    return new Buffer();
  }

  @Override
  public Buffer reduce(Buffer buffer, Row row) {
    add(buffer, row.getInt(0), row.getList(1), row.size() > 2 && !row.isNullAt(2) ? row.getList(2) : null);
    return buffer;
  }

  /**
   * Counts one row of an input unit into {@code buffer}: the same as {@link #reduce}, for callers
   * that hold the cells themselves (a parse task).
   *
   * @param cells the row's cells as text, null for an absent cell
   * @param errorPositions the 0-based positions of its error cells, or null when none
   */
  public void add(Buffer buffer, int unit, List<String> cells, List<Integer> errorPositions) {
    ArrayList<ColumnBuffer> columns = columns(buffer, unit);
    int width = Math.min(columns.size(), cells.size());
    boolean[] errors = null;
    if (errorPositions != null) {
      errors = new boolean[width];
      for (Integer position : errorPositions) {
        if (position != null && position >= 0 && position < width) {
          errors[position] = true;
        }
      }
    }
    for (int i = 0; i < width; i++) {
      ColumnBuffer column = columns.get(i);
      String cell = cells.get(i);
      if (errors != null && errors[i]) {
        column.errors++;
        continue;
      }
      String trimmed = cell == null ? null : cell.trim();
      if (trimmed == null || MissingValueMarker.isMissingTrimmed(trimmed)) {
        column.missing++;
        continue;
      }
      String value = counted(trimmed);
      if (RedactionMarker.isRedaction(value)) {
        column.redacted++;
        continue;
      }
      column.count(value, cap);
    }
  }

  @Override
  public Buffer merge(Buffer left, Buffer right) {
    right.units.forEach(
        (unit, columns) -> {
          ArrayList<ColumnBuffer> into = left.units.get(unit);
          if (into == null) {
            left.units.put(unit, columns);
            return;
          }
          for (int i = 0; i < into.size(); i++) {
            into.get(i).merge(columns.get(i), cap);
          }
        });
    return left;
  }

  @Override
  public String finish(Buffer buffer) {
    Map<String, Object> units = new java.util.TreeMap<>();
    buffer.units.forEach((unit, columns) -> units.put(String.valueOf(unit), finish(columns)));
    try {
      return JSON.writeValueAsString(units);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write column counts", e);
    }
  }

  private List<Object> finish(List<ColumnBuffer> columns) {
    List<Object> results = new ArrayList<>();
    for (ColumnBuffer column : columns) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("values", column.values);
      result.put("missing", column.missing);
      result.put("redacted", column.redacted);
      result.put("errors", column.errors);
      List<List<Object>> pairs = new ArrayList<>();
      if (column.counts == null) {
        result.put("distinct", Math.round(column.sketch.getEstimate()));
        result.put("estimated", true);
      } else {
        List<Map.Entry<Object, long[]>> entries = new ArrayList<>(column.counts.entrySet());
        entries.sort(
            Comparator.<Map.Entry<Object, long[]>>comparingLong(entry -> -entry.getValue()[0])
                .thenComparing(entry -> (String) entry.getKey()));
        for (Map.Entry<Object, long[]> entry : entries.subList(0, Math.min(top, entries.size()))) {
          pairs.add(List.of(entry.getKey(), entry.getValue()[0]));
        }
        result.put("distinct", column.counts.size());
        result.put("estimated", false);
      }
      result.put("top", pairs);
      results.add(result);
    }
    return results;
  }

  /**
   * The value as counted: itself, or for a value longer than {@value #MAX_VALUE_CHARS} characters
   * its first {@value #SHOWN_CHARS} characters, its length and the start of its SHA-256 digest.
   */
  static String counted(String value) {
    if (value.length() <= MAX_VALUE_CHARS) {
      return value;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return value.substring(0, SHOWN_CHARS)
          + "... ("
          + value.length()
          + " characters, sha-256 "
          + java.util.HexFormat.of().formatHex(digest, 0, 6)
          + ")";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Reads a {@link #finish(Buffer)} result back: per input unit that had rows, one result per
   * column.
   */
  static Map<Integer, List<Result>> parse(String json) {
    try {
      Map<Integer, List<Result>> units = new HashMap<>();
      for (Map.Entry<?, ?> unit : ((Map<?, ?>) JSON.readValue(json, Map.class)).entrySet()) {
        units.put(Integer.valueOf((String) unit.getKey()), parseColumns((List<?>) unit.getValue()));
      }
      return units;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot read column counts: " + json.substring(0, Math.min(json.length(), 1_000)), e);
    }
  }

  private static List<Result> parseColumns(List<?> columns) {
    List<Result> results = new ArrayList<>();
    for (Object entry : columns) {
      Map<?, ?> map = (Map<?, ?>) entry;
      Map<String, Long> top = new LinkedHashMap<>();
      for (Object pair : (List<?>) map.get("top")) {
        List<?> valueAndCount = (List<?>) pair;
        top.put((String) valueAndCount.get(0), ((Number) valueAndCount.get(1)).longValue());
      }
      results.add(
          new Result(
              ((Number) map.get("values")).longValue(),
              ((Number) map.get("missing")).longValue(),
              ((Number) map.get("redacted")).longValue(),
              ((Number) map.get("errors")).longValue(),
              ((Number) map.get("distinct")).longValue(),
              Boolean.TRUE.equals(map.get("estimated")),
              top));
    }
    return results;
  }

  /** {@code buffer} as bytes (Java serialization; the sketches as DataSketches' compact form). */
  static byte[] toBytes(Buffer buffer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(buffer);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot serialize column counts", e);
    }
    return bytes.toByteArray();
  }

  /** A buffer back from {@link #toBytes}. */
  static Buffer fromBytes(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (Buffer) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot read column counts", e);
    }
  }

  @Override
  public Encoder<Buffer> bufferEncoder() {
    return Encoders.javaSerialization(Buffer.class);
  }

  @Override
  public Encoder<String> outputEncoder() {
    return Encoders.STRING();
  }
}

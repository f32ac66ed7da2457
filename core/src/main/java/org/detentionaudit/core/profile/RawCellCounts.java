package org.detentionaudit.core.profile;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.aggregate.TypedImperativeAggregate;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.detentionaudit.core.normalize.MissingValueMarker;
import org.detentionaudit.core.normalize.RedactionMarker;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * {@link ColumnCounts}, counted where Spark holds the cells: an aggregate function over a row's
 * input unit, its cells ({@code array<string>}) and its error positions that reads each cell's
 * UTF-8 bytes as Spark holds them, with no Java {@code String} per cell and no conversion of the
 * row to a Java object (a {@code udaf} over an {@code Aggregator} does both for every cell, which
 * cost the scan pass about a third of its time on a 37-column Parquet release).
 *
 * <p>It counts exactly what {@link ColumnCounts#add} counts, in the same order of tests: an error
 * position is an error; a cell trimmed as {@link String#trim()} trims (bytes up to 0x20 at either
 * end: in UTF-8 those are exactly the characters up to U+0020) that is absent or missing is
 * missing; a redaction marker is redacted; anything else a value, counted exactly per distinct
 * value up to the cap and in the same HyperLogLog sketch past it (DataSketches hashes a
 * {@code String} as its UTF-8 bytes, so the sketch gets the same hashes). The marker tests run on a
 * {@code String} only for the cells that could be a marker: at most {@value #SHORT_BYTES} bytes
 * (every spelling of a missing value is 3 characters or fewer), or holding a parenthesis or the
 * letters of {@code redacted}; values longer than {@value ColumnCounts#MAX_VALUE_CHARS} bytes are
 * counted under {@link ColumnCounts#counted}'s stand-in. It counts into {@link ColumnCounts}' own
 * buffer ({@link ColumnCounts.ColumnBuffer#count}, its merge and its sketch), with values kept as
 * bytes, or timestamps as microseconds, that become {@code String}s once, at the end: bytes that
 * are not valid UTF-8 decode as Spark's own conversion does, and byte strings that decode alike
 * are then one value, as they were.
 */
public final class RawCellCounts extends TypedImperativeAggregate<ColumnCounts.Buffer>
    implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Cells up to this many bytes are tested for markers as text. */
  static final int SHORT_BYTES = 12;
  private static final byte[] REDACTED = "redacted".getBytes(StandardCharsets.US_ASCII);

  private final ColumnCounts counts;
  private final Expression unit;
  private final Expression cells;
  private final Expression errors;
  private final Expression timestamps;
  private final int mutableAggBufferOffset;
  private final int inputAggBufferOffset;

  private RawCellCounts(
      ColumnCounts counts,
      Expression unit,
      Expression cells,
      Expression errors,
      Expression timestamps,
      int mutableAggBufferOffset,
      int inputAggBufferOffset) {
    this.counts = counts;
    this.unit = unit;
    this.cells = cells;
    this.errors = errors;
    this.timestamps = timestamps;
    this.mutableAggBufferOffset = mutableAggBufferOffset;
    this.inputAggBufferOffset = inputAggBufferOffset;
  }

  /**
   * The aggregate as a column: over {@code unit} (int), {@code cells} ({@code array<string>}),
   * {@code errors} ({@code array<int>}, null when none) and {@code timestamps} ({@code
   * array<timestamp_ntz>}, null when none: a cell given there is that column's value, not cast to
   * text), the JSON text of {@link ColumnCounts#finish} for {@code counts}' input units and columns.
   */
  static Column of(ColumnCounts counts, Column unit, Column cells, Column errors, Column timestamps) {
    RawCellCounts aggregate =
        new RawCellCounts(counts, unit.expr(), cells.expr(), errors.expr(), timestamps.expr(), 0, 0);
    return new Column(aggregate.toAggregateExpression());
  }

  @Override
  public ColumnCounts.Buffer createAggregationBuffer() {
    return new ColumnCounts.Buffer();
  }

  @Override
  public ColumnCounts.Buffer update(ColumnCounts.Buffer buffer, InternalRow input) {
    int unitIndex = (Integer) unit.eval(input);
    ArrayData row = (ArrayData) cells.eval(input);
    ArrayData errorPositions = (ArrayData) errors.eval(input);
    ArrayData stamps = (ArrayData) timestamps.eval(input);
    int stampCount = stamps == null ? 0 : stamps.numElements();
    ArrayList<ColumnCounts.ColumnBuffer> columns = counts.columns(buffer, unitIndex);
    int width = Math.min(columns.size(), row.numElements());
    boolean[] isError = null;
    if (errorPositions != null) {
      isError = new boolean[width];
      for (int i = 0; i < errorPositions.numElements(); i++) {
        if (!errorPositions.isNullAt(i)) {
          int position = errorPositions.getInt(i);
          if (position >= 0 && position < width) {
            isError[position] = true;
          }
        }
      }
    }
    for (int i = 0; i < width; i++) {
      ColumnCounts.ColumnBuffer column = columns.get(i);
      if (isError != null && isError[i]) {
        column.errors++;
      } else if (i < stampCount && !stamps.isNullAt(i)) {
        // A timestamp is a value, kept as its microseconds: text only at the end, if listed.
        column.count(stamps.getLong(i), counts.cap());
      } else if (row.isNullAt(i)) {
        column.missing++;
      } else {
        add(column, row.getUTF8String(i).getBytes());
      }
    }
    return buffer;
  }

  /** Counts one present cell's bytes (the cell as Spark holds it, untrimmed). */
  private void add(ColumnCounts.ColumnBuffer column, byte[] bytes) {
    int start = 0;
    int end = bytes.length;
    while (start < end && (bytes[start] & 0xFF) <= 0x20) {
      start++;
    }
    while (end > start && (bytes[end - 1] & 0xFF) <= 0x20) {
      end--;
    }
    int length = end - start;
    UTF8String value;
    if (length <= SHORT_BYTES || length > ColumnCounts.MAX_VALUE_CHARS || mayBeRedaction(bytes, start, end)) {
      // The same tests as ColumnCounts, on the text.
      String trimmed = new String(bytes, start, length, StandardCharsets.UTF_8);
      if (MissingValueMarker.isMissingTrimmed(trimmed)) {
        column.missing++;
        return;
      }
      String counted = ColumnCounts.counted(trimmed);
      if (RedactionMarker.isRedaction(counted)) {
        column.redacted++;
        return;
      }
      value = counted == trimmed ? UTF8String.fromBytes(bytes, start, length) : UTF8String.fromString(counted);
    } else {
      value = UTF8String.fromBytes(bytes, start, length);
    }
    column.count(value, counts.cap());
  }

  /** A timestamp (microseconds, no time zone) as text, exactly as Spark casts it to a string. */
  static String timestampText(long micros) {
    Cast cast =
        new Cast(
            new Literal(micros, DataTypes.TimestampNTZType),
            DataTypes.StringType,
            Option.apply("UTC"),
            Cast.$lessinit$greater$default$4());
    return cast.eval(null).toString();
  }

  /**
   * Whether the trimmed bytes could be a redaction marker: every marker holds a parenthesis or the
   * word {@code redacted} (in any case).
   */
  static boolean mayBeRedaction(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b == '(' || b == ')') {
        return true;
      }
      if ((b == 'r' || b == 'R') && end - i >= REDACTED.length) {
        int k = 1;
        while (k < REDACTED.length && (bytes[i + k] | 0x20) == REDACTED[k]) {
          k++;
        }
        if (k == REDACTED.length) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public ColumnCounts.Buffer merge(ColumnCounts.Buffer left, ColumnCounts.Buffer right) {
    return counts.merge(left, right);
  }

  /**
   * The counts as {@link ColumnCounts} finishes them: each value kept exactly turned into its text,
   * in place (the buffer is not counted into afterwards: {@link #eval} is the aggregate's last step).
   */
  static ColumnCounts.Buffer asText(ColumnCounts.Buffer buffer) {
    buffer.units.values().forEach(columns -> columns.forEach(RawCellCounts::asText));
    return buffer;
  }

  private static void asText(ColumnCounts.ColumnBuffer column) {
    if (column.counts == null) {
      return;
    }
    HashMap<Object, long[]> text = new HashMap<>();
    column.counts.forEach(
        (value, count) -> {
          String key = value instanceof Long micros ? timestampText(micros) : value.toString();
          // Bytes that are not valid UTF-8 decode as Spark decodes them: two such values can
          // become one text, counted as one value, as they were when counted as text.
          text.computeIfAbsent(key, k -> new long[1])[0] += count[0];
        });
    column.counts = text;
  }

  @Override
  public Object eval(ColumnCounts.Buffer buffer) {
    return UTF8String.fromString(counts.finish(asText(buffer)));
  }

  @Override
  public byte[] serialize(ColumnCounts.Buffer buffer) {
    return ColumnCounts.toBytes(buffer);
  }

  @Override
  public ColumnCounts.Buffer deserialize(byte[] bytes) {
    return ColumnCounts.fromBytes(bytes);
  }

  @Override
  public Seq<Expression> children() {
    return JavaConverters.asScalaBuffer(List.of(unit, cells, errors, timestamps)).toSeq();
  }

  @Override
  public Expression withNewChildrenInternal(scala.collection.IndexedSeq<Expression> children) {
    return new RawCellCounts(
        counts,
        children.apply(0),
        children.apply(1),
        children.apply(2),
        children.apply(3),
        mutableAggBufferOffset,
        inputAggBufferOffset);
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public DataType dataType() {
    return DataTypes.StringType;
  }

  @Override
  public String prettyName() {
    return "column_counts";
  }

  @Override
  public int mutableAggBufferOffset() {
    return mutableAggBufferOffset;
  }

  @Override
  public int inputAggBufferOffset() {
    return inputAggBufferOffset;
  }

  @Override
  public RawCellCounts withNewMutableAggBufferOffset(int offset) {
    return new RawCellCounts(counts, unit, cells, errors, timestamps, offset, inputAggBufferOffset);
  }

  @Override
  public RawCellCounts withNewInputAggBufferOffset(int offset) {
    return new RawCellCounts(counts, unit, cells, errors, timestamps, mutableAggBufferOffset, offset);
  }

  @Override
  public int productArity() {
    return 7;
  }

  @Override
  public Object productElement(int n) {
    switch (n) {
      case 0:
        return counts;
      case 1:
        return unit;
      case 2:
        return cells;
      case 3:
        return errors;
      case 4:
        return timestamps;
      case 5:
        return mutableAggBufferOffset;
      case 6:
        return inputAggBufferOffset;
      default:
        throw new IndexOutOfBoundsException(n);
    }
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof RawCellCounts;
  }
}

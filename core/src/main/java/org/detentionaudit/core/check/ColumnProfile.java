package org.detentionaudit.core.check;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.layout.HeaderKey;
import org.detentionaudit.core.load.CellExpressions;
import org.detentionaudit.rules.CanonicalField;

/**
 * The column profile of one input ({@code profile.parquet}): per input column, how many cells hold a
 * value, are missing (blank, {@code NA}, {@code N/A}) or are redacted, roughly how many distinct
 * values there are, and the most frequent values.
 *
 * <p>Two passes: one aggregation for all counts, then one grouping for the top values of the
 * columns that have few distinct values. Distinct counts are HyperLogLog++ estimates (relative
 * standard deviation 1%; exact in practice below a few thousand values). Top values are left out
 * (empty) for columns with more than {@value #MAX_DISTINCT_FOR_TOP_VALUES} distinct values and for
 * identifier columns (the canonical person id, and any column whose name ends in {@code id} or
 * {@code number} or contains {@code identifier}), so the profile never lists person identifiers.
 */
public final class ColumnProfile {
  /** Columns with more distinct values than this get no top values. */
  public static final long MAX_DISTINCT_FOR_TOP_VALUES = 1000;
  /** How many top values are kept per column. */
  public static final int TOP_VALUES = 5;

  /** The schema of {@code profile.parquet}. */
  public static final StructType SCHEMA =
      new StructType()
          .add("input", DataTypes.StringType, false)
          .add("column", DataTypes.StringType, false)
          .add("canonical_field", DataTypes.StringType, true)
          .add("non_null", DataTypes.LongType, false)
          .add("nulls", DataTypes.LongType, false)
          .add("redacted", DataTypes.LongType, false)
          .add("distinct", DataTypes.LongType, false)
          .add(
              "top_values",
              DataTypes.createArrayType(
                  new StructType()
                      .add("value", DataTypes.StringType, false)
                      .add("count", DataTypes.LongType, false),
                  false),
              false);

  private ColumnProfile() {}

  /**
   * Profiles every column of {@code raw} (cast to text).
   *
   * @param input the input's name, written in every row
   * @param raw the input's rows with its own column names; empty input gives zero counts
   * @param canonical the canonical field each column maps to, where it maps to one
   */
  public static Dataset<Row> of(
      SparkSession spark, String input, Dataset<Row> raw, Map<String, CanonicalField> canonical) {
    String[] columns = raw.columns();
    List<Column> cells = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      cells.add(CellExpressions.trimmed(raw.col(quote(columns[i])).cast("string")).as("c" + i));
    }
    Dataset<Row> trimmed = raw.select(cells.toArray(Column[]::new));

    List<Column> aggregates = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      Column cell = col("c" + i);
      Column missing = CellExpressions.isMissing(cell);
      Column redacted = not(missing).and(CellExpressions.isRedaction(cell));
      Column value = not(missing).and(not(redacted));
      aggregates.add(sum(when(value, 1L).otherwise(0L)).as("v" + i));
      aggregates.add(sum(when(missing, 1L).otherwise(0L)).as("m" + i));
      aggregates.add(sum(when(redacted, 1L).otherwise(0L)).as("r" + i));
      aggregates.add(approx_count_distinct(when(value, cell), 0.01).as("d" + i));
    }
    Row counts = trimmed.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();

    List<Integer> withTopValues = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      long distinct = counts.isNullAt(4 * i + 3) ? 0 : counts.getLong(4 * i + 3);
      if (distinct > 0
          && distinct <= MAX_DISTINCT_FOR_TOP_VALUES
          && !isIdentifier(columns[i], Optional.ofNullable(canonical.get(columns[i])))) {
        withTopValues.add(i);
      }
    }
    Map<Integer, List<Row>> topValues = topValues(trimmed, withTopValues);

    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      CanonicalField field = canonical.get(columns[i]);
      rows.add(
          RowFactory.create(
              input,
              columns[i],
              field == null ? null : field.columnName(),
              counts.getLong(4 * i),
              counts.getLong(4 * i + 1),
              counts.getLong(4 * i + 2),
              counts.getLong(4 * i + 3),
              topValues.getOrDefault(i, List.of())));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static Map<Integer, List<Row>> topValues(Dataset<Row> trimmed, List<Integer> columns) {
    Map<Integer, List<Row>> result = new HashMap<>();
    if (columns.isEmpty()) {
      return result;
    }
    List<Column> pairs = new ArrayList<>();
    for (int i : columns) {
      Column cell = col("c" + i);
      Column missing = CellExpressions.isMissing(cell);
      Column value = not(missing).and(not(CellExpressions.isRedaction(cell)));
      pairs.add(struct(lit(i).as("i"), when(value, cell).as("v")));
    }
    List<Row> top =
        trimmed
            .select(explode(org.apache.spark.sql.functions.array(pairs.toArray(Column[]::new))).as("p"))
            .where(col("p.v").isNotNull())
            .groupBy(col("p.i").as("i"), col("p.v").as("v"))
            .agg(count(lit(1)).as("n"))
            .withColumn(
                "rank",
                row_number().over(Window.partitionBy("i").orderBy(col("n").desc(), col("v").asc())))
            .where(col("rank").leq(TOP_VALUES))
            .orderBy("i", "rank")
            .collectAsList();
    for (Row row : top) {
      result.computeIfAbsent(row.getInt(0), k -> new ArrayList<>()).add(RowFactory.create(row.getString(1), row.getLong(2)));
    }
    return result;
  }

  /** Columns that hold identifiers of people or cases: never listed by value. */
  static boolean isIdentifier(String column, Optional<CanonicalField> field) {
    if (field.isPresent() && field.get() == CanonicalField.PERSON_ID) {
      return true;
    }
    String key = HeaderKey.of(column).toLowerCase(Locale.ROOT);
    return key.endsWith("id") || key.endsWith("number") || key.contains("identifier");
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}

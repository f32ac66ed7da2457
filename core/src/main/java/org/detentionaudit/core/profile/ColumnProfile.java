package org.detentionaudit.core.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.layout.HeaderKey;
import org.detentionaudit.core.load.ProfiledInput;
import org.detentionaudit.core.load.RawColumns;
import org.detentionaudit.rules.CanonicalField;

/**
 * The column profile ({@code profile.parquet}): per input and input column, how many cells hold a
 * value, are missing (blank, {@code NA}, {@code N/A}), are redacted or are spreadsheet errors
 * ({@code #N/A}, {@code #REF!}, ... cells of a workbook), how many distinct values there are, and
 * the most frequent values. For each column, values + missing + redacted + errors = rows profiled.
 *
 * <p>Every input is counted by the same plain-Java counting ({@link ColumnCounts}), in one of two
 * places: text files and workbooks inside the load's parse tasks, as they read each record ({@link
 * ColumnCountsAccumulator}), so their profile reads nothing again; Parquet inputs by one
 * aggregation over their raw cells ({@link RawColumns#cells()}), whose aggregate ({@link
 * RawCellCounts}) reads the cells' bytes where Spark holds them and counts timestamps as their
 * values (a column of more than {@value #MAX_DISTINCT_FOR_TOP_VALUES} timestamps is sketched by
 * value, not by its text: the estimate differs from the text's by the sketch's error). Distinct counts are exact for
 * columns with at most {@value #MAX_DISTINCT_FOR_TOP_VALUES} distinct values and HyperLogLog
 * estimates above (relative standard error about 0.8%). Top values (trimmed, at most {@value
 * #TOP_VALUES}, most frequent first, ties by value) are kept only for columns with at most {@value
 * #MAX_DISTINCT_FOR_TOP_VALUES} distinct values, and never for identifier columns (the canonical
 * person id, and any column whose name ends in {@code id} or {@code number} or contains {@code
 * identifier}): their values are not even counted, only sketched, so the profile never lists
 * person identifiers.
 */
public final class ColumnProfile {
  /** Columns with more distinct values than this get no top values. */
  public static final int MAX_DISTINCT_FOR_TOP_VALUES = 1000;
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
          .add("errors", DataTypes.LongType, false)
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
   * Profiles every column of every input: the inputs counted while they were parsed (text and
   * workbooks: {@link RawColumns#parsedCounts()}) from those counts, the others (Parquet) by one
   * aggregation over their raw cells. A job runs only when there are such other inputs.
   *
   * @return one row per (input, column) in input and column order ({@link #SCHEMA}); an input
   *     without rows gets zero counts
   */
  public static Dataset<Row> of(SparkSession spark, RawColumns raw) {
    if (width(raw.inputs()) == 0) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    String scanned = null;
    if (raw.cells() != null) {
      scanned =
          raw.cells()
              .agg(
                  aggregate(
                      raw.inputs(),
                      col(RawColumns.INPUT_UNIT),
                      col(RawColumns.CELLS),
                      col(RawColumns.ERRORS),
                      col(RawColumns.TIMESTAMPS)))
              .first()
              .getString(0);
    }
    return fromCounts(spark, raw, scanned);
  }

  /**
   * The profile of {@code raw}'s inputs from the counts of its {@link RawColumns#cells()} (the
   * result of {@link #aggregate} over them, e.g. in the scan pass; null when there were none) and
   * the counts made while parsing ({@link RawColumns#parsedCounts()}). The two count disjoint
   * input units.
   *
   * @return as {@link #of(SparkSession, RawColumns)}
   * @throws IllegalStateException when an input unit is in both
   */
  public static Dataset<Row> fromCounts(SparkSession spark, RawColumns raw, String cellCounts) {
    Map<Integer, List<ColumnCounts.Result>> byUnit = new HashMap<>();
    if (raw.parsedCounts() != null) {
      byUnit.putAll(ColumnCounts.parse(raw.parsedCounts()));
    }
    if (cellCounts != null) {
      ColumnCounts.parse(cellCounts)
          .forEach(
              (unit, results) -> {
                if (byUnit.putIfAbsent(unit, results) != null) {
                  throw new IllegalStateException(
                      "Cannot profile input unit " + unit + ": it was counted both while parsing and from its cells");
                }
              });
    }
    return rows(spark, raw.inputs(), byUnit);
  }

  /**
   * The profile's one aggregate, to be part of a larger aggregation (the scan pass): over rows of
   * {@link RawColumns#SCHEMA}'s four columns, a text that {@link #fromCounts} reads.
   */
  public static Column aggregate(
      List<ProfiledInput> inputs, Column unit, Column cells, Column errors, Column timestamps) {
    return RawCellCounts.of(counts(inputs), unit, cells, errors, timestamps);
  }

  /** The counting of {@code inputs}' columns, as the profile counts them. */
  static ColumnCounts counts(List<ProfiledInput> inputs) {
    Map<Integer, boolean[]> listedByUnit = new HashMap<>();
    for (ProfiledInput input : inputs) {
      boolean[] listed = new boolean[input.columns().size()];
      for (int i = 0; i < listed.length; i++) {
        listed[i] = isCounted(input, input.columns().get(i));
      }
      listedByUnit.put(input.unitIndex(), listed);
    }
    return new ColumnCounts(listedByUnit, MAX_DISTINCT_FOR_TOP_VALUES, TOP_VALUES);
  }

  private static Dataset<Row> rows(
      SparkSession spark, List<ProfiledInput> inputs, Map<Integer, List<ColumnCounts.Result>> byUnit) {
    List<Row> rows = new ArrayList<>();
    for (ProfiledInput input : inputs) {
      List<ColumnCounts.Result> results = byUnit.getOrDefault(input.unitIndex(), List.of());
      for (int i = 0; i < input.columns().size(); i++) {
        String column = input.columns().get(i);
        CanonicalField field = input.canonical().get(column);
        ColumnCounts.Result result = i < results.size() ? results.get(i) : null;
        List<Row> top = new ArrayList<>();
        if (result != null && isCounted(input, column)) {
          result.top().forEach((value, count) -> top.add(RowFactory.create(value, count)));
        }
        rows.add(
            RowFactory.create(
                input.name(),
                column,
                field == null ? null : field.columnName(),
                result == null ? 0L : result.values(),
                result == null ? 0L : result.missing(),
                result == null ? 0L : result.redacted(),
                result == null ? 0L : result.errors(),
                result == null ? 0L : result.distinct(),
                top));
      }
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static int width(List<ProfiledInput> inputs) {
    return inputs.stream().mapToInt(i -> i.columns().size()).max().orElse(0);
  }

  /**
   * Profiles one table whose columns are the input's columns (any types; cast to text).
   *
   * @param input the input's name, written in every row
   * @param canonical the canonical field each column maps to, where it maps to one
   */
  public static Dataset<Row> of(
      SparkSession spark, String input, Dataset<Row> table, Map<String, CanonicalField> canonical) {
    List<Column> cells = new ArrayList<>();
    for (String column : table.columns()) {
      cells.add(table.col("`" + column.replace("`", "``") + "`").cast(DataTypes.StringType));
    }
    Dataset<Row> rawCells =
        table.select(
            lit(0).as(RawColumns.INPUT_UNIT),
            functions.array(cells.toArray(new Column[0])).as(RawColumns.CELLS),
            lit(null).cast(RawColumns.SCHEMA.apply(RawColumns.ERRORS).dataType()).as(RawColumns.ERRORS),
            lit(null).cast(RawColumns.SCHEMA.apply(RawColumns.TIMESTAMPS).dataType()).as(RawColumns.TIMESTAMPS));
    return of(
        spark,
        new RawColumns(
            rawCells, List.of(new ProfiledInput(0, input, List.of(table.columns()), canonical))));
  }

  private static boolean isCounted(ProfiledInput input, String column) {
    return !isIdentifier(column, Optional.ofNullable(input.canonical().get(column)));
  }

  /** Columns that hold identifiers of people or cases: never listed by value. */
  static boolean isIdentifier(String column, Optional<CanonicalField> field) {
    if (field.isPresent() && field.get() == CanonicalField.PERSON_ID) {
      return true;
    }
    String key = HeaderKey.of(column).toLowerCase(Locale.ROOT);
    return key.endsWith("id") || key.endsWith("number") || key.contains("identifier");
  }
}

package org.detentionaudit.jobs.browser;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The values traced numbers claim from one Parquet output ({@code <folder>/<table>.parquet}), all
 * found in one Spark aggregation over the table: per number, the count of rows its filters match
 * and, for {@code value}, the matching row's value (the maximum over one row), for {@code sum}, the
 * sum.
 *
 * <p>Dates and timestamps come back as Spark's text for them ({@code 2025-06-26 13:05:00}, in the
 * session time zone), so that the page's date is compared with what the table holds.
 */
final class ParquetValues {
  private final SparkSession spark;
  private final Path folder;

  ParquetValues(SparkSession spark, Path folder) {
    this.spark = spark;
    this.folder = folder;
  }

  /** The values claimed by numbers that all trace to {@code table}, in their order. */
  List<SourceValue> valuesOf(String table, List<TracedNumber> numbers) {
    Path path = folder.resolve(table + ".parquet");
    if (!Files.exists(path)) {
      return numbers.stream().map(n -> SourceValue.problem("cannot read table " + table + ": " + path + " does not exist")).toList();
    }
    Dataset<Row> rows = spark.read().parquet(path.toString());
    List<Column> aggregates = new ArrayList<>();
    List<Integer> firstAggregate = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (TracedNumber number : numbers) {
      firstAggregate.add(aggregates.size());
      try {
        List<Column> own = aggregates(rows.schema(), number);
        aggregates.addAll(own);
        problems.add(null);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    Row result = aggregates.isEmpty() ? null : rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    List<SourceValue> outcomes = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      outcomes.add(problems.get(i) != null ? SourceValue.problem(problems.get(i)) : outcome(numbers.get(i), result, firstAggregate.get(i)));
    }
    return outcomes;
  }

  /** The number's aggregates: the count of matching rows, then its sum or value (not for count). */
  private static List<Column> aggregates(StructType schema, TracedNumber number) {
    Column matches = condition(schema, number);
    Column matched = count(when(matches, lit(1)));
    return switch (number.aggregation()) {
      case COUNT -> List.of(matched);
      case SUM -> {
        DataType type = columnType(schema, number.table(), number.column());
        if (!(type instanceof NumericType)) {
          throw new IllegalArgumentException("cannot sum " + number.table() + "." + number.column() + " of type " + type.simpleString());
        }
        yield List.of(matched, sum(when(matches, col(number.column()))));
      }
      case VALUE -> {
        DataType type = columnType(schema, number.table(), number.column());
        if (!(type instanceof NumericType || type instanceof StringType || type instanceof BooleanType || isDateLike(type))) {
          throw new IllegalArgumentException("cannot show " + number.table() + "." + number.column() + " of type " + type.simpleString() + " as one value");
        }
        Column value = isDateLike(type) ? col(number.column()).cast("string") : col(number.column());
        yield List.of(matched, max(when(matches, value)));
      }
    };
  }

  private static SourceValue outcome(TracedNumber number, Row result, int at) {
    long matched = result.getLong(at);
    return switch (number.aggregation()) {
      case COUNT -> SourceValue.of(matched);
      case SUM -> SourceValue.of(result.isNullAt(at + 1) ? BigDecimal.ZERO : result.get(at + 1));
      case VALUE -> {
        if (matched == 0) {
          yield SourceValue.problem("no row of " + number.table() + " matches" + filterText(number));
        }
        if (matched > 1) {
          yield SourceValue.problem(
              matched + " rows of " + number.table() + " match" + filterText(number)
                  + ": data-agg=value needs exactly one (narrow data-where, or use data-agg=sum or count)");
        }
        yield SourceValue.of(result.get(at + 1));
      }
    };
  }

  private static Column condition(StructType schema, TracedNumber number) {
    Column all = lit(true);
    for (TracedNumber.Filter filter : number.where()) {
      DataType type = columnType(schema, number.table(), filter.column());
      Column column = col(filter.column());
      all = all.and(filter.value() == null ? column.isNull() : column.equalTo(literal(filter, type)));
    }
    return all;
  }

  /** The filter's text as a value of the column's type. */
  private static Column literal(TracedNumber.Filter filter, DataType type) {
    if (type instanceof StringType) {
      return lit(filter.value());
    }
    if (type instanceof NumericType) {
      try {
        return lit(new BigDecimal(filter.value())).cast(type);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "data-where " + filter + ": '" + filter.value() + "' is not a number, and " + filter.column() + " is " + type.simpleString(), e);
      }
    }
    if (type instanceof BooleanType && (filter.value().equals("true") || filter.value().equals("false"))) {
      return lit(Boolean.parseBoolean(filter.value()));
    }
    throw new IllegalArgumentException(
        "data-where " + filter + ": cannot compare " + filter.column() + " of type " + type.simpleString()
            + " (data-where takes string, number and boolean columns)");
  }

  private static DataType columnType(StructType schema, String table, String column) {
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("cannot find column '" + column + "' in " + table + ": " + String.join(", ", schema.fieldNames()));
    }
    return schema.apply(column).dataType();
  }

  private static boolean isDateLike(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
  }

  private static String filterText(TracedNumber number) {
    return number.where().isEmpty() ? "" : " " + String.join(" and ", number.where().stream().map(TracedNumber.Filter::toString).toList());
  }
}

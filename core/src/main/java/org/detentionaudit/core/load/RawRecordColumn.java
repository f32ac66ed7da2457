package org.detentionaudit.core.load;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The {@code raw} text of a quarantined Parquet row: the mapped columns as {@code name=value}
 * pairs joined by {@code "; "}, each value spelt as {@link String#valueOf(Object)} spells the value
 * Spark hands to Java ({@code null} for null, {@link java.time.LocalDateTime#toString()} for a
 * wall-clock timestamp), as the text reader does for its cells.
 *
 * <p>Evaluate it only for quarantined rows (inside a {@code when}); it is a Java UDF.
 */
final class RawRecordColumn {
  private RawRecordColumn() {}

  /**
   * @param columnNames the source column names, in the order of {@code values}
   * @param values the mapped values as read (after casts to text), same length as the names
   */
  static Column of(List<String> columnNames, List<Column> values) {
    List<String> names = List.copyOf(columnNames);
    UDF1<Row, String> describe =
        row -> {
          StringBuilder raw = new StringBuilder();
          for (int i = 0; i < names.size(); i++) {
            if (raw.length() > 0) {
              raw.append("; ");
            }
            raw.append(names.get(i)).append('=').append(row.get(i));
          }
          return raw.toString();
        };
    Column record =
        values.isEmpty() ? functions.struct(functions.lit(0)) : functions.struct(values.toArray(new Column[0]));
    return functions.udf(describe, DataTypes.StringType).apply(record);
  }
}

package org.detentionaudit.core.check;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Builds small normalized placement tables (the canonical schema) for rule tests. */
final class Placements {
  static final StructType SCHEMA =
      new StructType()
          .add("source_file", DataTypes.StringType, false)
          .add("source_row", DataTypes.LongType, false)
          .add("input_order", DataTypes.LongType, false)
          .add("person_id", DataTypes.StringType)
          .add("stay_book_in", DataTypes.TimestampNTZType)
          .add("book_in", DataTypes.TimestampNTZType)
          .add("book_out", DataTypes.TimestampNTZType)
          .add("stay_book_out", DataTypes.TimestampNTZType)
          .add("facility_code", DataTypes.StringType)
          .add("facility_name", DataTypes.StringType)
          .add("release_reason", DataTypes.StringType)
          .add("stay_release_reason", DataTypes.StringType)
          .add("redacted_fields", DataTypes.createArrayType(DataTypes.StringType));

  private final List<Row> rows = new ArrayList<>();

  /** One placement; the source row is its position (1-based). Timestamps as "yyyy-MM-dd HH:mm". */
  Placements add(
      String person,
      String stayBookIn,
      String bookIn,
      String bookOut,
      String stayBookOut,
      String facility,
      String reason,
      String stayReason) {
    long row = rows.size() + 1;
    rows.add(
        RowFactory.create(
            "test.csv",
            row,
            row,
            person,
            ts(stayBookIn),
            ts(bookIn),
            ts(bookOut),
            ts(stayBookOut),
            facility,
            facility == null ? null : facility + " FACILITY",
            reason,
            stayReason,
            null));
    return this;
  }

  Dataset<Row> toDataset(SparkSession spark) {
    return spark.createDataFrame(rows, SCHEMA);
  }

  static LocalDateTime ts(String text) {
    return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
  }
}

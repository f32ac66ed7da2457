package org.detentionaudit.core.check;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.load.PlacementSchema;

/** Builds small normalized placement tables (the canonical schema) for rule tests. */
final class Placements {
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
    return addNamed(
        person,
        stayBookIn,
        bookIn,
        bookOut,
        stayBookOut,
        facility,
        facility == null ? null : facility + " FACILITY",
        reason,
        stayReason);
  }

  /** As {@link #add}, with the facility name given (the other method derives it from the code). */
  Placements addNamed(
      String person,
      String stayBookIn,
      String bookIn,
      String bookOut,
      String stayBookOut,
      String facility,
      String facilityName,
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
            facilityName,
            reason,
            stayReason,
            null));
    return this;
  }

  Dataset<Row> toDataset(SparkSession spark) {
    return spark.createDataFrame(rows, PlacementSchema.PLACEMENTS);
  }

  static LocalDateTime ts(String text) {
    return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
  }
}

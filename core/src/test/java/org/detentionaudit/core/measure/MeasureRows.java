package org.detentionaudit.core.measure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.core.load.PlacementSchema;
import org.detentionaudit.rules.CanonicalField;

/** Small canonical placement tables for the measure tests; timestamps as "yyyy-MM-dd HH:mm". */
final class MeasureRows {
  /** A layout with every canonical field. */
  static final Set<CanonicalField> ALL_FIELDS = EnumSet.allOf(CanonicalField.class);
  /** Plausible timestamps: from 1950 to the end of 2026-12-07, the fixed run date of these tests. */
  static final PlausibleTimestamps PLAUSIBLE = PlausibleTimestamps.until(LocalDate.of(2026, 12, 7));
  /** A layout with names but no facility codes. */
  static final Set<CanonicalField> WITHOUT_CODES =
      EnumSet.complementOf(EnumSet.of(CanonicalField.FACILITY_CODE));
  /**
   * The fields of an ICE initial book-in table ({@code ice-initial-book-ins}): a book-in and a
   * facility name, nothing else.
   */
  static final Set<CanonicalField> INITIAL_BOOK_INS =
      EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.FACILITY_NAME);

  static final StructType FINDINGS =
      new StructType()
          .add("rule_id", DataTypes.StringType)
          .add("source_file", DataTypes.StringType)
          .add("source_row", DataTypes.LongType)
          .add("facility_code", DataTypes.StringType)
          .add("facility_name", DataTypes.StringType);

  private final List<Row> rows = new ArrayList<>();

  MeasureRows add(
      String person,
      String stayBookIn,
      String bookIn,
      String bookOut,
      String stayBookOut,
      String code,
      String name,
      String reason) {
    long row = rows.size() + 1;
    rows.add(
        RowFactory.create(
            "test.csv", row, row, person, ts(stayBookIn), ts(bookIn), ts(bookOut), ts(stayBookOut),
            code, name, reason, null, null));
    return this;
  }

  Dataset<Row> toDataset(SparkSession spark) {
    return spark.createDataFrame(rows, PlacementSchema.PLACEMENTS);
  }

  static LocalDateTime ts(String text) {
    return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
  }
}

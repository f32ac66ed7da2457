package org.detentionaudit.core.load;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.rules.CanonicalField;

/**
 * The schemas {@link InputLoader} produces.
 *
 * <p>Placements: {@code source_file string not null, source_row long not null, input_order long
 * not null}, then every {@link CanonicalField} in declaration order ({@code string} for text, {@code
 * timestamp_ntz} for timestamps; null when absent, missing or redacted), then {@code
 * redacted_fields array<string>} (null when no field was redacted).
 *
 * <p>Quarantine: {@code source_file string, source_row long, raw string, reason string}.
 */
public final class PlacementSchema {
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_ROW = "source_row";
  /** Input file index × {@link #INPUT_ORDER_FILE_STRIDE} + source_row: a global record order. */
  public static final String INPUT_ORDER = "input_order";
  public static final String REDACTED_FIELDS = "redacted_fields";
  public static final String RAW = "raw";
  public static final String REASON = "reason";
  /** Multiplier of the file index in {@link #INPUT_ORDER}; files hold fewer rows than this. */
  public static final long INPUT_ORDER_FILE_STRIDE = 1_000_000_000_000L;

  public static final String INPUT_UNIT = "input_unit";
  public static final String QUARANTINED = "quarantined";
  /** Text inputs: the blank lines accounted with the row; null for workbooks and Parquet. */
  static final String BLANK_LINES = "blank_lines";
  /** Text inputs: the row's physical lines after its first; null for workbooks and Parquet. */
  static final String CONTINUATION_LINES = "continuation_lines";

  /** The placement table schema described above. */
  public static final StructType PLACEMENTS = placements();

  /** The quarantine table schema described above. */
  public static final StructType QUARANTINE =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(SOURCE_ROW, DataTypes.LongType, false),
            DataTypes.createStructField(RAW, DataTypes.StringType, true),
            DataTypes.createStructField(REASON, DataTypes.StringType, false)
          });

  /**
   * Placements, then the input unit, the quarantine flag, raw text and reason, then the line counts
   * of text inputs (so that the physical lines are accounted for without another pass).
   */
  static final StructType PARSE_OUTPUT =
      PLACEMENTS
          .add(DataTypes.createStructField(INPUT_UNIT, DataTypes.IntegerType, false))
          .add(DataTypes.createStructField(QUARANTINED, DataTypes.BooleanType, false))
          .add(DataTypes.createStructField(RAW, DataTypes.StringType, true))
          .add(DataTypes.createStructField(REASON, DataTypes.StringType, true))
          .add(DataTypes.createStructField(BLANK_LINES, DataTypes.IntegerType, true))
          .add(DataTypes.createStructField(CONTINUATION_LINES, DataTypes.IntegerType, true));

  private PlacementSchema() {}

  private static StructType placements() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(SOURCE_ROW, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(INPUT_ORDER, DataTypes.LongType, false));
    for (CanonicalField field : CanonicalField.values()) {
      fields.add(DataTypes.createStructField(field.columnName(), sparkType(field), true));
    }
    fields.add(
        DataTypes.createStructField(
            REDACTED_FIELDS, DataTypes.createArrayType(DataTypes.StringType, false), true));
    return DataTypes.createStructType(fields);
  }

  /** The Spark type of a canonical field in the placements. */
  public static DataType sparkType(CanonicalField field) {
    return field.type() == CanonicalField.Type.TIMESTAMP
        ? DataTypes.TimestampNTZType
        : DataTypes.StringType;
  }
}

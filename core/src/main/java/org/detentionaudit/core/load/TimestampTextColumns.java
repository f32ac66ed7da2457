package org.detentionaudit.core.load;

import java.time.LocalDateTime;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.detentionaudit.core.normalize.PlacementNormalizer;
import org.detentionaudit.core.normalize.TimestampParser;

/**
 * Parses date-time text columns with a layout's {@link TimestampParser}, inside Spark.
 *
 * <p>A Java UDF, so that text is read with exactly the layout's formats and strictness (Spark's own
 * {@code to_timestamp_ntz} has other rules); only text columns go through it, typed timestamp
 * columns never do.
 */
final class TimestampTextColumns {
  private final UserDefinedFunction parse;

  TimestampTextColumns(TimestampParser parser) {
    UDF1<String, LocalDateTime> read = text -> text == null ? null : parser.parse(text).orElse(null);
    this.parse = functions.udf(read, DataTypes.TimestampNTZType).withName("parse_layout_date");
  }

  /** The wall-clock {@code timestamp_ntz} that {@code trimmedText} spells, or null if none. */
  Column parse(Column trimmedText) {
    return parse.apply(trimmedText);
  }

  /**
   * The quarantine reason for {@code trimmedText} (not parseable) read from {@code columnName}, as
   * {@link PlacementNormalizer#unparseableDateReason(String, String)} words it.
   */
  static Column unparseableReason(String columnName, Column trimmedText) {
    UDF1<String, String> reason = text -> PlacementNormalizer.unparseableDateReason(columnName, text);
    return functions.udf(reason, DataTypes.StringType).apply(trimmedText);
  }
}

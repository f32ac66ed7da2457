package org.detentionaudit.sample.write;

/** How a layout column is typed in Parquet and formatted in text. */
public enum ColumnType {
  /** A date-time at minute precision: the layout's timestamp format in text, INT64 TIMESTAMP(MICROS, local) in Parquet. */
  TIMESTAMP,
  /** A date: the layout's date format in text, INT32 DATE in Parquet. */
  DATE,
  /** Text (dates among it use the layout's date format; redaction markers are text): UTF8 in Parquet. */
  TEXT
}

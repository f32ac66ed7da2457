package org.detentionaudit.core.compare;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One compared quantity, a row of {@code compare.parquet}.
 *
 * @param kind {@code window}, {@code schema}, {@code rule}, {@code column}, {@code records} or
 *     {@code facility}
 * @param measure what is compared: {@code extract_date}, {@code first_book_in}, {@code
 *     last_book_in} (window); {@code records} (a fiscal year's records, or a facility's in {@code
 *     facility} rows); {@code facility_records} (records per fiscal year and facility, including
 *     the records without a facility); {@code header} (schema); {@code failed_ratio}; {@code
 *     missing_share}, {@code redacted_share}; {@code names} (a facility's names)
 * @param ruleId the rule ({@code rule} rows), else null
 * @param column the column key: canonical field, or header when the layout does not use it
 *     ({@code column} and {@code schema} rows), else null
 * @param fiscalYear the fiscal year ({@code records} and {@code window} rows of a year), else null
 * @param facilityCode the facility code ({@code records} rows per facility, {@code facility} rows;
 *     the name where the layouts have no codes), else null
 * @param facilityName the facility's name or names ({@code a / b}) as the later release has them
 *     (else the earlier), else null
 * @param before the earlier release's value; null when it has none (or for a date)
 * @param after the later release's value; null when it has none
 * @param difference after − before, null without both (days for the extract date)
 * @param relativeChange difference / before, null without both or when before is 0
 * @param flagged whether the change exceeds its thresholds (or is a flagged event)
 * @param reason the change in words with the numbers, and the threshold when flagged
 */
public record ComparisonRow(
    String kind,
    String measure,
    String ruleId,
    String column,
    Integer fiscalYear,
    String facilityCode,
    String facilityName,
    Double before,
    Double after,
    Double difference,
    Double relativeChange,
    boolean flagged,
    String reason) {
  public static final String WINDOW = "window";
  public static final String SCHEMA_KIND = "schema";
  public static final String RULE = "rule";
  public static final String COLUMN = "column";
  public static final String RECORDS = "records";
  public static final String FACILITY = "facility";

  /** The schema of {@code compare.parquet}. */
  public static final StructType SCHEMA =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("measure", DataTypes.StringType, false)
          .add("rule_id", DataTypes.StringType, true)
          .add("column", DataTypes.StringType, true)
          .add("fiscal_year", DataTypes.IntegerType, true)
          .add("facility_code", DataTypes.StringType, true)
          .add("facility_name", DataTypes.StringType, true)
          .add("before", DataTypes.DoubleType, true)
          .add("after", DataTypes.DoubleType, true)
          .add("difference", DataTypes.DoubleType, true)
          .add("relative_change", DataTypes.DoubleType, true)
          .add("flagged", DataTypes.BooleanType, false)
          .add("reason", DataTypes.StringType, false);

  public Row toRow() {
    return RowFactory.create(
        kind, measure, ruleId, column, fiscalYear, facilityCode, facilityName, before, after, difference,
        relativeChange, flagged, reason);
  }

  /**
   * How much it changed, for ordering: the difference over the earlier value, the earlier value
   * taken as at least 1 record or 0.1 point of a share, so that a rise from 0 ranks by its size
   * (0 to 1 record: 1, as +100%); 0 for a row without both numbers.
   */
  public double size() {
    if (before == null || after == null) {
      return 0;
    }
    boolean share = List.of("failed_ratio", "missing_share", "redacted_share").contains(measure);
    double floor = share ? 0.001 : 1;
    return Math.abs(after - before) / Math.max(Math.abs(before), floor);
  }

  /** What it is about, in a few words: {@code rule placement.open}, {@code FY2019 at ABC}. */
  public String subject() {
    StringBuilder s = new StringBuilder();
    if (ruleId != null) {
      s.append(ruleId);
    }
    if (column != null) {
      s.append(column);
    }
    if (fiscalYear != null) {
      s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "FY%d", fiscalYear));
    }
    if (facilityCode != null || facilityName != null) {
      s.append(s.isEmpty() ? "" : " at ")
          .append(facilityCode == null ? "" : facilityCode)
          .append(facilityName == null ? "" : (facilityCode == null ? "" : " ") + "(" + facilityName + ")");
    }
    if (s.isEmpty()) {
      s.append(measure);
    }
    return s.toString();
  }
}

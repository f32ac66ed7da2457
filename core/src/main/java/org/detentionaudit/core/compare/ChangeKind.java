package org.detentionaudit.core.compare;

import java.util.Arrays;
import java.util.Optional;

/**
 * Each kind of change a comparison or a history judges, with its key in a thresholds file, the
 * direction of change it looks at and how its values read. The set is closed: a thresholds file
 * names these keys and no other.
 */
public enum ChangeKind {
  RULE_FAILED_RATIO("rule_failed_ratio", Direction.BOTH, Unit.SHARE, "a rule's failed ratio"),
  COLUMN_MISSING_SHARE("column_missing_share", Direction.BOTH, Unit.SHARE, "a column's share of missing cells"),
  COLUMN_REDACTED_SHARE("column_redacted_share", Direction.BOTH, Unit.SHARE, "a column's share of redacted cells"),
  RECORDS_CLOSED_YEAR_LOSS(
      "records_closed_year_loss", Direction.DECREASE, Unit.COUNT,
      "records lost from a fiscal year that had ended by the earlier extract date"),
  RECORDS_CLOSED_YEAR_GAIN(
      "records_closed_year_gain", Direction.INCREASE, Unit.COUNT,
      "records gained by a fiscal year that had ended by the earlier extract date"),
  RECORDS_OPEN_YEAR_LOSS(
      "records_open_year_loss", Direction.DECREASE, Unit.COUNT,
      "records lost from the fiscal year the earlier extract date falls in (it grows naturally)"),
  FACILITY_YEAR_LOSS(
      "facility_year_loss", Direction.DECREASE, Unit.COUNT,
      "records lost by a facility in a fiscal year that had ended by the earlier extract date"),
  FACILITY_YEAR_GAIN(
      "facility_year_gain", Direction.INCREASE, Unit.COUNT,
      "records gained by a facility in a fiscal year that had ended by the earlier extract date"),
  RECORDS_UNDATED("records_undated", Direction.BOTH, Unit.COUNT, "records without a plausible book-in"),
  FACILITY_NEW("facility_new", Direction.NONE, Unit.NONE, "a facility code seen only in the later release"),
  FACILITY_GONE(
      "facility_gone", Direction.NONE, Unit.NONE,
      "a facility code with records in the compared fiscal years, absent from the later release"),
  FACILITY_RENAMED("facility_renamed", Direction.NONE, Unit.NONE, "a facility code whose names changed"),
  SCHEMA_CHANGE("schema_change", Direction.NONE, Unit.NONE, "a column added, dropped or renamed"),
  EXTRACT_DATE_EARLIER(
      "extract_date_earlier", Direction.NONE, Unit.NONE, "the later release's extract date is earlier");

  /** Which way of change is judged. */
  public enum Direction {
    BOTH,
    DECREASE,
    INCREASE,
    /** Not a number: the change is flagged or not, by the setting's {@code flag} alone. */
    NONE
  }

  /** How values read: shares (0 to 1) as percentages, counts as whole numbers. */
  public enum Unit {
    SHARE,
    COUNT,
    NONE
  }

  private final String key;
  private final Direction direction;
  private final Unit unit;
  private final String description;

  ChangeKind(String key, Direction direction, Unit unit, String description) {
    this.key = key;
    this.direction = direction;
    this.unit = unit;
    this.description = description;
  }

  /** The key in a thresholds file. */
  public String key() {
    return key;
  }

  public Direction direction() {
    return direction;
  }

  public Unit unit() {
    return unit;
  }

  /** What it judges, in words. */
  public String description() {
    return description;
  }

  /** Whether it judges a number (else only its {@code flag} setting counts). */
  public boolean numeric() {
    return direction != Direction.NONE;
  }

  public static Optional<ChangeKind> fromKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}

package org.detentionaudit.core.sort;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns the sort pass derives for every placement from the person's other placements, read
 * by the per-person and per-stay rules ({@code RulePredicates}).
 *
 * <p>A person's placements are ordered by {@code book_in} (nulls last), then {@code book_out} (nulls
 * last), then input order. Person ids are compared trimmed (spaces) and upper-cased; a record
 * without a person id is a person of its own. Facility codes are compared the same way ({@code
 * upper(trim(facility_code))}). Rows without a {@code stay_book_in} share one stay.
 */
public final class PersonColumns {
  /** The partition key: the trimmed, upper-cased person id, or a unique key for rows without one. */
  public static final String PERSON_KEY = "_person_key";
  /** Latest end of the person's earlier placements; an open placement counts as never ending. */
  public static final String PREV_MAX_END = "_prev_max_end";
  /** True when an earlier record has the same (person, book_in, book_out, facility_code). */
  public static final String EARLIER_TWIN = "_earlier_twin";
  /** True when a later placement of the person belongs to the same stay. */
  public static final String LATER_IN_STAY = "_later_in_stay";
  /**
   * The folded facility code of the next placement of the same stay in the ordering; null when
   * there is none or its code is null.
   */
  public static final String NEXT_IN_STAY_CODE = "_next_in_stay_code";
  /** The book_in of the next placement of the same stay in the ordering; null when there is none. */
  public static final String NEXT_IN_STAY_BOOK_IN = "_next_in_stay_book_in";
  /** True when any record of the same stay has a stay_book_out ("the stay has a stay_book_out"). */
  public static final String STAY_HAS_BOOK_OUT = "_stay_has_book_out";
  /** The person's latest book_in over all placements. */
  public static final String PERSON_MAX_BOOK_IN = "_person_max_book_in";

  /** The end given to open placements when comparing ends: later than any real timestamp. */
  public static final String OPEN_END_SQL = "TIMESTAMP_NTZ '9999-12-31 23:59:59'";

  /** The derived columns, in the order the state machine appends them. */
  static final List<StructField> DERIVED =
      List.of(
          DataTypes.createStructField(PREV_MAX_END, DataTypes.TimestampNTZType, true),
          DataTypes.createStructField(EARLIER_TWIN, DataTypes.BooleanType, false),
          DataTypes.createStructField(LATER_IN_STAY, DataTypes.BooleanType, false),
          DataTypes.createStructField(NEXT_IN_STAY_CODE, DataTypes.StringType, true),
          DataTypes.createStructField(NEXT_IN_STAY_BOOK_IN, DataTypes.TimestampNTZType, true),
          DataTypes.createStructField(STAY_HAS_BOOK_OUT, DataTypes.BooleanType, false),
          DataTypes.createStructField(PERSON_MAX_BOOK_IN, DataTypes.TimestampNTZType, true));

  private PersonColumns() {}

  /** {@code input} with the derived columns appended. */
  static StructType withDerived(StructType input) {
    StructType out = input;
    for (StructField field : DERIVED) {
      out = out.add(field);
    }
    return out;
  }
}

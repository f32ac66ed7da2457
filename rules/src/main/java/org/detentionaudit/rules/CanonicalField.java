package org.detentionaudit.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The placement fields every layout is mapped onto (docs/rules.md, "Values before any rule sees them").
 *
 * <p>Column names in the normalized placement table are {@link #columnName()}. Timestamps are
 * local date-times without a zone (Spark {@code TIMESTAMP_NTZ}): ICE records wall-clock times.
 */
public enum CanonicalField {
  PERSON_ID("person_id", Type.TEXT),
  STAY_BOOK_IN("stay_book_in", Type.TIMESTAMP),
  BOOK_IN("book_in", Type.TIMESTAMP),
  BOOK_OUT("book_out", Type.TIMESTAMP),
  STAY_BOOK_OUT("stay_book_out", Type.TIMESTAMP),
  FACILITY_CODE("facility_code", Type.TEXT),
  FACILITY_NAME("facility_name", Type.TEXT),
  RELEASE_REASON("release_reason", Type.TEXT),
  STAY_RELEASE_REASON("stay_release_reason", Type.TEXT);

  /** How a canonical field is typed after normalization. */
  public enum Type {
    TEXT,
    TIMESTAMP
  }

  private final String columnName;
  private final Type type;

  CanonicalField(String columnName, Type type) {
    this.columnName = columnName;
    this.type = type;
  }

  /** The snake_case column name in the normalized placement table, e.g. {@code book_in}. */
  public String columnName() {
    return columnName;
  }

  public Type type() {
    return type;
  }

  /** Finds a field by its column name, ignoring case; empty when no field has that name. */
  public static Optional<CanonicalField> fromColumnName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.columnName.equals(wanted)).findFirst();
  }
}

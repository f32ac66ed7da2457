package org.detentionaudit.sample.oracle;

/**
 * The placement fields the core rules read (their canonical fields, docs/rules.md), as this oracle names them.
 * A written layout carries some of them; the rules that need one it lacks cannot be judged.
 */
public enum KeyField {
  PERSON_ID("person_id"),
  STAY_BOOK_IN("stay_book_in"),
  BOOK_IN("book_in"),
  BOOK_OUT("book_out"),
  STAY_BOOK_OUT("stay_book_out"),
  FACILITY_CODE("facility_code"),
  FACILITY_NAME("facility_name"),
  RELEASE_REASON("release_reason"),
  STAY_RELEASE_REASON("stay_release_reason");

  private final String fieldName;

  KeyField(String fieldName) {
    this.fieldName = fieldName;
  }

  /** The canonical field name, e.g. {@code book_in}. */
  public String fieldName() {
    return fieldName;
  }
}

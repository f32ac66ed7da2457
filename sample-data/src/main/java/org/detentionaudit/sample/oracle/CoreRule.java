package org.detentionaudit.sample.oracle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 15 core rules of SPEC.md, in the order of its table, with the rows each one judges
 * ({@code records_checked}) as this oracle defines them.
 */
public enum CoreRule {
  FACILITY_MISSING_CODE("facility.missing_code", "every row"),
  PLACEMENT_MISSING_BOOK_IN("placement.missing_book_in", "every row"),
  PLACEMENT_NEGATIVE_LENGTH(
      "placement.negative_length", "rows where book_in and book_out are both non-null"),
  PLACEMENT_ZERO_LENGTH(
      "placement.zero_length", "rows where book_in and book_out are both non-null"),
  PLACEMENT_OUTSIDE_STAY(
      "placement.outside_stay",
      "rows where book_in and stay_book_in are both non-null, or book_out and stay_book_out are both"
          + " non-null"),
  PLACEMENT_OPEN_IN_CLOSED_STAY("placement.open_in_closed_stay", "stay_book_out non-null"),
  PLACEMENT_BOOKED_OUT_WITHOUT_REASON("placement.booked_out_without_reason", "book_out non-null"),
  PLACEMENT_REASON_WITHOUT_BOOK_OUT("placement.reason_without_book_out", "release_reason non-null"),
  STAY_REASON_WITHOUT_BOOK_OUT("stay.reason_without_book_out", "stay_release_reason non-null"),
  PLACEMENT_UNKNOWN_RELEASE_REASON(
      "placement.unknown_release_reason", "rows where release_reason is non-null"),
  PERSON_MISSING_ID("person.missing_id", "every row"),
  PLACEMENT_DUPLICATE("placement.duplicate", "rows where person_id is non-null"),
  PERSON_OVERLAPPING_PLACEMENTS(
      "person.overlapping_placements", "rows where person_id and book_in are both non-null"),
  STAY_TRANSFERRED_WITHOUT_NEXT(
      "stay.transferred_without_next", "rows where person_id and book_in are both non-null"),
  STATUS_UNKNOWN("status.unknown", "rows where person_id and book_in are both non-null");

  private final String id;
  private final String recordsChecked;

  CoreRule(String id, String recordsChecked) {
    this.id = id;
    this.recordsChecked = recordsChecked;
  }

  /** The rule id as in SPEC.md, e.g. {@code placement.zero_length}. */
  public String id() {
    return id;
  }

  /** In words, which rows count in {@code records_checked}. */
  public String recordsCheckedDefinition() {
    return recordsChecked;
  }

  /** Finds a rule by its SPEC.md id (exact match); empty for null or an unknown id. */
  public static Optional<CoreRule> byId(String id) {
    return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
  }
}

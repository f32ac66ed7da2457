package org.detentionaudit.sample.oracle;

import static org.detentionaudit.sample.oracle.KeyField.BOOK_IN;
import static org.detentionaudit.sample.oracle.KeyField.BOOK_OUT;
import static org.detentionaudit.sample.oracle.KeyField.FACILITY_CODE;
import static org.detentionaudit.sample.oracle.KeyField.FACILITY_NAME;
import static org.detentionaudit.sample.oracle.KeyField.PERSON_ID;
import static org.detentionaudit.sample.oracle.KeyField.RELEASE_REASON;
import static org.detentionaudit.sample.oracle.KeyField.STAY_BOOK_IN;
import static org.detentionaudit.sample.oracle.KeyField.STAY_BOOK_OUT;
import static org.detentionaudit.sample.oracle.KeyField.STAY_RELEASE_REASON;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 15 core rules of docs/rules.md, in the order of its table, then the six rules of issue 4 (facility
 * reference and consistency, self-transfers, implausibly early stays, dates after the extract), then
 * {@code placement.implausible_date} and {@code placement.hold_room_over_72h}, with the rows each one judges
 * ({@code records_checked}) as this oracle defines them, and the fields each one reads: a layout
 * that lacks one of them makes the rule {@code NOT_APPLICABLE}.
 *
 * <p>The fields are those docs/rules.md's wording of the rule names, with one reading:
 * {@code status.unknown} is judged without the stay fields (a layout without stay book-outs simply
 * never triggers its "the stay has a stay_book_out" clause), as {@code person.overlapping_placements}
 * is judged without them.
 */
public enum CoreRule {
  FACILITY_MISSING_CODE("facility.missing_code", "every row", FACILITY_CODE),
  PLACEMENT_MISSING_BOOK_IN("placement.missing_book_in", "every row", BOOK_IN),
  PLACEMENT_NEGATIVE_LENGTH(
      "placement.negative_length",
      "rows where book_in and book_out are both non-null",
      BOOK_IN,
      BOOK_OUT),
  PLACEMENT_ZERO_LENGTH(
      "placement.zero_length", "rows where book_in and book_out are both non-null", BOOK_IN, BOOK_OUT),
  PLACEMENT_OUTSIDE_STAY(
      "placement.outside_stay",
      "rows where book_in and stay_book_in are both non-null, or book_out and stay_book_out are both"
          + " non-null",
      BOOK_IN,
      STAY_BOOK_IN,
      BOOK_OUT,
      STAY_BOOK_OUT),
  PLACEMENT_OPEN_IN_CLOSED_STAY(
      "placement.open_in_closed_stay", "stay_book_out non-null", BOOK_OUT, STAY_BOOK_OUT),
  PLACEMENT_BOOKED_OUT_WITHOUT_REASON(
      "placement.booked_out_without_reason", "book_out non-null", BOOK_OUT, RELEASE_REASON),
  PLACEMENT_REASON_WITHOUT_BOOK_OUT(
      "placement.reason_without_book_out", "release_reason non-null", RELEASE_REASON, BOOK_OUT),
  STAY_REASON_WITHOUT_BOOK_OUT(
      "stay.reason_without_book_out",
      "stay_release_reason non-null",
      STAY_RELEASE_REASON,
      STAY_BOOK_OUT),
  PLACEMENT_UNKNOWN_RELEASE_REASON(
      "placement.unknown_release_reason", "rows where release_reason is non-null", RELEASE_REASON),
  PERSON_MISSING_ID("person.missing_id", "every row", PERSON_ID),
  PLACEMENT_DUPLICATE(
      "placement.duplicate",
      "rows where person_id is non-null",
      PERSON_ID,
      BOOK_IN,
      BOOK_OUT,
      FACILITY_CODE),
  PERSON_OVERLAPPING_PLACEMENTS(
      "person.overlapping_placements",
      "rows where person_id and book_in are both non-null",
      PERSON_ID,
      BOOK_IN,
      BOOK_OUT),
  STAY_TRANSFERRED_WITHOUT_NEXT(
      "stay.transferred_without_next",
      "rows where person_id and book_in are both non-null",
      PERSON_ID,
      BOOK_IN,
      STAY_BOOK_IN,
      RELEASE_REASON),
  STATUS_UNKNOWN(
      "status.unknown",
      "rows where person_id and book_in are both non-null",
      PERSON_ID,
      BOOK_IN,
      BOOK_OUT,
      RELEASE_REASON),
  /**
   * Judges facility_code; on a layout with facility names but no codes, judges facility_name (its
   * normal form among the reference's names): needs one of the two.
   */
  FACILITY_UNKNOWN_CODE(
      "facility.unknown_code",
      "rows where facility_code is non-null (facility_name, where the layout has no codes)",
      Set.of(FACILITY_CODE, FACILITY_NAME)),
  FACILITY_CODE_SEVERAL_NAMES(
      "facility.code_several_names",
      "rows where facility_code and facility_name are both non-null",
      FACILITY_CODE,
      FACILITY_NAME),
  FACILITY_NAME_SEVERAL_CODES(
      "facility.name_several_codes",
      "rows where facility_code and facility_name are both non-null",
      FACILITY_CODE,
      FACILITY_NAME),
  PLACEMENT_SELF_TRANSFER(
      "placement.self_transfer",
      "rows where person_id, book_in and facility_code are non-null and release_reason is Transferred",
      PERSON_ID,
      BOOK_IN,
      STAY_BOOK_IN,
      FACILITY_CODE,
      RELEASE_REASON),
  /** Also needs the release window's start: without it, {@code NOT_APPLICABLE} (covers_from). */
  STAY_IMPLAUSIBLY_EARLY(
      "stay.implausibly_early", "rows where stay_book_in or book_in is non-null", BOOK_IN),
  PLACEMENT_AFTER_EXTRACT(
      "placement.after_extract",
      "rows where stay_book_in, book_in, book_out or stay_book_out is non-null",
      BOOK_IN),
  /** A date before 1950-01-01T00:00 or after the run date's end; reads the four date fields. */
  PLACEMENT_IMPLAUSIBLE_DATE(
      "placement.implausible_date",
      "rows where stay_book_in, book_in, book_out or stay_book_out is non-null",
      BOOK_IN),
  /** Needs book_in, book_out and a facility key (facility_code, or facility_name without codes). */
  PLACEMENT_HOLD_ROOM_OVER_72H(
      "placement.hold_room_over_72h",
      "rows where book_in and book_out are non-null and the facility has an over_under_72 mark",
      Set.of(FACILITY_CODE, FACILITY_NAME),
      BOOK_IN,
      BOOK_OUT);

  private final String id;
  private final String recordsChecked;
  private final Set<KeyField> requiredFields;
  private final Set<KeyField> oneOfFields;

  CoreRule(String id, String recordsChecked, KeyField first, KeyField... rest) {
    this.id = id;
    this.recordsChecked = recordsChecked;
    this.requiredFields = Set.copyOf(EnumSet.of(first, rest));
    this.oneOfFields = Set.of();
  }

  CoreRule(String id, String recordsChecked, Set<KeyField> oneOf, KeyField... required) {
    this.id = id;
    this.recordsChecked = recordsChecked;
    this.requiredFields =
        required.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(required[0], required));
    this.oneOfFields = Set.copyOf(oneOf);
  }

  /**
   * The fields a layout lacks for this rule, by field name, sorted: the required ones it lacks, and
   * every one-of field when it has none of them; empty when the rule can be judged.
   */
  public List<String> missingFields(Set<KeyField> layoutFields) {
    Set<String> missing = new TreeSet<>();
    requiredFields.stream()
        .filter(field -> !layoutFields.contains(field))
        .forEach(field -> missing.add(field.fieldName()));
    if (!oneOfFields.isEmpty() && oneOfFields.stream().noneMatch(layoutFields::contains)) {
      oneOfFields.forEach(field -> missing.add(field.fieldName()));
    }
    return List.copyOf(missing);
  }

  /** Fields of which a layout needs at least one (empty when no such condition). */
  public Set<KeyField> oneOfFields() {
    return oneOfFields;
  }

  /**
   * The fields the rule reads, every one needed; without any one of them it is {@code
   * NOT_APPLICABLE} (see also {@link #oneOfFields()}).
   */
  public Set<KeyField> requiredFields() {
    return requiredFields;
  }

  /** The rule id as in docs/rules.md, e.g. {@code placement.zero_length}. */
  public String id() {
    return id;
  }

  /** In words, which rows count in {@code records_checked}. */
  public String recordsCheckedDefinition() {
    return recordsChecked;
  }

  /** Finds a rule by its id (docs/rules.md) (exact match); empty for null or an unknown id. */
  public static Optional<CoreRule> byId(String id) {
    return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
  }
}

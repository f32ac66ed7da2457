package org.detentionaudit.rules;

import static org.detentionaudit.rules.CanonicalField.BOOK_IN;
import static org.detentionaudit.rules.CanonicalField.BOOK_OUT;
import static org.detentionaudit.rules.CanonicalField.FACILITY_CODE;
import static org.detentionaudit.rules.CanonicalField.FACILITY_NAME;
import static org.detentionaudit.rules.CanonicalField.PERSON_ID;
import static org.detentionaudit.rules.CanonicalField.RELEASE_REASON;
import static org.detentionaudit.rules.CanonicalField.STAY_BOOK_IN;
import static org.detentionaudit.rules.CanonicalField.STAY_BOOK_OUT;
import static org.detentionaudit.rules.CanonicalField.STAY_RELEASE_REASON;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The closed set of rule kinds. Each engine part dispatches on this enum with an exhaustive
 * {@code switch}, so a new kind does not compile until every part handles it.
 *
 * <p>The exact meaning of each kind is docs/rules.md's "Rule by rule" table; the Javadoc of the engine's
 * predicates repeats it. {@link #requiredFields()} lists the canonical fields without which the
 * rule is {@link RuleStatus#NOT_APPLICABLE}, {@link #oneOfFields()} those of which it needs at least
 * one ({@link #missingFields} combines both).
 */
public enum RuleKind {
  FACILITY_MISSING_CODE("facility.missing_code", RuleScope.RECORD, List.of(), FACILITY_CODE),
  PLACEMENT_MISSING_BOOK_IN("placement.missing_book_in", RuleScope.RECORD, List.of(), BOOK_IN),
  PLACEMENT_NEGATIVE_LENGTH(
      "placement.negative_length", RuleScope.RECORD, List.of(), BOOK_IN, BOOK_OUT),
  PLACEMENT_ZERO_LENGTH("placement.zero_length", RuleScope.RECORD, List.of(), BOOK_IN, BOOK_OUT),
  PLACEMENT_OUTSIDE_STAY(
      "placement.outside_stay",
      RuleScope.RECORD,
      List.of(),
      BOOK_IN,
      STAY_BOOK_IN,
      BOOK_OUT,
      STAY_BOOK_OUT),
  PLACEMENT_OPEN_IN_CLOSED_STAY(
      "placement.open_in_closed_stay", RuleScope.RECORD, List.of(), BOOK_OUT, STAY_BOOK_OUT),
  PLACEMENT_BOOKED_OUT_WITHOUT_REASON(
      "placement.booked_out_without_reason", RuleScope.RECORD, List.of(), BOOK_OUT, RELEASE_REASON),
  PLACEMENT_REASON_WITHOUT_BOOK_OUT(
      "placement.reason_without_book_out", RuleScope.RECORD, List.of(), RELEASE_REASON, BOOK_OUT),
  STAY_REASON_WITHOUT_BOOK_OUT(
      "stay.reason_without_book_out",
      RuleScope.RECORD,
      List.of(),
      STAY_RELEASE_REASON,
      STAY_BOOK_OUT),
  PLACEMENT_UNKNOWN_RELEASE_REASON(
      "placement.unknown_release_reason",
      RuleScope.RECORD,
      List.of(ParameterSpec.stringList(Parameters.KNOWN_REASONS)),
      RELEASE_REASON),
  PERSON_MISSING_ID("person.missing_id", RuleScope.RECORD, List.of(), PERSON_ID),
  PLACEMENT_DUPLICATE(
      "placement.duplicate", RuleScope.PERSON, List.of(), PERSON_ID, BOOK_IN, BOOK_OUT, FACILITY_CODE),
  PERSON_OVERLAPPING_PLACEMENTS(
      "person.overlapping_placements", RuleScope.PERSON, List.of(), PERSON_ID, BOOK_IN, BOOK_OUT),
  STAY_TRANSFERRED_WITHOUT_NEXT(
      "stay.transferred_without_next",
      RuleScope.PERSON,
      List.of(ParameterSpec.text(Parameters.TRANSFER_REASON)),
      PERSON_ID,
      BOOK_IN,
      STAY_BOOK_IN,
      RELEASE_REASON),
  STATUS_UNKNOWN(
      "status.unknown",
      RuleScope.PERSON,
      List.of(ParameterSpec.positiveInteger(Parameters.MAX_OPEN_DAYS)),
      PERSON_ID,
      BOOK_IN,
      BOOK_OUT,
      RELEASE_REASON),
  /**
   * Judges facility_code where the layout has it; where the layout has facility_name but no
   * facility_code, judges the name (matched in the reference by its normal form).
   */
  FACILITY_UNKNOWN_CODE(
      "facility.unknown_code",
      RuleScope.RECORD,
      List.of(),
      Set.of(FACILITY_CODE, FACILITY_NAME)),
  FACILITY_CODE_SEVERAL_NAMES(
      "facility.code_several_names", RuleScope.RECORD, List.of(), FACILITY_CODE, FACILITY_NAME),
  FACILITY_NAME_SEVERAL_CODES(
      "facility.name_several_codes", RuleScope.RECORD, List.of(), FACILITY_CODE, FACILITY_NAME),
  PLACEMENT_SELF_TRANSFER(
      "placement.self_transfer",
      RuleScope.PERSON,
      List.of(ParameterSpec.text(Parameters.TRANSFER_REASON)),
      PERSON_ID,
      BOOK_IN,
      STAY_BOOK_IN,
      FACILITY_CODE,
      RELEASE_REASON),
  /**
   * Also needs the release window's start ({@code covers_from} of the input's layout); without it
   * the rule is NOT_APPLICABLE. {@code stay_book_in} is used where present, else {@code book_in}.
   */
  STAY_IMPLAUSIBLY_EARLY(
      "stay.implausibly_early",
      RuleScope.RECORD,
      List.of(ParameterSpec.positiveInteger(Parameters.YEARS_BEFORE_WINDOW)),
      BOOK_IN),
  /** Reads book_in and whichever of book_out, stay_book_in, stay_book_out the layout has. */
  PLACEMENT_AFTER_EXTRACT("placement.after_extract", RuleScope.RECORD, List.of(), BOOK_IN),
  /**
   * A timestamp outside the plausible range: before 1950-01-01T00:00, or after the end of the run's
   * day. Reads book_in and whichever of book_out, stay_book_in, stay_book_out the layout has.
   */
  PLACEMENT_IMPLAUSIBLE_DATE("placement.implausible_date", RuleScope.RECORD, List.of(), BOOK_IN),
  /**
   * A placement longer than 72 hours at a facility the reference marks {@code Under 72}. Needs
   * book_in, book_out and a facility key: facility_code, or facility_name where the layout has no
   * codes.
   */
  PLACEMENT_HOLD_ROOM_OVER_72H(
      "placement.hold_room_over_72h",
      RuleScope.RECORD,
      List.of(),
      Set.of(FACILITY_CODE, FACILITY_NAME),
      BOOK_IN,
      BOOK_OUT);

  /** Names of the typed parameters the kinds take. */
  public static final class Parameters {
    /** {@code placement.unknown_release_reason}: the release-reason vocabulary. */
    public static final String KNOWN_REASONS = "known_reasons";
    /**
     * {@code stay.transferred_without_next} and {@code placement.self_transfer}: the release reason
     * that means a transfer.
     */
    public static final String TRANSFER_REASON = "transfer_reason";
    /** {@code status.unknown}: days after which an open placement's status is unknown. */
    public static final String MAX_OPEN_DAYS = "max_open_days";
    /**
     * {@code stay.implausibly_early}: how many years before the release window's start a stay may
     * begin before it is implausible.
     */
    public static final String YEARS_BEFORE_WINDOW = "years_before_window";

    private Parameters() {}
  }

  private final String id;
  private final RuleScope scope;
  private final List<ParameterSpec> parameters;
  private final Set<CanonicalField> requiredFields;
  private final Set<CanonicalField> oneOfFields;

  RuleKind(String id, RuleScope scope, List<ParameterSpec> parameters, CanonicalField... required) {
    this(id, scope, parameters, Set.of(), required);
  }

  RuleKind(
      String id,
      RuleScope scope,
      List<ParameterSpec> parameters,
      Set<CanonicalField> oneOf,
      CanonicalField... required) {
    this.id = id;
    this.scope = scope;
    this.parameters = List.copyOf(parameters);
    this.requiredFields = required.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(required[0], required));
    this.oneOfFields = Set.copyOf(oneOf);
  }

  /** The stable rule id written to every output, e.g. {@code placement.negative_length}. */
  public String id() {
    return id;
  }

  public RuleScope scope() {
    return scope;
  }

  /** The parameters this kind takes; every one must be given in the catalog. */
  public List<ParameterSpec> parameters() {
    return parameters;
  }

  /** Fields the layout must provide, every one of them, for the rule to be judged. */
  public Set<CanonicalField> requiredFields() {
    return requiredFields;
  }

  /**
   * Fields of which the layout must provide at least one (empty: no such condition): the facility
   * rules that judge facility_code, or facility_name where the layout has no codes.
   */
  public Set<CanonicalField> oneOfFields() {
    return oneOfFields;
  }

  /**
   * The fields whose absence makes the rule NOT_APPLICABLE on a layout with {@code available}, in
   * {@link CanonicalField} order: the required fields it lacks, and every one-of field when it has
   * none of them; empty when the rule can be judged.
   */
  public List<CanonicalField> missingFields(Set<CanonicalField> available) {
    EnumSet<CanonicalField> missing = EnumSet.noneOf(CanonicalField.class);
    requiredFields.stream().filter(f -> !available.contains(f)).forEach(missing::add);
    if (!oneOfFields.isEmpty() && oneOfFields.stream().noneMatch(available::contains)) {
      missing.addAll(oneOfFields);
    }
    return List.copyOf(missing);
  }

  /** Finds a kind by rule id (exact, case-sensitive as ids are written). */
  public static Optional<RuleKind> fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}

package org.detentionaudit.core.check;

import static org.detentionaudit.core.sort.PersonColumns.EARLIER_TWIN;
import static org.detentionaudit.core.sort.PersonColumns.LATER_IN_STAY;
import static org.detentionaudit.core.sort.PersonColumns.NEXT_IN_STAY_BOOK_IN;
import static org.detentionaudit.core.sort.PersonColumns.NEXT_IN_STAY_CODE;
import static org.detentionaudit.core.sort.PersonColumns.PERSON_MAX_BOOK_IN;
import static org.detentionaudit.core.sort.PersonColumns.PREV_MAX_END;
import static org.detentionaudit.core.sort.PersonColumns.STAY_HAS_BOOK_OUT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.detentionaudit.core.reference.FacilityEntry.HoldLimit;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.sort.PersonColumns;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.rules.RuleKind;

/**
 * The one place where each rule kind's exact meaning (docs/rules.md) becomes SQL. The {@code switch} is
 * exhaustive over {@link RuleKind}: a new kind does not compile until it is given a meaning here.
 *
 * <p>Text comparisons trim and ignore case. Nulls never make a record fail by accident: every
 * comparison with a null is false, and {@link RulePredicate#failedWhereCheckedSql()} turns NULL into
 * false.
 */
public final class RulePredicates {
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final String ALL = "true";

  private RulePredicates() {}

  /**
   * The SQL meaning of a rule, with the bundled facility reference, no release window and no
   * facility-name conflicts.
   */
  public static RulePredicate of(Rule rule, Optional<LocalDateTime> extractDate) {
    return of(rule, RuleContext.of(extractDate), FacilityNameConflicts.none());
  }

  /**
   * The SQL meaning of a rule.
   *
   * @param rule the rule with its parameters
   * @param context the run's facts: when the extract date is empty, {@code status.unknown}'s "more
   *     than N days before the extract date" trigger and {@code placement.after_extract} cannot fire
   *     (the other triggers still do); {@code stay.implausibly_early} needs the window start (a
   *     caller must treat it as NOT_APPLICABLE without one; here it then never fails)
   * @param conflicts the facility codes and names the dataset holds under several names or codes
   */
  public static RulePredicate of(Rule rule, RuleContext context, FacilityNameConflicts conflicts) {
    return of(rule, context, conflicts, FacilityNameLookup.byCode());
  }

  /**
   * The SQL meaning of a rule, keying facilities by code or, where the layout has names but no
   * codes, by name ({@code names}: {@code facility.unknown_code} and {@code
   * placement.hold_room_over_72h}).
   */
  public static RulePredicate of(
      Rule rule, RuleContext context, FacilityNameConflicts conflicts, FacilityNameLookup names) {
    Optional<LocalDateTime> extractDate = context.extractDate();
    return switch (rule.kind()) {
      case FACILITY_MISSING_CODE ->
          new RulePredicate(ALL, "facility_code IS NULL", missingDetail("facility_code"));
      case PLACEMENT_MISSING_BOOK_IN ->
          new RulePredicate(ALL, "book_in IS NULL", missingDetail("book_in"));
      case PLACEMENT_NEGATIVE_LENGTH ->
          new RulePredicate(
              "book_in IS NOT NULL AND book_out IS NOT NULL",
              "book_out < book_in",
              "concat('book_out ', " + ts("book_out") + ", ' is before book_in ', " + ts("book_in") + ")");
      case PLACEMENT_ZERO_LENGTH ->
          new RulePredicate(
              "book_in IS NOT NULL AND book_out IS NOT NULL",
              "book_out = book_in",
              "concat('book_out equals book_in ', " + ts("book_in") + ")");
      case PLACEMENT_OUTSIDE_STAY ->
          new RulePredicate(
              "(book_in IS NOT NULL AND stay_book_in IS NOT NULL)"
                  + " OR (book_out IS NOT NULL AND stay_book_out IS NOT NULL)",
              "coalesce(book_in < stay_book_in, false) OR coalesce(book_out > stay_book_out, false)",
              "concat_ws('; ',"
                  + " CASE WHEN book_in < stay_book_in THEN concat('book_in ', "
                  + ts("book_in")
                  + ", ' is before stay_book_in ', "
                  + ts("stay_book_in")
                  + ") END,"
                  + " CASE WHEN book_out > stay_book_out THEN concat('book_out ', "
                  + ts("book_out")
                  + ", ' is after stay_book_out ', "
                  + ts("stay_book_out")
                  + ") END)");
      case PLACEMENT_OPEN_IN_CLOSED_STAY ->
          new RulePredicate(
              "stay_book_out IS NOT NULL",
              "book_out IS NULL",
              "concat('no book_out, but the stay ended ', " + ts("stay_book_out") + ")");
      case PLACEMENT_BOOKED_OUT_WITHOUT_REASON ->
          new RulePredicate(
              "book_out IS NOT NULL",
              "release_reason IS NULL",
              "concat('booked out ', " + ts("book_out") + ", ' with no release_reason')");
      case PLACEMENT_REASON_WITHOUT_BOOK_OUT ->
          new RulePredicate(
              "release_reason IS NOT NULL",
              "book_out IS NULL",
              "concat('release_reason ''', release_reason, ''' but no book_out')");
      case STAY_REASON_WITHOUT_BOOK_OUT ->
          new RulePredicate(
              "stay_release_reason IS NOT NULL",
              "stay_book_out IS NULL",
              "concat('stay_release_reason ''', stay_release_reason, ''' but no stay_book_out')");
      case PLACEMENT_UNKNOWN_RELEASE_REASON ->
          new RulePredicate(
              "release_reason IS NOT NULL",
              "lower(trim(release_reason)) NOT IN ("
                  + rule.stringListParameter(RuleKind.Parameters.KNOWN_REASONS).stream()
                      .map(r -> sqlString(r.trim().toLowerCase(Locale.ROOT)))
                      .distinct()
                      .collect(Collectors.joining(", "))
                  + ")",
              "concat('release_reason ''', release_reason, ''' is not in the known vocabulary')");
      case PERSON_MISSING_ID -> new RulePredicate(ALL, "person_id IS NULL", missingDetail("person_id"));
      case PLACEMENT_DUPLICATE ->
          new RulePredicate(
              "person_id IS NOT NULL",
              EARLIER_TWIN,
              "'an earlier record has the same person_id, book_in, book_out and facility_code'");
      case PERSON_OVERLAPPING_PLACEMENTS ->
          new RulePredicate(
              "person_id IS NOT NULL AND book_in IS NOT NULL",
              "book_in < " + PREV_MAX_END,
              "concat('book_in ', "
                  + ts("book_in")
                  + ", ' is before the end of an earlier placement (', "
                  + "CASE WHEN "
                  + PREV_MAX_END
                  + " = "
                  + PersonColumns.OPEN_END_SQL
                  + " THEN 'still open' ELSE "
                  + ts(PREV_MAX_END)
                  + " END, ')')");
      case STAY_TRANSFERRED_WITHOUT_NEXT ->
          new RulePredicate(
              "person_id IS NOT NULL AND book_in IS NOT NULL",
              "lower(trim(release_reason)) = "
                  + sqlString(
                      rule.textParameter(RuleKind.Parameters.TRANSFER_REASON)
                          .trim()
                          .toLowerCase(Locale.ROOT))
                  + " AND NOT "
                  + LATER_IN_STAY,
              "concat('transferred ', coalesce(" + ts("book_out") + ", '(no book_out)'),"
                  + " ' but no later placement in the stay')");
      case STATUS_UNKNOWN -> statusUnknown(rule, extractDate);
      case FACILITY_UNKNOWN_CODE ->
          names.byName()
              ? new RulePredicate(
                  "facility_name IS NOT NULL",
                  "NOT " + isIn(FacilityNameConflicts.NAME_KEY_SQL, names.namesInReference()),
                  "concat('facility_name ', facility_name, ' matches no name in the facility"
                      + " reference (this layout has no facility codes)')")
              : new RulePredicate(
                  "facility_code IS NOT NULL",
                  "NOT " + isIn(FacilityNameConflicts.CODE_KEY_SQL, context.facilities().codeKeys()),
                  "concat('facility_code ''', facility_code, ''' is not in the facility reference')");
      case FACILITY_CODE_SEVERAL_NAMES ->
          new RulePredicate(
              "facility_code IS NOT NULL AND facility_name IS NOT NULL",
              isIn(FacilityNameConflicts.CODE_KEY_SQL, conflicts.codesWithSeveralNames()),
              "concat('facility_code ''', facility_code, ''' appears under more than one"
                  + " facility_name in this dataset')");
      case FACILITY_NAME_SEVERAL_CODES ->
          new RulePredicate(
              "facility_code IS NOT NULL AND facility_name IS NOT NULL",
              isIn(FacilityNameConflicts.NAME_KEY_SQL, conflicts.namesWithSeveralCodes()),
              "concat('facility_name ''', facility_name, ''' appears under more than one"
                  + " facility_code in this dataset')");
      case PLACEMENT_SELF_TRANSFER ->
          new RulePredicate(
              "person_id IS NOT NULL AND book_in IS NOT NULL AND facility_code IS NOT NULL"
                  + " AND lower(trim(release_reason)) = "
                  + sqlString(
                      rule.textParameter(RuleKind.Parameters.TRANSFER_REASON)
                          .trim()
                          .toLowerCase(Locale.ROOT)),
              NEXT_IN_STAY_CODE + " = " + FacilityNameConflicts.CODE_KEY_SQL,
              "concat('transferred from ', facility_code, ' to the same facility (next placement"
                  + " of the stay booked in ', coalesce("
                  + ts(NEXT_IN_STAY_BOOK_IN)
                  + ", '(no book_in)'), ')')");
      case STAY_IMPLAUSIBLY_EARLY -> implausiblyEarly(rule, context.windowStart());
      case PLACEMENT_AFTER_EXTRACT -> afterExtract(extractDate);
      case PLACEMENT_IMPLAUSIBLE_DATE -> implausibleDate(context.plausible());
      case PLACEMENT_HOLD_ROOM_OVER_72H -> holdRoomOver72h(context.facilities(), names);
    };
  }

  /** Hours a placement may last at a facility marked {@code Under 72}. */
  static final int HOLD_LIMIT_HOURS = 72;

  private static RulePredicate holdRoomOver72h(FacilityReference reference, FacilityNameLookup names) {
    Set<HoldLimit> marked = EnumSet.of(HoldLimit.UNDER_72, HoldLimit.OVER_72);
    String key;
    Set<String> markedKeys;
    Set<String> underKeys;
    String facility;
    if (names.byName()) {
      key = FacilityNameConflicts.NAME_KEY_SQL;
      markedKeys = names.namesWith(reference, marked);
      underKeys = names.namesWith(reference, EnumSet.of(HoldLimit.UNDER_72));
      Map<String, String> codes = names.codesOf(underKeys);
      String map =
          codes.isEmpty()
              ? "CAST(NULL AS STRING)"
              : "try_element_at(map("
                  + codes.entrySet().stream()
                      .map(e -> sqlString(e.getKey()) + ", " + sqlString(e.getValue()))
                      .collect(Collectors.joining(", "))
                  + "), "
                  + key
                  + ")";
      facility = "concat(facility_name, ' (reference code ', coalesce(" + map + ", '?'), ')')";
    } else {
      key = FacilityNameConflicts.CODE_KEY_SQL;
      markedKeys = new TreeSet<>(reference.codeKeys(HoldLimit.UNDER_72));
      markedKeys.addAll(reference.codeKeys(HoldLimit.OVER_72));
      underKeys = reference.codeKeys(HoldLimit.UNDER_72);
      facility = "concat(facility_code, coalesce(concat(' (', facility_name, ')'), ''))";
    }
    return new RulePredicate(
        "book_in IS NOT NULL AND book_out IS NOT NULL AND " + isIn(key, markedKeys),
        isIn(key, underKeys) + " AND book_out > book_in + INTERVAL " + HOLD_LIMIT_HOURS + " HOURS",
        "concat('held ', format_number(timestampdiff(MINUTE, book_in, book_out) / 60.0, 1),"
            + " ' hours (', "
            + ts("book_in")
            + ", ' to ', "
            + ts("book_out")
            + ", ') at ', "
            + facility
            + ", ', which the facility reference marks Under 72 hours')");
  }

  private static RulePredicate implausiblyEarly(Rule rule, Optional<LocalDate> windowStart) {
    int years = rule.intParameter(RuleKind.Parameters.YEARS_BEFORE_WINDOW);
    String stayBegins = "coalesce(stay_book_in, book_in)";
    String tooEarly =
        windowStart
            .map(start -> stayBegins + " < " + timestampLiteral(start.minusYears(years).atStartOfDay()))
            .orElse("false");
    String window = windowStart.map(LocalDate::toString).orElse("unknown");
    return new RulePredicate(
        stayBegins + " IS NOT NULL",
        tooEarly,
        "concat('the stay begins ', "
            + ts(stayBegins)
            + ", ', more than "
            + years
            + " years before the release window starts on "
            + window
            + "')");
  }

  private static RulePredicate afterExtract(Optional<LocalDateTime> extractDate) {
    List<String> columns = List.of("stay_book_in", "book_in", "book_out", "stay_book_out");
    String checked =
        columns.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" OR "));
    if (extractDate.isEmpty()) {
      return new RulePredicate(checked, "false", "'no extract date'");
    }
    String extract = timestampLiteral(extractDate.get());
    String failed = columns.stream().map(c -> c + " > " + extract).collect(Collectors.joining(" OR "));
    String which =
        columns.stream()
            .map(c -> "CASE WHEN " + c + " > " + extract + " THEN concat('" + c + " ', " + ts(c) + ") END")
            .collect(Collectors.joining(", "));
    return new RulePredicate(
        checked,
        failed,
        "concat(concat_ws('; ', "
            + which
            + "), ' after the extract date "
            + SQL_TIMESTAMP.format(extractDate.get())
            + "')");
  }

  /**
   * A timestamp outside {@code plausible}'s range: before 1950-01-01T00:00, or after the run date's
   * last moment. The detail names each such column and its value.
   */
  private static RulePredicate implausibleDate(PlausibleTimestamps plausible) {
    List<String> columns = List.of("stay_book_in", "book_in", "book_out", "stay_book_out");
    String checked =
        columns.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" OR "));
    String failed =
        columns.stream().map(plausible::implausibleSql).collect(Collectors.joining(" OR "));
    String which =
        columns.stream()
            .map(
                c ->
                    "CASE WHEN "
                        + plausible.tooEarlySql(c)
                        + " THEN concat('"
                        + c
                        + " ', "
                        + ts(c)
                        + ", ' is before "
                        + PlausibleTimestamps.EARLIEST.toLocalDate()
                        + "') WHEN "
                        + plausible.tooLateSql(c)
                        + " THEN concat('"
                        + c
                        + " ', "
                        + ts(c)
                        + ", ' is after the run date "
                        + plausible.runDate()
                        + "') END")
            .collect(Collectors.joining(", "));
    return new RulePredicate(checked, failed, "concat_ws('; ', " + which + ")");
  }

  /** {@code sql IN (values...)}, or {@code false} for no values; values are already folded. */
  private static String isIn(String sql, Collection<String> values) {
    if (values.isEmpty()) {
      return "false";
    }
    return sql
        + " IN ("
        + values.stream().sorted().map(RulePredicates::sqlString).collect(Collectors.joining(", "))
        + ")";
  }

  private static RulePredicate statusUnknown(Rule rule, Optional<LocalDateTime> extractDate) {
    int days = rule.intParameter(RuleKind.Parameters.MAX_OPEN_DAYS);
    String tooOld =
        extractDate
            .map(d -> "book_in < " + timestampLiteral(d.minusDays(days)))
            .orElse("false");
    return new RulePredicate(
        "person_id IS NOT NULL AND book_in IS NOT NULL",
        "book_out IS NULL AND release_reason IS NULL AND ("
            + STAY_HAS_BOOK_OUT
            + " OR "
            + PERSON_MAX_BOOK_IN
            + " > book_in OR "
            + tooOld
            + ")",
        "concat('open with no release_reason, but ', concat_ws(' and ',"
            + " CASE WHEN "
            + STAY_HAS_BOOK_OUT
            + " THEN 'the stay ended' END,"
            + " CASE WHEN "
            + PERSON_MAX_BOOK_IN
            + " > book_in THEN 'the person was booked in again later' END,"
            + " CASE WHEN "
            + tooOld
            + " THEN 'it opened more than "
            + days
            + " days before the extract date' END))");
  }

  /** A Spark SQL TIMESTAMP_NTZ literal. */
  static String timestampLiteral(LocalDateTime value) {
    return "TIMESTAMP_NTZ '" + SQL_TIMESTAMP.format(value) + "'";
  }

  private static String missingDetail(String column) {
    return "CASE WHEN array_contains(redacted_fields, '"
        + column
        + "') THEN '"
        + column
        + " is redacted' ELSE '"
        + column
        + " is blank' END";
  }

  private static String ts(String column) {
    return "date_format(" + column + ", 'yyyy-MM-dd HH:mm:ss')";
  }

  private static String sqlString(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}

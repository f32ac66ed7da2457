package org.detentionaudit.sample.oracle;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.detentionaudit.sample.model.ReleaseReasons;

/**
 * Evaluates the 15 core rules (docs/rules.md) and the six rules of issue 4 exactly as worded in the rule
 * catalog, in plain Java, and counts for each rule
 * the records it judged and the records that failed.
 *
 * <p>Input arrives in batches ({@link #accept(List)}): the list order is the input order, and every
 * row of a person must arrive in the same batch (rows without a person id may arrive anywhere).
 * Memory is bounded by the largest batch, so a caller that feeds one person at a time streams.
 *
 * <p>Semantics, shared with docs/rules.md:
 *
 * <ul>
 *   <li>Text is compared trimmed and ignoring case; values were normalized by {@link
 *       NormalizedPlacement} (blank, {@code NA} and redaction markers are null).
 *   <li>A person's placements are ordered by book_in (nulls last), then book_out (nulls last), then
 *       input order.
 *   <li>A stay is (person_id, stay_book_in); a null stay_book_in is one group value of its own.
 *   <li>An open placement (null book_out) never ends for {@code person.overlapping_placements}.
 *   <li>{@code status.unknown}'s "more than 365 days before the extract date" means {@code book_in <
 *       extractDate - 365 days} (exactly 365 days passes); "the stay has a stay_book_out" means any
 *       row of the stay has a non-null stay_book_out; "a placement with a later book_in" means a row
 *       of the same person with a strictly later book_in.
 * </ul>
 *
 * <p>Not thread-safe.
 */
public final class ReferenceRuleEvaluator {

  private static final Comparator<Indexed> PLACEMENT_ORDER =
      Comparator.comparing(
              (Indexed row) -> row.placement().bookIn(),
              Comparator.nullsLast(Comparator.<LocalDateTime>naturalOrder()))
          .thenComparing(
              row -> row.placement().bookOut(),
              Comparator.nullsLast(Comparator.<LocalDateTime>naturalOrder()))
          .thenComparingInt(Indexed::inputIndex);

  /** {@code stay.implausibly_early}'s default {@code years_before_window}. */
  public static final int YEARS_BEFORE_WINDOW = 10;

  private final LocalDateTime extractDate;
  private final LocalDateTime statusUnknownCutoff;
  private final Set<String> knownFacilityKeys;
  private final LocalDateTime implausiblyEarlyCutoff;
  private final long[] checked = new long[CoreRule.values().length];
  private final long[] failed = new long[CoreRule.values().length];
  /** Rows with both a facility code and a name, per (folded code, folded name). */
  private final Map<FacilityPair, Long> facilityPairs = new HashMap<>();

  /**
   * An oracle that knows no facility code (every code is unknown) and no release window ({@code
   * stay.implausibly_early} judges nothing).
   *
   * @param extractDate the moment the data were pulled; placements booked in before {@code
   *     extractDate - 365 days} and still open are of unknown status
   */
  public ReferenceRuleEvaluator(LocalDateTime extractDate) {
    this(extractDate, Set.of(), Optional.empty());
  }

  /**
   * @param extractDate the moment the data were pulled; placements booked in before {@code
   *     extractDate - 365 days} and still open are of unknown status
   * @param knownFacilityCodes the facility reference's codes (compared trimmed, ignoring case)
   * @param windowStart the first day of the release window, or empty when unknown
   */
  public ReferenceRuleEvaluator(
      LocalDateTime extractDate, Set<String> knownFacilityCodes, Optional<LocalDate> windowStart) {
    this.extractDate = Objects.requireNonNull(extractDate, "extractDate");
    this.statusUnknownCutoff = extractDate.minusDays(365);
    Set<String> keys = new HashSet<>();
    for (String code : knownFacilityCodes) {
      keys.add(code.trim().toLowerCase(Locale.ROOT));
    }
    this.knownFacilityKeys = Set.copyOf(keys);
    this.implausiblyEarlyCutoff =
        windowStart.map(start -> start.minusYears(YEARS_BEFORE_WINDOW).atStartOfDay()).orElse(null);
  }

  /**
   * Evaluates one batch of rows, in input order. The batch must hold every row of each person id it
   * contains; an empty batch changes nothing.
   */
  public void accept(List<NormalizedPlacement> batch) {
    Map<String, List<Indexed>> rowsByPerson = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      NormalizedPlacement placement = batch.get(i);
      evaluateColumnRules(placement);
      String personKey = placement.personKey();
      if (personKey != null) {
        rowsByPerson.computeIfAbsent(personKey, key -> new ArrayList<>()).add(new Indexed(placement, i));
      }
    }
    for (List<Indexed> personRows : rowsByPerson.values()) {
      evaluatePersonRules(personRows);
    }
  }

  /** The counts so far, for every rule in {@link CoreRule} order (zero counts included). */
  public Map<CoreRule, RuleCount> counts() {
    Map<CoreRule, RuleCount> result = new EnumMap<>(CoreRule.class);
    for (CoreRule rule : CoreRule.values()) {
      result.put(rule, new RuleCount(checked[rule.ordinal()], failed[rule.ordinal()]));
    }
    result.put(CoreRule.FACILITY_CODE_SEVERAL_NAMES, facilityConsistency(true));
    result.put(CoreRule.FACILITY_NAME_SEVERAL_CODES, facilityConsistency(false));
    return result;
  }

  /** Counts of the code-under-several-names (or name-under-several-codes) rule over all pairs. */
  private RuleCount facilityConsistency(boolean byCode) {
    Map<String, Set<String>> partners = new HashMap<>();
    long rows = 0;
    for (FacilityPair pair : facilityPairs.keySet()) {
      partners
          .computeIfAbsent(byCode ? pair.code() : pair.name(), k -> new HashSet<>())
          .add(byCode ? pair.name() : pair.code());
    }
    long failing = 0;
    for (Map.Entry<FacilityPair, Long> entry : facilityPairs.entrySet()) {
      rows += entry.getValue();
      FacilityPair pair = entry.getKey();
      if (partners.get(byCode ? pair.code() : pair.name()).size() > 1) {
        failing += entry.getValue();
      }
    }
    return new RuleCount(rows, failing);
  }

  /** The counts so far keyed by rule id, in docs/rules.md order. */
  public Map<String, RuleCount> countsById() {
    Map<String, RuleCount> result = new LinkedHashMap<>();
    counts().forEach((rule, count) -> result.put(rule.id(), count));
    return result;
  }

  private void evaluateColumnRules(NormalizedPlacement p) {
    judge(CoreRule.FACILITY_MISSING_CODE, p.facilityCode() == null);
    judge(CoreRule.PLACEMENT_MISSING_BOOK_IN, p.bookIn() == null);
    if (p.bookIn() != null && p.bookOut() != null) {
      judge(CoreRule.PLACEMENT_NEGATIVE_LENGTH, p.bookOut().isBefore(p.bookIn()));
      judge(CoreRule.PLACEMENT_ZERO_LENGTH, p.bookOut().isEqual(p.bookIn()));
    }
    boolean bookInComparable = p.bookIn() != null && p.stayBookIn() != null;
    boolean bookOutComparable = p.bookOut() != null && p.stayBookOut() != null;
    if (bookInComparable || bookOutComparable) {
      judge(
          CoreRule.PLACEMENT_OUTSIDE_STAY,
          (bookInComparable && p.bookIn().isBefore(p.stayBookIn()))
              || (bookOutComparable && p.bookOut().isAfter(p.stayBookOut())));
    }
    // A conditional rule judges the rows where its condition holds: e.g. the share of closed stays
    // whose placement is still open, as the Deportation Data Project states its own threshold.
    if (p.stayBookOut() != null) {
      judge(CoreRule.PLACEMENT_OPEN_IN_CLOSED_STAY, p.bookOut() == null);
    }
    if (p.bookOut() != null) {
      judge(CoreRule.PLACEMENT_BOOKED_OUT_WITHOUT_REASON, p.releaseReason() == null);
    }
    if (p.releaseReason() != null) {
      judge(CoreRule.PLACEMENT_REASON_WITHOUT_BOOK_OUT, p.bookOut() == null);
    }
    if (p.stayReleaseReason() != null) {
      judge(CoreRule.STAY_REASON_WITHOUT_BOOK_OUT, p.stayBookOut() == null);
    }
    if (p.releaseReason() != null) {
      judge(CoreRule.PLACEMENT_UNKNOWN_RELEASE_REASON, !ReleaseReasons.isKnown(p.releaseReason()));
    }
    judge(CoreRule.PERSON_MISSING_ID, p.personId() == null);
    if (p.facilityKey() != null) {
      judge(CoreRule.FACILITY_UNKNOWN_CODE, !knownFacilityKeys.contains(p.facilityKey()));
      if (p.facilityNameKey() != null) {
        facilityPairs.merge(new FacilityPair(p.facilityKey(), p.facilityNameKey()), 1L, Long::sum);
      }
    }
    LocalDateTime stayBegins = p.stayBookIn() != null ? p.stayBookIn() : p.bookIn();
    if (implausiblyEarlyCutoff != null && stayBegins != null) {
      judge(CoreRule.STAY_IMPLAUSIBLY_EARLY, stayBegins.isBefore(implausiblyEarlyCutoff));
    }
    boolean anyDate =
        p.stayBookIn() != null || p.bookIn() != null || p.bookOut() != null || p.stayBookOut() != null;
    if (anyDate) {
      judge(
          CoreRule.PLACEMENT_AFTER_EXTRACT,
          isAfterExtract(p.stayBookIn())
              || isAfterExtract(p.bookIn())
              || isAfterExtract(p.bookOut())
              || isAfterExtract(p.stayBookOut()));
    }
  }

  private boolean isAfterExtract(LocalDateTime value) {
    return value != null && value.isAfter(extractDate);
  }

  /** Rows of one person, in input order. */
  private void evaluatePersonRules(List<Indexed> rowsInInputOrder) {
    evaluateDuplicates(rowsInInputOrder);

    List<Indexed> ordered = new ArrayList<>(rowsInInputOrder);
    ordered.sort(PLACEMENT_ORDER);

    Map<StayKey, Indexed> lastOfStay = new HashMap<>();
    Set<StayKey> staysWithBookOut = new HashSet<>();
    LocalDateTime latestBookIn = null;
    for (Indexed row : ordered) {
      StayKey stay = new StayKey(row.placement().stayBookIn());
      lastOfStay.put(stay, row); // ordered ascending: the last put wins
      if (row.placement().stayBookOut() != null) {
        staysWithBookOut.add(stay);
      }
      LocalDateTime bookIn = row.placement().bookIn();
      if (bookIn != null && (latestBookIn == null || bookIn.isAfter(latestBookIn))) {
        latestBookIn = bookIn;
      }
    }

    boolean earlierOpen = false;
    LocalDateTime earlierLatestBookOut = null;
    for (int position = 0; position < ordered.size(); position++) {
      Indexed row = ordered.get(position);
      NormalizedPlacement p = row.placement();
      if (p.bookIn() == null) {
        continue; // sorted last; judged by no per-person rule and ends no earlier placement
      }
      judge(
          CoreRule.PERSON_OVERLAPPING_PLACEMENTS,
          earlierOpen || (earlierLatestBookOut != null && p.bookIn().isBefore(earlierLatestBookOut)));
      if (p.bookOut() == null) {
        earlierOpen = true;
      } else if (earlierLatestBookOut == null || p.bookOut().isAfter(earlierLatestBookOut)) {
        earlierLatestBookOut = p.bookOut();
      }

      StayKey stay = new StayKey(p.stayBookIn());
      judge(
          CoreRule.STAY_TRANSFERRED_WITHOUT_NEXT,
          ReleaseReasons.isTransferred(p.releaseReason()) && lastOfStay.get(stay) == row);
      if (p.facilityKey() != null && ReleaseReasons.isTransferred(p.releaseReason())) {
        Indexed next = nextOfStay(ordered, position, stay);
        judge(
            CoreRule.PLACEMENT_SELF_TRANSFER,
            next != null && p.facilityKey().equals(next.placement().facilityKey()));
      }

      boolean statusMissing = p.bookOut() == null && p.releaseReason() == null;
      judge(
          CoreRule.STATUS_UNKNOWN,
          statusMissing
              && (staysWithBookOut.contains(stay)
                  || latestBookIn.isAfter(p.bookIn())
                  || p.bookIn().isBefore(statusUnknownCutoff)));
    }
  }

  /** The first row after {@code position} in the ordering that belongs to {@code stay}, or null. */
  private static Indexed nextOfStay(List<Indexed> ordered, int position, StayKey stay) {
    for (int i = position + 1; i < ordered.size(); i++) {
      if (new StayKey(ordered.get(i).placement().stayBookIn()).equals(stay)) {
        return ordered.get(i);
      }
    }
    return null;
  }

  private void evaluateDuplicates(List<Indexed> rowsInInputOrder) {
    Set<DuplicateKey> seen = new HashSet<>();
    for (Indexed row : rowsInInputOrder) {
      NormalizedPlacement p = row.placement();
      DuplicateKey key = new DuplicateKey(p.bookIn(), p.bookOut(), p.facilityKey());
      judge(CoreRule.PLACEMENT_DUPLICATE, !seen.add(key));
    }
  }

  private void judge(CoreRule rule, boolean fails) {
    checked[rule.ordinal()]++;
    if (fails) {
      failed[rule.ordinal()]++;
    }
  }

  private record Indexed(NormalizedPlacement placement, int inputIndex) {}

  /** A folded (facility code, facility name) pair. */
  private record FacilityPair(String code, String name) {}

  /** Within one person: the stay book-in, null being a group value of its own. */
  private record StayKey(LocalDateTime stayBookIn) {}

  /** Within one person: book-in, book-out and folded facility code, nulls equal to nulls. */
  private record DuplicateKey(LocalDateTime bookIn, LocalDateTime bookOut, String facilityKey) {}
}

package org.detentionaudit.sample.oracle;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.detentionaudit.sample.model.ReleaseReasons;

/**
 * Evaluates SPEC.md's 15 core rules exactly as worded there, in plain Java, and counts for each rule
 * the records it judged and the records that failed.
 *
 * <p>Input arrives in batches ({@link #accept(List)}): the list order is the input order, and every
 * row of a person must arrive in the same batch (rows without a person id may arrive anywhere).
 * Memory is bounded by the largest batch, so a caller that feeds one person at a time streams.
 *
 * <p>Semantics, shared with SPEC.md:
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

  private final LocalDateTime statusUnknownCutoff;
  private final long[] checked = new long[CoreRule.values().length];
  private final long[] failed = new long[CoreRule.values().length];

  /**
   * @param extractDate the moment the data were pulled; placements booked in before {@code
   *     extractDate - 365 days} and still open are of unknown status
   */
  public ReferenceRuleEvaluator(LocalDateTime extractDate) {
    this.statusUnknownCutoff =
        Objects.requireNonNull(extractDate, "extractDate").minusDays(365);
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

  /** The counts so far, for all 15 rules in SPEC.md order (zero counts included). */
  public Map<CoreRule, RuleCount> counts() {
    Map<CoreRule, RuleCount> result = new EnumMap<>(CoreRule.class);
    for (CoreRule rule : CoreRule.values()) {
      result.put(rule, new RuleCount(checked[rule.ordinal()], failed[rule.ordinal()]));
    }
    return result;
  }

  /** The counts so far keyed by rule id, in SPEC.md order. */
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
    for (Indexed row : ordered) {
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

      boolean statusMissing = p.bookOut() == null && p.releaseReason() == null;
      judge(
          CoreRule.STATUS_UNKNOWN,
          statusMissing
              && (staysWithBookOut.contains(stay)
                  || latestBookIn.isAfter(p.bookIn())
                  || p.bookIn().isBefore(statusUnknownCutoff)));
    }
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

  /** Within one person: the stay book-in, null being a group value of its own. */
  private record StayKey(LocalDateTime stayBookIn) {}

  /** Within one person: book-in, book-out and folded facility code, nulls equal to nulls. */
  private record DuplicateKey(LocalDateTime bookIn, LocalDateTime bookOut, String facilityKey) {}
}

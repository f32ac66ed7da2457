package org.detentionaudit.sample.oracle;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
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
import org.detentionaudit.sample.model.Facility;
import org.detentionaudit.sample.model.ReleaseReasons;

/**
 * Evaluates the 15 core rules (docs/rules.md), the six rules of issue 4 and {@code
 * placement.hold_room_over_72h} exactly as worded in the rule catalog, in plain Java, and counts for
 * each rule
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

  /** {@code placement.hold_room_over_72h}: hours a placement may last at an Under 72 facility. */
  public static final int HOLD_LIMIT_HOURS = 72;

  /** {@code placement.implausible_date}: the earliest plausible date. */
  public static final LocalDate EARLIEST_PLAUSIBLE_DATE = LocalDate.of(1950, 1, 1);

  /** {@code stay.implausibly_early}'s default {@code years_before_window}. */
  public static final int YEARS_BEFORE_WINDOW = 10;

  private final LocalDateTime extractDate;
  private final LocalDateTime statusUnknownCutoff;
  private final Set<String> knownFacilityKeys;
  /** Folded codes marked Under 72, and those marked Under 72 or Over 72. */
  private final Set<String> under72Keys;
  private final Set<String> markedKeys;
  /** Normal form of a reference name -> the folded codes listing it. */
  private final Map<String, Set<String>> codeKeysByName;
  /** The layout has facility names but no codes: facilities are looked up by name. */
  private final boolean byName;
  private final LocalDateTime implausiblyEarlyCutoff;
  /** The day of the run: a date on a later day is implausible. */
  private final LocalDate runDate;
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
    this(
        extractDate,
        knownFacilityCodes.stream().map(code -> new Facility(code, code, "", "")).toList(),
        windowStart,
        false);
  }

  /**
   * @param extractDate the moment the data were pulled; placements booked in before {@code
   *     extractDate - 365 days} and still open are of unknown status
   * @param reference the facility reference: codes (compared trimmed, ignoring case), names
   *     (compared by {@link #normalName normal form}) and {@code over_under_72} marks
   * @param windowStart the first day of the release window, or empty when unknown
   * @param byName true for a layout with facility names but no codes: {@code facility.unknown_code}
   *     and {@code placement.hold_room_over_72h} then key facilities by name
   */
  public ReferenceRuleEvaluator(
      LocalDateTime extractDate,
      Collection<Facility> reference,
      Optional<LocalDate> windowStart,
      boolean byName) {
    this(extractDate, reference, windowStart, byName, LocalDate.now());
  }

  /**
   * As {@link #ReferenceRuleEvaluator(LocalDateTime, Collection, Optional, boolean)}, with the day
   * of the run ({@code placement.implausible_date}: a date on a later day is implausible; the other
   * constructors take today).
   */
  public ReferenceRuleEvaluator(
      LocalDateTime extractDate,
      Collection<Facility> reference,
      Optional<LocalDate> windowStart,
      boolean byName,
      LocalDate runDate) {
    this.runDate = Objects.requireNonNull(runDate, "runDate");
    this.extractDate = Objects.requireNonNull(extractDate, "extractDate");
    this.statusUnknownCutoff = extractDate.minusDays(365);
    this.byName = byName;
    Set<String> keys = new HashSet<>();
    Set<String> under = new HashSet<>();
    Set<String> marked = new HashSet<>();
    Map<String, Set<String>> byNormalName = new HashMap<>();
    for (Facility facility : reference) {
      String key = facility.code().trim().toLowerCase(Locale.ROOT);
      keys.add(key);
      if (facility.overUnder72().equals(Facility.UNDER_72)) {
        under.add(key);
      }
      if (facility.overUnder72().equals(Facility.UNDER_72) || facility.overUnder72().equals(Facility.OVER_72)) {
        marked.add(key);
      }
      String normal = normalName(facility.name());
      if (normal != null) {
        byNormalName.computeIfAbsent(normal, n -> new HashSet<>()).add(key);
      }
    }
    this.knownFacilityKeys = Set.copyOf(keys);
    this.under72Keys = Set.copyOf(under);
    this.markedKeys = Set.copyOf(marked);
    this.codeKeysByName = Map.copyOf(byNormalName);
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
    if (byName) {
      if (p.facilityName() != null) {
        String normal = normalName(p.facilityName());
        judge(CoreRule.FACILITY_UNKNOWN_CODE, normal == null || !codeKeysByName.containsKey(normal));
      }
    } else if (p.facilityKey() != null) {
      judge(CoreRule.FACILITY_UNKNOWN_CODE, !knownFacilityKeys.contains(p.facilityKey()));
    }
    String facility = facilityOf(p);
    if (p.bookIn() != null && p.bookOut() != null && facility != null && markedKeys.contains(facility)) {
      judge(
          CoreRule.PLACEMENT_HOLD_ROOM_OVER_72H,
          under72Keys.contains(facility) && p.bookOut().isAfter(p.bookIn().plusHours(HOLD_LIMIT_HOURS)));
    }
    if (p.facilityKey() != null) {
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
      judge(
          CoreRule.PLACEMENT_IMPLAUSIBLE_DATE,
          isImplausible(p.stayBookIn())
              || isImplausible(p.bookIn())
              || isImplausible(p.bookOut())
              || isImplausible(p.stayBookOut()));
    }
  }

  /** A date on a day before 1950-01-01 or after the run date; false for null. */
  private boolean isImplausible(LocalDateTime value) {
    if (value == null) {
      return false;
    }
    LocalDate day = value.toLocalDate();
    return day.isBefore(EARLIEST_PLAUSIBLE_DATE) || day.isAfter(runDate);
  }

  /**
   * The folded code of the record's facility: its code; by name, the one code its name matches
   * (null when it matches none or several).
   */
  private String facilityOf(NormalizedPlacement p) {
    if (!byName) {
      return p.facilityKey();
    }
    String normal = normalName(p.facilityName());
    Set<String> codes = normal == null ? Set.of() : codeKeysByName.getOrDefault(normal, Set.of());
    return codes.size() == 1 ? codes.iterator().next() : null;
  }

  /** The abbreviations spelled out when names are compared, as the README's rule table says. */
  private static final Map<String, String> NAME_WORDS =
      Map.ofEntries(
          Map.entry("CNTR", "CENTER"),
          Map.entry("CNTY", "COUNTY"),
          Map.entry("CO", "COUNTY"),
          Map.entry("CORR", "CORRECTIONAL"),
          Map.entry("CORRECTION", "CORRECTIONAL"),
          Map.entry("CORRECTIONS", "CORRECTIONAL"),
          Map.entry("CTR", "CENTER"),
          Map.entry("DEPT", "DEPARTMENT"),
          Map.entry("DET", "DETENTION"),
          Map.entry("FAC", "FACILITY"),
          Map.entry("HOLDROOM", "HOLD ROOM"),
          Map.entry("IPC", "ICE PROCESSING CENTER"),
          Map.entry("SPC", "SERVICE PROCESSING CENTER"));

  /**
   * A facility name's normal form, written from the rule's wording: upper case, apostrophes
   * dropped, {@code &} as {@code AND}, every other character but A-Z and 0-9 a word break, the
   * listed abbreviations spelled out, words joined by one space; null when no word is left.
   */
  static String normalName(String name) {
    if (name == null) {
      return null;
    }
    String upper = name.toUpperCase(Locale.ROOT).replace("'", "").replace("\u2019", "").replace("&", " AND ");
    StringBuilder normal = new StringBuilder();
    for (String word : upper.split("[^A-Z0-9]+")) {
      if (!word.isEmpty()) {
        normal.append(normal.length() == 0 ? "" : " ").append(NAME_WORDS.getOrDefault(word, word));
      }
    }
    return normal.length() == 0 ? null : normal.toString();
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

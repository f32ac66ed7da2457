package org.detentionaudit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a rule can be judged on a dataset, decided once for the audit and for every other
 * evaluator of the rules (the benchmark's baselines): a rule is {@link RuleStatus#NOT_APPLICABLE}
 * when the input's layout lacks a field it needs ({@link RuleKind#missingFields}), and {@code
 * stay.implausibly_early} also when the release window's start is unknown.
 *
 * <p>What it lacks is written to {@code summary.json} and {@code summary.parquet} as {@code
 * missing_fields}: the field column names in alphabetical order, then {@link #WINDOW_START}, joined
 * by {@code ", "} ({@link #lackingText}).
 */
public final class Applicability {
  /**
   * What a rule lacks when the release window's start is unknown: the layout key that gives it.
   */
  public static final String WINDOW_START = "covers_from";

  private Applicability() {}

  /**
   * What a rule of {@code kind} lacks to be judged on a dataset: the column names of the fields the
   * layout lacks, sorted (both {@code facility_code} and {@code facility_name} for a rule needing
   * either and given neither), then {@link #WINDOW_START} for {@code stay.implausibly_early}
   * without a window start; empty when the rule can be judged.
   *
   * @param kind the rule's kind
   * @param available the canonical fields the input's layout provides
   * @param windowStartKnown whether the release window's start ({@code covers_from}) is known
   */
  public static List<String> lacking(
      RuleKind kind, Set<CanonicalField> available, boolean windowStartKnown) {
    List<String> lacking =
        new ArrayList<>(
            kind.missingFields(available).stream().map(CanonicalField::columnName).sorted().toList());
    if (kind == RuleKind.STAY_IMPLAUSIBLY_EARLY && !windowStartKnown) {
      lacking.add(WINDOW_START);
    }
    return List.copyOf(lacking);
  }

  /** {@link #lacking} joined by {@code ", "}, as {@code missing_fields} writes it; empty when none. */
  public static String lackingText(
      RuleKind kind, Set<CanonicalField> available, boolean windowStartKnown) {
    return String.join(", ", lacking(kind, available, windowStartKnown));
  }

  /** Whether a rule of {@code kind} can be judged: {@link #lacking} is empty. */
  public static boolean applicable(
      RuleKind kind, Set<CanonicalField> available, boolean windowStartKnown) {
    return lacking(kind, available, windowStartKnown).isEmpty();
  }

  /**
   * Whether a rule of {@code kind} that can be judged judges facilities by name rather than by
   * code: it needs one of facility_code and facility_name ({@link RuleKind#oneOfFields()}) and the
   * layout has names but no codes. Such a rule matches each name to the facility reference's codes
   * by its normal form.
   */
  public static boolean judgesFacilityByName(RuleKind kind, Set<CanonicalField> available) {
    return kind.oneOfFields().contains(CanonicalField.FACILITY_NAME)
        && !available.contains(CanonicalField.FACILITY_CODE)
        && available.contains(CanonicalField.FACILITY_NAME);
  }
}

package org.detentionaudit.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule as the catalog defines it: data, not a closure, so every report can print what was
 * asserted. Immutable; built and validated by {@link RuleCatalog}.
 *
 * @param kind the closed kind the engine dispatches on; {@code kind.id()} is the rule id
 * @param title a short human title
 * @param meaning the exact meaning: when a record fails
 * @param question the reporting question the rule bears on
 * @param severity how serious a FAIL is
 * @param warnAt WARN when the failed ratio exceeds this (0..1)
 * @param failAt FAIL when the failed ratio exceeds this (0..1, at least {@code warnAt})
 * @param enabled disabled rules are not run and not reported
 * @param parameters typed parameter values, keyed by {@link ParameterSpec#name()}
 * @param rationale one line on why the rule matters to a reader of the data
 */
public record Rule(
    RuleKind kind,
    String title,
    String meaning,
    Question question,
    Severity severity,
    double warnAt,
    double failAt,
    boolean enabled,
    Map<String, Object> parameters,
    String rationale) {

  public Rule {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rationale, "rationale");
    if (!(warnAt >= 0 && warnAt <= 1) || !(failAt >= 0 && failAt <= 1)) {
      throw new IllegalArgumentException(
          "thresholds must be between 0 and 1, got warn_at=" + warnAt + " fail_at=" + failAt);
    }
    if (warnAt > failAt) {
      throw new IllegalArgumentException(
          "warn_at (" + warnAt + ") must not exceed fail_at (" + failAt + ")");
    }
    parameters = Map.copyOf(parameters);
  }

  /** The stable rule id, e.g. {@code placement.negative_length}. */
  public String id() {
    return kind.id();
  }

  /**
   * Judges counts against the thresholds. With nothing checked the ratio is 0 and the rule passes:
   * there was nothing to fail.
   */
  public RuleStatus judge(long recordsChecked, long recordsFailed) {
    double ratio = failedRatio(recordsChecked, recordsFailed);
    if (ratio > failAt) {
      return RuleStatus.FAIL;
    }
    if (ratio > warnAt) {
      return RuleStatus.WARN;
    }
    return RuleStatus.PASS;
  }

  /** {@code failed / checked}, and 0 when nothing was checked (0/0 is not a failure). */
  public static double failedRatio(long recordsChecked, long recordsFailed) {
    return recordsChecked == 0 ? 0.0 : (double) recordsFailed / recordsChecked;
  }

  /** A string-list parameter, e.g. the known release reasons. */
  @SuppressWarnings("unchecked")
  public List<String> stringListParameter(String name) {
    return (List<String>) requireParameter(name);
  }

  public String textParameter(String name) {
    return (String) requireParameter(name);
  }

  public int intParameter(String name) {
    return (Integer) requireParameter(name);
  }

  private Object requireParameter(String name) {
    Object value = parameters.get(name);
    if (value == null) {
      throw new IllegalStateException("Rule " + id() + " has no parameter '" + name + "'");
    }
    return value;
  }
}

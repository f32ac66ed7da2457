package org.detentionaudit.rules;

/** The outcome of one rule on one dataset. */
public enum RuleStatus {
  /** The failed ratio is at most {@code warn_at}. */
  PASS,
  /** The failed ratio exceeds {@code warn_at} but not {@code fail_at}. */
  WARN,
  /** The failed ratio exceeds {@code fail_at}. */
  FAIL,
  /** The layout lacks a column the rule needs: reported, never silently skipped. */
  NOT_APPLICABLE
}

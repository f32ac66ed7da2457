package org.detentionaudit.core.check;

import org.detentionaudit.rules.Rule;
import org.detentionaudit.rules.RuleStatus;

/**
 * One rule's result on one dataset: the measured counts and the judgement of them.
 *
 * @param rule the rule as the catalog (with overrides) defines it
 * @param status PASS, WARN, FAIL, or NOT_APPLICABLE when the layout lacks a needed field
 * @param recordsChecked records the rule could judge; null when NOT_APPLICABLE
 * @param recordsFailed records that failed; null when NOT_APPLICABLE
 * @param failedRatio {@code recordsFailed / recordsChecked} (0 when nothing was checked); null when
 *     NOT_APPLICABLE
 * @param missingFields the needed fields the layout lacks, comma-separated; empty when applicable
 */
public record RuleOutcome(
    Rule rule,
    RuleStatus status,
    Long recordsChecked,
    Long recordsFailed,
    Double failedRatio,
    String missingFields) {

  static RuleOutcome judged(Rule rule, long checked, long failed) {
    return new RuleOutcome(
        rule, rule.judge(checked, failed), checked, failed, Rule.failedRatio(checked, failed), "");
  }

  static RuleOutcome notApplicable(Rule rule, String missingFields) {
    return new RuleOutcome(rule, RuleStatus.NOT_APPLICABLE, null, null, null, missingFields);
  }
}

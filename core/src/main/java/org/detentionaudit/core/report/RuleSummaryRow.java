package org.detentionaudit.core.report;

import org.detentionaudit.core.check.RuleOutcome;

/**
 * One row of {@code summary.parquet} and of {@code summary.json}'s {@code rules} list.
 *
 * <p>Counts and ratio are null when the rule is NOT_APPLICABLE (the layout lacks a needed field).
 */
public record RuleSummaryRow(
    String ruleId,
    String title,
    String question,
    String severity,
    String status,
    Long recordsChecked,
    Long recordsFailed,
    Double failedRatio,
    double warnAt,
    double failAt,
    String meaning,
    String rationale,
    String missingFields) {

  public static RuleSummaryRow of(RuleOutcome outcome) {
    var rule = outcome.rule();
    return new RuleSummaryRow(
        rule.id(),
        rule.title(),
        rule.question().code(),
        rule.severity().code(),
        outcome.status().name(),
        outcome.recordsChecked(),
        outcome.recordsFailed(),
        outcome.failedRatio(),
        rule.warnAt(),
        rule.failAt(),
        rule.meaning(),
        rule.rationale(),
        outcome.missingFields());
  }
}

package org.detentionaudit.core.check;

/**
 * A rule's meaning as Spark SQL over the normalized placement columns (and, for per-person rules,
 * the columns {@link PersonOrdering} adds).
 *
 * @param checkedSql true for the records the rule can judge ({@code records_checked})
 * @param failedSql true for a judged record that fails; only read where {@code checkedSql} is true
 * @param detailSql a short text saying why the record failed, for the findings' {@code detail}
 */
public record RulePredicate(String checkedSql, String failedSql, String detailSql) {

  /** The failure predicate made total: true only for checked records that fail, never NULL. */
  public String failedWhereCheckedSql() {
    return "(coalesce((" + checkedSql + "), false) AND coalesce((" + failedSql + "), false))";
  }
}

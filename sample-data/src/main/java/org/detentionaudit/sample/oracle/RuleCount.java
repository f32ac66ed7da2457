package org.detentionaudit.sample.oracle;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many records a rule judged and how many of those failed.
 *
 * @param recordsChecked rows the rule could judge (see {@link CoreRule#recordsCheckedDefinition()})
 * @param recordsFailed rows that failed, never more than {@code recordsChecked}
 */
public record RuleCount(
    @JsonProperty("records_checked") long recordsChecked,
    @JsonProperty("records_failed") long recordsFailed) {

  public RuleCount {
    if (recordsChecked < 0 || recordsFailed < 0 || recordsFailed > recordsChecked) {
      throw new IllegalArgumentException(
          "Cannot create rule count: need 0 <= failed <= checked, got failed="
              + recordsFailed
              + " checked="
              + recordsChecked);
    }
  }
}

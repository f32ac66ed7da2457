package org.detentionaudit.benchmark;

import java.util.Map;

/** The rule meanings of docs/rules.md evaluated another way than the audit does, for the benchmark to time. */
public interface Baseline {
  /**
   * Evaluates every rule of {@link BaselineInput#rules()} on the input.
   *
   * @return failed records per rule id, for every rule given; a rule this input cannot judge (a
   *     field its layout lacks, no release window) maps to null, as the audit's NOT_APPLICABLE
   */
  Map<String, Long> failedCounts(BaselineInput input) throws Exception;
}

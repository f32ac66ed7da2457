package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.oracle.CoreRule;

/** Compares an audit's rule rows with the generator's per-file expectations. */
final class ManifestAssertions {
  private ManifestAssertions() {}

  /**
   * Every rule of the oracle is reported; a judged rule has the manifest's exact counts for the
   * file at {@code path}, a NOT_APPLICABLE one the manifest's missing fields.
   *
   * @return how many rules were judged
   */
  static int assertRulesMatch(RunSummary summary, Manifest manifest, String path) {
    assertThat(summary.rules()).hasSize(CoreRule.values().length);
    int judged = 0;
    for (RuleSummaryRow row : summary.rules()) {
      Manifest.ExpectedOutcome outcome = manifest.expected(path, row.ruleId());
      String what = path + " " + row.ruleId();
      if (outcome.applicable()) {
        judged++;
        assertThat(row.status()).as(what).isNotEqualTo("NOT_APPLICABLE");
        assertThat(row.recordsFailed()).as(what).isEqualTo(outcome.recordsFailed());
        assertThat(row.recordsChecked()).as(what + " checked").isEqualTo(outcome.recordsChecked());
      } else {
        assertThat(row.status()).as(what).isEqualTo("NOT_APPLICABLE");
        assertThat(row.recordsFailed()).as(what).isNull();
        assertThat(Arrays.stream(row.missingFields().split(",")).map(String::trim))
            .as(what + " missing fields")
            .containsExactlyInAnyOrderElementsOf(outcome.missingFields());
      }
    }
    return judged;
  }
}

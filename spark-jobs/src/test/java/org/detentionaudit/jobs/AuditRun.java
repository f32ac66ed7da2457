package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.report.SummaryJson;

/** One successful {@code audit} run of the command line: its console and the summary.json it wrote. */
record AuditRun(CommandRun console, RunSummary summary) {

  /**
   * Runs {@code audit ARGS --output OUTPUT --overwrite}, asserts that it exits 0 (showing its error
   * text otherwise) and reads the summary.json it wrote.
   */
  static AuditRun of(Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("audit"));
    command.addAll(List.of(args));
    command.addAll(List.of("--output", output.toString(), "--overwrite"));
    CommandRun console = CommandRun.of(command.toArray(new String[0]));
    assertThat(console.status()).as(console.err()).isZero();
    return new AuditRun(console, summaryOf(output));
  }

  /** The summary.json of an audit output folder. */
  static RunSummary summaryOf(Path output) throws IOException {
    return SummaryJson.read(Files.readString(output.resolve("summary.json")));
  }

  /** The summary row of one rule; fails when the summary has none. */
  static RuleSummaryRow rule(RunSummary summary, String ruleId) {
    return summary.rules().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("summary.json has no row for rule " + ruleId));
  }
}

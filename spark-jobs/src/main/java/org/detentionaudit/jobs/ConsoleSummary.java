package org.detentionaudit.jobs;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.detentionaudit.core.history.HistorySummary;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;

/** The few lines a person sees on the console after a run. No identifiers are printed. */
final class ConsoleSummary {
  private ConsoleSummary() {}

  static void print(PrintWriter out, RunSummary s, String outputDir) {
    out.printf(
        Locale.ROOT,
        "Rows read %d = loaded %d + quarantined %d. Extract date %s (%s).%n",
        s.rowsRead(),
        s.rowsLoaded(),
        s.rowsQuarantined(),
        s.extractDate() == null ? "unknown" : s.extractDate(),
        s.extractDateOrigin());
    for (RuleSummaryRow r : s.rules()) {
      out.printf(
          Locale.ROOT,
          "  %-15s %-36s %s%n",
          r.status(),
          r.ruleId(),
          r.recordsChecked() == null
              ? "lacks " + r.missingFields()
              : String.format(Locale.ROOT, "%d of %d records (%.2f%%)", r.recordsFailed(), r.recordsChecked(), r.failedRatio() * 100));
    }
    HistorySummary h = s.history();
    if (h != null) {
      if (h.earlierRuns().isEmpty()) {
        out.printf(Locale.ROOT, "History %s: run %s appended. %s%n", h.folder(), h.label(), h.note());
      } else {
        out.printf(
            Locale.ROOT,
            "History %s: run %s appended; %d metrics judged against %d earlier release(s) (%s), %d flagged%s%n",
            h.folder(),
            h.label(),
            h.metricsJudged(),
            h.earlierRuns().size(),
            h.earlierRuns().stream().map(HistorySummary.EarlierRun::label).collect(Collectors.joining(", ")),
            h.flagged().size(),
            h.flagged().isEmpty() ? "." : ":");
        for (HistorySummary.Flagged f : h.flagged()) {
          out.printf(Locale.ROOT, "  %-15s %s%n", "FLAGGED", f.reason());
        }
      }
    }
    out.printf(Locale.ROOT, "Report: %s/report.html%n", outputDir);
    out.flush();
  }
}

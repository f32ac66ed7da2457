package org.detentionaudit.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code history} block of {@code summary.json}: which history the run was appended to, the
 * earlier releases it was judged against and the metrics flagged (docs/output-contract.md).
 * Serialized with snake_case names.
 *
 * @param folder the history folder as given
 * @param runId this run's id in the history
 * @param label this run's release label
 * @param extractDate this run's extract date (ISO local date-time), null when unknown
 * @param startedAt this run's start (ISO-8601 instant)
 * @param metricsAppended the rows (metrics) this run appends to the history
 * @param runsInHistory runs the history held before this one
 * @param earlierRuns the releases judged against, oldest first
 * @param runsNotUsed the runs of the history not judged against, and why
 * @param metricsJudged this run's metrics set beside at least one earlier value
 * @param note what the check could not do, in words (no earlier release), or null
 * @param flagged the metrics whose change exceeds their thresholds, in the order of the metrics
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "folder", "run_id", "label", "extract_date", "started_at", "metrics_appended", "runs_in_history",
  "earlier_runs", "runs_not_used", "metrics_judged", "note", "flagged"
})
public record HistorySummary(
    String folder,
    String runId,
    String label,
    String extractDate,
    String startedAt,
    long metricsAppended,
    long runsInHistory,
    List<EarlierRun> earlierRuns,
    RunsNotUsed runsNotUsed,
    long metricsJudged,
    String note,
    List<Flagged> flagged) {

  public HistorySummary {
    earlierRuns = List.copyOf(earlierRuns);
    flagged = List.copyOf(flagged);
  }

  /** An earlier release judged against. */
  @JsonPropertyOrder({"run_id", "label", "extract_date", "started_at", "tool_version"})
  public record EarlierRun(String runId, String label, String extractDate, String startedAt, String toolVersion) {}

  /**
   * Runs of the history left out of the judgement.
   *
   * @param sameLabel runs of this run's label (an earlier audit of the same release)
   * @param later runs that come after this one (a later extract date, or the same and a later
   *     start)
   * @param superseded earlier audits of a label audited again later (only a label's latest run
   *     counts)
   * @param beyondWindow releases older than the last {@link HistoryCheck#RELEASES}
   */
  @JsonPropertyOrder({"same_label", "later", "superseded", "beyond_window"})
  public record RunsNotUsed(long sameLabel, long later, long superseded, long beyondWindow) {}

  /**
   * A flagged metric.
   *
   * @param kind {@code rule}, {@code column} or {@code records}
   * @param key the rule id, column key, or fiscal year ({@code unknown}: no plausible book-in)
   * @param measure {@code failed_ratio}, {@code missing_share}, {@code redacted_share} or {@code
   *     records}
   * @param changeKind the thresholds' kind that flagged it, e.g. {@code column_missing_share}
   * @param value this run's value
   * @param reference the earlier value it was set beside (the nearest)
   * @param difference value − reference
   * @param relativeChange difference / reference, null when the reference is 0
   * @param reason the change in words with the numbers and the threshold
   * @param series the metric over the earlier releases and this run, oldest first
   */
  @JsonPropertyOrder({
    "kind", "key", "measure", "change_kind", "value", "reference", "difference", "relative_change",
    "reason", "series"
  })
  public record Flagged(
      String kind,
      String key,
      String measure,
      String changeKind,
      Double value,
      Double reference,
      Double difference,
      Double relativeChange,
      String reason,
      List<Point> series) {
    public Flagged {
      series = List.copyOf(series);
    }
  }

  /** One release's value of a metric; null when that release has no such metric. */
  @JsonPropertyOrder({"label", "extract_date", "value"})
  public record Point(String label, String extractDate, Double value) {}
}

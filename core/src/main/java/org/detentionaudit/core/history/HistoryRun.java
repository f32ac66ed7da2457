package org.detentionaudit.core.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.detentionaudit.core.compare.ReleaseMetrics;
import org.detentionaudit.core.measure.DatasetFacts;

/**
 * One audit as a history holds it: the run's key and its metrics. Immutable.
 *
 * @param runId unique per run (a random UUID)
 * @param label the release label ({@code --label}, by default the extract date's day)
 * @param extractDate the audit's extract date, null when it could not tell
 * @param extractDateOrigin where the extract date came from ({@code given}, {@code inferred}, ...)
 * @param startedAt when the audit started, to the microsecond
 * @param toolVersion detention-audit's version
 * @param firstBookIn the earliest plausible book-in, null without one
 * @param lastBookIn the latest plausible book-in, null without one
 * @param metrics the run's named numbers ({@link ReleaseMetrics#metrics()} and the dataset facts)
 */
public record HistoryRun(
    String runId,
    String label,
    LocalDateTime extractDate,
    String extractDateOrigin,
    Instant startedAt,
    String toolVersion,
    LocalDateTime firstBookIn,
    LocalDateTime lastBookIn,
    List<ReleaseMetrics.Metric> metrics) {

  /**
   * Releases in time: by extract date (an unknown one last), then by run start. The series a
   * history judges are in this order.
   */
  public static final Comparator<HistoryRun> ORDER =
      Comparator.comparing(HistoryRun::extractDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(HistoryRun::startedAt);

  public HistoryRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(label, "label");
    // Kept to the microsecond, as the history's Parquet timestamps hold it.
    startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MICROS);
    metrics = List.copyOf(metrics);
  }

  /**
   * A run from its audit's metrics: every metric of {@code release} ({@link
   * ReleaseMetrics#metrics()}) plus the dataset facts {@code people}, {@code stays} and {@code
   * open_placements} (kind {@code dataset}, measure {@code records}) where the layout gives them.
   *
   * @param label the release label; null or blank for the default, the extract date's day ({@code
   *     2025-06-26}), or {@code run <started_at>} when the extract date is unknown
   */
  public static HistoryRun of(String runId, String label, ReleaseMetrics release, DatasetFacts facts) {
    ReleaseMetrics.Run run = release.run();
    List<ReleaseMetrics.Metric> metrics = new ArrayList<>(release.metrics());
    if (facts != null) {
      fact(metrics, "people", facts.people());
      fact(metrics, "stays", facts.stays());
      fact(metrics, "open_placements", facts.openPlacements());
    }
    LocalDateTime extract = dateTime(run.extractDate());
    Instant started = Instant.parse(run.startedAt());
    return new HistoryRun(
        runId,
        label == null || label.isBlank() ? defaultLabel(extract, started) : label.strip(),
        extract,
        run.extractDateOrigin(),
        started,
        run.toolVersion(),
        dateTime(run.firstBookIn()),
        dateTime(run.lastBookIn()),
        metrics);
  }

  /** The label of a run given none: the extract date's day, else the run's start. */
  public static String defaultLabel(LocalDateTime extractDate, Instant startedAt) {
    return extractDate != null ? extractDate.toLocalDate().toString() : "run " + startedAt;
  }

  /** The value of a metric, or null when this run has none of that name. */
  public Double value(String kind, String key, String measure) {
    for (ReleaseMetrics.Metric m : metrics) {
      if (m.kind().equals(kind) && m.key().equals(key) && m.measure().equals(measure)) {
        return m.value();
      }
    }
    return null;
  }

  private static void fact(List<ReleaseMetrics.Metric> metrics, String key, Long value) {
    if (value != null) {
      metrics.add(new ReleaseMetrics.Metric("dataset", key, "records", value));
    }
  }

  private static LocalDateTime dateTime(String iso) {
    return iso == null ? null : LocalDateTime.parse(iso);
  }
}

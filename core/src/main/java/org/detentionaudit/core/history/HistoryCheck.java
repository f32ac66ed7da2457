package org.detentionaudit.core.history;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.detentionaudit.core.compare.ChangeDetector;
import org.detentionaudit.core.compare.ChangeKind;
import org.detentionaudit.core.compare.ReleaseMetrics;
import org.detentionaudit.core.compare.Thresholds;

/**
 * Judges a new run's metrics against the earlier releases of a history, with {@link
 * ChangeDetector} and the thresholds of {@code compare}.
 *
 * <p>The earlier releases: the history's runs that come before the new one in {@link
 * HistoryRun#ORDER} (extract date, then start), leaving out runs of the new run's label (an
 * earlier audit of the same release is no earlier release) and, of a label audited several times,
 * all but its latest audit; of those, the last {@link #RELEASES}, oldest first.
 *
 * <p>What is judged, per metric the new run has and at least one earlier release has: each rule's
 * failed ratio ({@code rule_failed_ratio}), each column's missing and redacted shares ({@code
 * column_missing_share}, {@code column_redacted_share}), the records of each fiscal year that had
 * ended by the latest earlier release's extract date ({@code records_closed_year_loss} and {@code
 * _gain}) or that the extract date falls in ({@code records_open_year_loss}; later years are new,
 * not judged; all years are skipped when that extract date is unknown), and the records without a
 * plausible book-in ({@code records_undated}). The dataset facts and the records per facility are
 * kept in the history, not judged. Stateless and thread-safe.
 */
public final class HistoryCheck {
  /** How many earlier releases a run is judged against, at most: the latest ones. */
  public static final int RELEASES = 5;

  private final ChangeDetector detector;

  public HistoryCheck(Thresholds thresholds) {
    this.detector = new ChangeDetector(Objects.requireNonNull(thresholds, "thresholds"));
  }

  /**
   * Judges {@code current} against {@code history}.
   *
   * @param folder the history folder, as the summary names it
   * @param history the runs the history held before this one (any order; {@code current} itself, if
   *     there, is ignored)
   */
  public HistorySummary judge(String folder, HistoryRun current, List<HistoryRun> history) {
    List<HistoryRun> others = history.stream().filter(r -> !r.runId().equals(current.runId())).toList();
    long sameLabel = others.stream().filter(r -> r.label().equals(current.label())).count();
    List<HistoryRun> before =
        others.stream()
            .filter(r -> !r.label().equals(current.label()))
            .filter(r -> HistoryRun.ORDER.compare(r, current) < 0)
            .toList();
    long later = others.size() - sameLabel - before.size();
    Map<String, HistoryRun> latestOfLabel = new LinkedHashMap<>();
    for (HistoryRun run : before) {
      latestOfLabel.merge(run.label(), run, (a, b) -> a.startedAt().isAfter(b.startedAt()) ? a : b);
    }
    List<HistoryRun> releases = latestOfLabel.values().stream().sorted(HistoryRun.ORDER).toList();
    long beyondWindow = Math.max(0, releases.size() - RELEASES);
    List<HistoryRun> used = releases.subList((int) beyondWindow, releases.size());
    HistorySummary.RunsNotUsed notUsed =
        new HistorySummary.RunsNotUsed(sameLabel, later, before.size() - latestOfLabel.size(), beyondWindow);

    List<Map<String, Double>> earlierValues = used.stream().map(HistoryCheck::index).toList();
    LocalDateTime previousExtract = used.isEmpty() ? null : used.get(used.size() - 1).extractDate();
    long judged = 0;
    List<HistorySummary.Flagged> flagged = new ArrayList<>();
    for (ReleaseMetrics.Metric metric : current.metrics()) {
      List<ChangeKind> kinds = kindsOf(metric, previousExtract);
      if (kinds.isEmpty()) {
        continue;
      }
      String name = name(metric);
      List<Double> series = new ArrayList<>();
      earlierValues.forEach(values -> series.add(values.get(name)));
      if (series.stream().allMatch(Objects::isNull)) {
        continue;
      }
      series.add(metric.value());
      judged++;
      for (ChangeKind kind : kinds) {
        ChangeDetector.Judgement j = detector.judge(kind, label(metric), series);
        if (j.anomalous()) {
          flagged.add(
              new HistorySummary.Flagged(
                  metric.kind(), metric.key(), metric.measure(), kind.key(), j.last(), j.reference(),
                  j.difference(), j.relativeChange(), j.reason(), points(used, current, series)));
          break;
        }
      }
    }
    return new HistorySummary(
        folder,
        current.runId(),
        current.label(),
        iso(current.extractDate()),
        current.startedAt().toString(),
        current.metrics().size(),
        others.size(),
        used.stream()
            .map(r -> new HistorySummary.EarlierRun(
                r.runId(), r.label(), iso(r.extractDate()), r.startedAt().toString(), r.toolVersion()))
            .toList(),
        notUsed,
        judged,
        note(used, others.size(), notUsed),
        flagged);
  }

  /**
   * The kinds a metric is judged by, in order (the first that flags it is reported); none for a
   * metric that is not judged.
   */
  static List<ChangeKind> kindsOf(ReleaseMetrics.Metric metric, LocalDateTime previousExtract) {
    switch (metric.kind()) {
      case "rule":
        return List.of(ChangeKind.RULE_FAILED_RATIO);
      case "column":
        return switch (metric.measure()) {
          case "missing_share" -> List.of(ChangeKind.COLUMN_MISSING_SHARE);
          case "redacted_share" -> List.of(ChangeKind.COLUMN_REDACTED_SHARE);
          default -> List.of();
        };
      case "records":
        if ("unknown".equals(metric.key())) {
          return List.of(ChangeKind.RECORDS_UNDATED);
        }
        if (previousExtract == null) {
          return List.of();
        }
        int year;
        try {
          year = Integer.parseInt(metric.key());
        } catch (NumberFormatException e) {
          return List.of();
        }
        LocalDateTime start = LocalDate.of(year - 1, 10, 1).atStartOfDay();
        LocalDateTime end = LocalDate.of(year, 10, 1).atStartOfDay();
        if (!previousExtract.isBefore(end)) {
          return List.of(ChangeKind.RECORDS_CLOSED_YEAR_LOSS, ChangeKind.RECORDS_CLOSED_YEAR_GAIN);
        }
        return previousExtract.isBefore(start) ? List.of() : List.of(ChangeKind.RECORDS_OPEN_YEAR_LOSS);
      default:
        return List.of();
    }
  }

  /** The metric as a reader calls it, e.g. {@code missing share of book_out}, {@code records of FY2019}. */
  static String label(ReleaseMetrics.Metric metric) {
    return label(metric.kind(), metric.key(), metric.measure());
  }

  /** A metric named by kind, key and measure, as a reader calls it (see {@link #label(ReleaseMetrics.Metric)}). */
  public static String label(String kind, String key, String measure) {
    return switch (kind) {
      case "rule" -> "failed ratio of " + key;
      case "column" -> measure.replace("_share", "") + " share of " + key;
      case "records" -> "unknown".equals(key) ? "records without a plausible book-in" : "records of FY" + key;
      default -> kind + " " + key + " " + measure.replace('_', ' ');
    };
  }

  private static String note(List<HistoryRun> used, long others, HistorySummary.RunsNotUsed notUsed) {
    if (!used.isEmpty()) {
      return null;
    }
    if (others == 0) {
      return "No earlier run in the history: this run is its first, nothing was judged.";
    }
    return "No earlier release in the history: of its "
        + others
        + " run(s), "
        + notUsed.sameLabel()
        + " have this run's label and "
        + notUsed.later()
        + " come later (extract date, then start); nothing was judged.";
  }

  private static List<HistorySummary.Point> points(List<HistoryRun> used, HistoryRun current, List<Double> series) {
    List<HistorySummary.Point> points = new ArrayList<>();
    for (int i = 0; i < used.size(); i++) {
      points.add(new HistorySummary.Point(used.get(i).label(), iso(used.get(i).extractDate()), series.get(i)));
    }
    points.add(new HistorySummary.Point(current.label(), iso(current.extractDate()), series.get(series.size() - 1)));
    return points;
  }

  private static Map<String, Double> index(HistoryRun run) {
    Map<String, Double> values = new HashMap<>();
    run.metrics().forEach(m -> values.putIfAbsent(name(m), m.value()));
    return values;
  }

  private static String name(ReleaseMetrics.Metric m) {
    return m.kind() + "\u0000" + m.key() + "\u0000" + m.measure();
  }

  private static String iso(LocalDateTime value) {
    return value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
  }
}

package org.detentionaudit.core.history;

import java.util.Objects;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.compare.ReleaseMetrics;
import org.detentionaudit.core.compare.Thresholds;
import org.detentionaudit.core.measure.DatasetFacts;

/**
 * The history an audit is appended to ({@code --history}), with the run's label ({@code --label})
 * and the thresholds it is judged with. {@link #check} runs before {@code summary.json} is written,
 * {@link #append} after the output folder is committed. Immutable.
 */
public final class AuditHistory {
  private final HistoryStore store;
  private final String label;
  private final Thresholds thresholds;

  private AuditHistory(HistoryStore store, String label, Thresholds thresholds) {
    this.store = store;
    this.label = label;
    this.thresholds = thresholds;
  }

  /**
   * Opens (checks, creates when missing) a history folder and reads it once, so that a damaged
   * file is reported before any data are read; with the default label and thresholds.
   *
   * @throws InputException when {@code dir} is a file, not a history, cannot be written, or holds a
   *     file that cannot be read as a history file
   */
  public static AuditHistory open(String dir, Configuration conf) {
    HistoryStore store = HistoryStore.open(dir, conf);
    store.read();
    return new AuditHistory(store, null, Thresholds.defaults());
  }

  /**
   * The same history, the run labelled {@code text} (trimmed); null for the default, the extract
   * date's day.
   *
   * @throws InputException for a blank label
   */
  public AuditHistory label(String text) {
    if (text != null && text.isBlank()) {
      throw new InputException("Cannot use --label '" + text + "': it is blank. Give the release a name, e.g. --label \"DDP 2025-06\".");
    }
    return new AuditHistory(store, text == null ? null : text.strip(), thresholds);
  }

  /** The same history, judged with these thresholds. */
  public AuditHistory thresholds(Thresholds value) {
    return new AuditHistory(store, label, Objects.requireNonNull(value, "thresholds"));
  }

  public HistoryStore store() {
    return store;
  }

  /** The label given, or null for the default. */
  public String label() {
    return label;
  }

  /**
   * This run's entry and its judgement against the history's earlier releases: reads the history.
   *
   * @param release the run's metrics (its output tables and summary)
   * @param facts the run's dataset facts (people, stays, open placements are kept)
   * @throws InputException when a history file cannot be read
   */
  public Checked check(ReleaseMetrics release, DatasetFacts facts) {
    HistoryRun run = HistoryRun.of(UUID.randomUUID().toString(), label, release, facts);
    HistorySummary summary = new HistoryCheck(thresholds).judge(store.shownDir(), run, store.read());
    return new Checked(run, summary);
  }

  /** Appends the run {@link #check} made; see {@link HistoryStore#append}. */
  public String append(Checked checked) {
    return store.append(checked.run());
  }

  /** A run to append and its judgement. */
  public record Checked(HistoryRun run, HistorySummary summary) {}
}

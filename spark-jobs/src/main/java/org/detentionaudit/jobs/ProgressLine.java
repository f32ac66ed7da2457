package org.detentionaudit.jobs;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.detentionaudit.core.progress.AuditStage;

/**
 * One console line of an audit's progress: the stage, the rows it has handled, the time elapsed
 * and an estimate of the time left, e.g. {@code [4/8] per-person rules: 4,200,000 of 10,000,000
 * rows, 42 s elapsed, about 1 min left}. Once every row has been through the stage's first pass,
 * its later passes (a sort after a scan) may still run: the line then says {@code all 10,000,000
 * rows read, finishing}. Pure: the caller supplies the counts and the time.
 *
 * <p>The estimate assumes the rest of the run goes at the pace of the run so far, with each stage
 * taking its {@linkplain AuditStage#weight() share} of the whole: done = (weights of the stages
 * before + this stage's weight × rows done / input rows) / all weights, and time left = elapsed /
 * done − elapsed. Until loading has counted the input rows there is no basis, and the line says
 * so.
 *
 * @param stage the running stage
 * @param rowsDone the rows the stage has handled so far (see {@link
 *     org.detentionaudit.core.progress.StageRowCounter}); shown at most as the input rows
 * @param inputRows the rows read from all inputs; empty while loading
 * @param elapsed the time since the audit started
 */
record ProgressLine(AuditStage stage, long rowsDone, OptionalLong inputRows, Duration elapsed) {

  /** The line, without a line break. */
  String text() {
    String rows;
    if (inputRows.isEmpty()) {
      rows = String.format(Locale.ROOT, "%,d rows read", rowsDone);
    } else if (rowsDone < inputRows.getAsLong()) {
      rows = String.format(Locale.ROOT, "%,d of %,d rows", rowsDone, inputRows.getAsLong());
    } else {
      rows = String.format(Locale.ROOT, "all %,d rows read, finishing", inputRows.getAsLong());
    }
    return String.format(
        Locale.ROOT,
        "[%d/%d] %s: %s, %s elapsed, %s",
        stage.number(),
        AuditStage.count(),
        stage.label(),
        rows,
        elapsedText(elapsed),
        timeLeft().map(ProgressLine::timeLeftText).orElse("estimating time left"));
  }

  /**
   * The estimated time left of the whole run, or empty when there is no basis yet (input rows not
   * counted, or nothing done).
   */
  Optional<Duration> timeLeft() {
    if (inputRows.isEmpty() || inputRows.getAsLong() <= 0) {
      return Optional.empty();
    }
    double stageDone = Math.min(1.0, (double) rowsDone / inputRows.getAsLong());
    double runDone =
        (stage.weightBefore() + stage.weight() * stageDone) / AuditStage.totalWeight();
    if (runDone <= 0) {
      return Optional.empty();
    }
    double elapsedMillis = elapsed.toMillis();
    return Optional.of(Duration.ofMillis(Math.round(elapsedMillis / runDone - elapsedMillis)));
  }

  /** Time elapsed, to the second: {@code 42 s}, {@code 3 min 5 s}, {@code 1 h 2 min}. */
  static String elapsedText(Duration elapsed) {
    long seconds = Math.max(0, elapsed.toSeconds());
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  /**
   * Time left, rounded as coarsely as an estimate deserves: {@code a few seconds left} under 10 s,
   * then to 10 s under a minute, to the minute under an hour, and to 5 minutes beyond.
   */
  static String timeLeftText(Duration left) {
    long seconds = Math.max(0, Math.round(left.toMillis() / 1000.0));
    if (seconds < 10) {
      return "a few seconds left";
    }
    if (seconds < 55) {
      return "about " + Math.round(seconds / 10.0) * 10 + " s left";
    }
    long minutes = Math.max(1, Math.round(seconds / 60.0));
    if (minutes < 60) {
      return "about " + minutes + " min left";
    }
    long fiveMinutes = Math.round(seconds / 300.0);
    long hours = fiveMinutes / 12;
    long rest = fiveMinutes % 12 * 5;
    return "about " + hours + " h" + (rest == 0 ? "" : " " + rest + " min") + " left";
  }
}

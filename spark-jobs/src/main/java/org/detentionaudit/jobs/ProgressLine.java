package org.detentionaudit.jobs;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.progress.StageProgress;

/**
 * One console line of an audit's progress: the stage, the rows it has handled, the time elapsed
 * and an estimate of the time left, e.g. {@code [4/8] per-person rules: 4,200,000 of 10,000,000
 * rows, 42 s elapsed, about 1 min left}. A stage that makes several passes over the data (a sort
 * after a scan) names the pass and shows that pass's rows: {@code [4/8] per-person rules, pass 2 of
 * 2: 4,200,000 of 10,000,000 rows, ...}. Once the latest pass has handled all its rows the line
 * says {@code all 10,000,000 rows read}, and {@code finishing} when no later pass is known. Pure:
 * the caller supplies the counts and the time.
 *
 * <p>The estimate assumes the rest of the run goes at the pace of the run so far, with each stage
 * taking its {@linkplain AuditStage#weight() share} of the whole: done = (weights of the stages
 * before + this stage's weight × the share of the stage done) / all weights, and time left =
 * elapsed / done − elapsed. The share of the stage done counts the rows of all its passes ({@link
 * StageProgress#share()}): a stage whose scan has read every row and whose sort has yet to read them
 * is half done. Until loading has counted the input rows there is no basis, and the line says so.
 *
 * @param stage the running stage
 * @param progress the stage's passes and rows so far (see {@link
 *     org.detentionaudit.core.progress.StageRowCounter}); a pass's rows are shown at most as its
 *     expected rows
 * @param inputRows the rows read from all inputs; empty while loading
 * @param elapsed the time since the audit started
 */
record ProgressLine(
    AuditStage stage, StageProgress progress, OptionalLong inputRows, Duration elapsed) {

  /** The line, without a line break. */
  String text() {
    OptionalLong expected = progress.pass() == 0 ? inputRows : progress.passRowsExpected();
    long rowsDone = progress.passRows();
    String rows;
    if (expected.isEmpty()) {
      rows = String.format(Locale.ROOT, "%,d rows read", rowsDone);
    } else if (rowsDone < expected.getAsLong()) {
      rows = String.format(Locale.ROOT, "%,d of %,d rows", rowsDone, expected.getAsLong());
    } else {
      rows =
          String.format(Locale.ROOT, "all %,d rows read", expected.getAsLong())
              + (progress.pass() >= progress.passes() ? ", finishing" : "");
    }
    String pass =
        progress.passes() > 1
            ? String.format(Locale.ROOT, ", pass %d of %d", progress.pass(), progress.passes())
            : "";
    return String.format(
        Locale.ROOT,
        "[%d/%d] %s%s: %s, %s elapsed, %s",
        stage.number(),
        AuditStage.count(),
        stage.label(),
        pass,
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
    double runDone =
        (stage.weightBefore() + stage.weight() * progress.share()) / AuditStage.totalWeight();
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

package org.detentionaudit.jobs;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import org.detentionaudit.core.progress.AuditProgress;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.progress.StageProgress;

/**
 * Prints an audit's progress for a person watching the console: one {@link ProgressLine} when a
 * stage starts, then, while the stage's tasks finish, one at most every {@code minInterval} (also
 * when the row count did not grow: elapsed time and estimate move on, and the person sees that work
 * goes on). Each line starts with the wall-clock time, like the log lines it is interleaved
 * with, and ends with a line break (never a carriage return), so it reads the same in a terminal
 * and in a pipeline's log. Thread-safe: row counts arrive on Spark's listener thread.
 */
final class ConsoleProgress implements AuditProgress {
  /** How often a growing row count may print a line: often enough to see movement, not a flood. */
  static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintWriter console;
  private final Clock clock;
  private final long minIntervalMillis;
  private long startedMillis = -1;
  private long lastLineMillis;
  private AuditStage current;
  private OptionalLong inputRows = OptionalLong.empty();
  private StageProgress progress = StageProgress.NONE;

  /**
   * @param console where the lines go (stderr: stdout carries the summary a pipeline may parse)
   * @param clock the time of the lines, elapsed time and throttling
   * @param minInterval the least time between two lines of one stage
   */
  ConsoleProgress(PrintWriter console, Clock clock, Duration minInterval) {
    this.console = console;
    this.clock = clock;
    this.minIntervalMillis = minInterval.toMillis();
  }

  @Override
  public synchronized void stageStarted(AuditStage stage, OptionalLong inputRows) {
    long now = clock.millis();
    if (startedMillis < 0) {
      startedMillis = now;
    }
    current = stage;
    this.inputRows = inputRows;
    progress = StageProgress.NONE;
    print(now);
  }

  @Override
  public synchronized void stageFinished(AuditStage stage) {
    if (stage == current) {
      current = null; // counts that arrive late for it are not printed
    }
  }

  @Override
  public synchronized void rowsDone(AuditStage stage, StageProgress counted) {
    if (stage != current) {
      return;
    }
    if (counted.rowsDone() >= progress.rowsDone()) {
      progress = counted;
    }
    long now = clock.millis();
    if (now - lastLineMillis >= minIntervalMillis) {
      print(now);
    }
  }

  private void print(long now) {
    ProgressLine line =
        new ProgressLine(current, progress, inputRows, Duration.ofMillis(now - startedMillis));
    console.println(LocalTime.now(clock).format(TIME) + " " + line.text());
    console.flush();
    lastLineMillis = now;
  }
}

package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.detentionaudit.core.progress.AuditStage;
import org.junit.jupiter.api.Test;

/** Which progress lines reach the console, and when, on a clock the test moves by hand. */
class ConsoleProgressTest {

  /** A clock that stands still until the test moves it. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-03-27T04:18:10Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("not needed by the test");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final StringWriter console = new StringWriter();
  private final HandClock clock = new HandClock();
  private final ConsoleProgress progress =
      new ConsoleProgress(new PrintWriter(console), clock, Duration.ofSeconds(5));

  private List<String> lines() {
    return console.toString().lines().toList();
  }

  @Test
  void everyStageStartPrintsALineWithTheTimeOfDay() {
    progress.stageStarted(AuditStage.LOAD, OptionalLong.empty());
    clock.advance(Duration.ofSeconds(1));
    progress.stageFinished(AuditStage.LOAD);
    progress.stageStarted(AuditStage.MEASURE, OptionalLong.of(2500));

    assertThat(lines())
        .containsExactly(
            "04:18:10 [1/8] loading inputs: 0 rows read, 0 s elapsed, estimating time left",
            "04:18:11 [2/8] measuring the dataset: 0 of 2,500 rows, 1 s elapsed, a few seconds left");
  }

  @Test
  void rowCountsPrintAtMostOncePerInterval() {
    progress.stageStarted(AuditStage.LOAD, OptionalLong.empty());
    clock.advance(Duration.ofSeconds(2));
    progress.rowsDone(AuditStage.LOAD, 100); // 2 s after the last line: held back
    clock.advance(Duration.ofSeconds(3));
    progress.rowsDone(AuditStage.LOAD, 200); // 5 s: printed
    clock.advance(Duration.ofSeconds(1));
    progress.rowsDone(AuditStage.LOAD, 300); // 1 s: held back
    clock.advance(Duration.ofSeconds(5));
    progress.rowsDone(AuditStage.LOAD, 300); // no growth, but 5 s: printed, work goes on

    assertThat(lines())
        .extracting(line -> line.substring(9))
        .containsExactly(
            "[1/8] loading inputs: 0 rows read, 0 s elapsed, estimating time left",
            "[1/8] loading inputs: 200 rows read, 5 s elapsed, estimating time left",
            "[1/8] loading inputs: 300 rows read, 11 s elapsed, estimating time left");
  }

  @Test
  void countsOfAFinishedOrOtherStageArePassedOver() {
    progress.stageStarted(AuditStage.LOAD, OptionalLong.empty());
    progress.stageFinished(AuditStage.LOAD);
    clock.advance(Duration.ofSeconds(10));
    progress.rowsDone(AuditStage.LOAD, 2500);
    progress.stageStarted(AuditStage.MEASURE, OptionalLong.of(2500));
    clock.advance(Duration.ofSeconds(10));
    progress.rowsDone(AuditStage.LOAD, 2500);

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(1)).contains("[2/8] measuring the dataset: 0 of 2,500 rows");
  }
}

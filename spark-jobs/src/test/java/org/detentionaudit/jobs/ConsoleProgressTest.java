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
import org.detentionaudit.core.progress.StageProgress;
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

  private static StageProgress loading(long rows) {
    return StageProgress.onePass(rows, OptionalLong.empty());
  }

  private List<String> lines() {
    return console.toString().lines().toList();
  }

  @Test
  void everyStageStartPrintsALineWithTheTimeOfDay() {
    progress.stageStarted(AuditStage.LOAD, OptionalLong.empty());
    clock.advance(Duration.ofSeconds(1));
    progress.stageFinished(AuditStage.LOAD);
    progress.stageStarted(AuditStage.SCAN, OptionalLong.of(2500));

    assertThat(lines())
        .containsExactly(
            "04:18:10 [1/6] loading inputs: 0 rows read, 0 s elapsed, estimating time left",
            "04:18:11 [2/6] scan pass: 0 of 2,500 rows, 1 s elapsed, a few seconds left");
  }

  @Test
  void rowCountsPrintAtMostOncePerInterval() {
    progress.stageStarted(AuditStage.LOAD, OptionalLong.empty());
    clock.advance(Duration.ofSeconds(2));
    progress.rowsDone(AuditStage.LOAD, loading(100)); // 2 s after the last line: held back
    clock.advance(Duration.ofSeconds(3));
    progress.rowsDone(AuditStage.LOAD, loading(200)); // 5 s: printed
    clock.advance(Duration.ofSeconds(1));
    progress.rowsDone(AuditStage.LOAD, loading(300)); // 1 s: held back
    clock.advance(Duration.ofSeconds(5));
    progress.rowsDone(AuditStage.LOAD, loading(300)); // no growth, but 5 s: printed, work goes on

    assertThat(lines())
        .extracting(line -> line.substring(9))
        .containsExactly(
            "[1/6] loading inputs: 0 rows read, 0 s elapsed, estimating time left",
            "[1/6] loading inputs: 200 rows read, 5 s elapsed, estimating time left",
            "[1/6] loading inputs: 300 rows read, 11 s elapsed, estimating time left");
  }

  @Test
  void countsOfAFinishedOrOtherStageArePassedOver() {
    progress.stageStarted(AuditStage.LOAD, OptionalLong.empty());
    progress.stageFinished(AuditStage.LOAD);
    clock.advance(Duration.ofSeconds(10));
    progress.rowsDone(AuditStage.LOAD, loading(2500));
    progress.stageStarted(AuditStage.SCAN, OptionalLong.of(2500));
    clock.advance(Duration.ofSeconds(10));
    progress.rowsDone(AuditStage.LOAD, loading(2500));

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(1)).contains("[2/6] scan pass: 0 of 2,500 rows");
  }

  @Test
  void aStagesSecondPassShowsItsOwnRowsAndKeepsTheEstimateHonest() {
    // Every stage before takes 10 s per unit of weight; this one scans for half its time, then sorts.
    AuditStage stage = AuditStage.values()[1];
    long unit = 10;
    OptionalLong input = OptionalLong.of(1000);
    progress.stageStarted(AuditStage.LOAD, OptionalLong.empty());
    clock.advance(Duration.ofSeconds(unit * stage.weightBefore()));
    progress.stageFinished(AuditStage.LOAD);
    progress.stageStarted(stage, input);
    clock.advance(Duration.ofSeconds(unit * stage.weight()).dividedBy(2));
    // The scan has read every row and written them to the shuffle the sort reads.
    progress.rowsDone(stage, new StageProgress(1, 2, 1000, input, 1000, 2000));
    clock.advance(Duration.ofSeconds(unit * stage.weight()).dividedBy(4));
    progress.rowsDone(stage, new StageProgress(2, 2, 500, input, 1500, 2000));
    // A count that arrives late from the scan does not take the line back.
    progress.rowsDone(stage, new StageProgress(1, 2, 1000, input, 1000, 2000));

    long trulyLeftAtScanEnd = unit * AuditStage.totalWeight() - unit * stage.weightBefore()
        - unit * stage.weight() / 2;
    assertThat(lines()).hasSize(4);
    assertThat(lines().get(2))
        .contains(", pass 1 of 2: all 1,000 rows read, ")
        .endsWith(ProgressLine.timeLeftText(Duration.ofSeconds(trulyLeftAtScanEnd)));
    assertThat(lines().get(3)).contains(", pass 2 of 2: 500 of 1,000 rows, ");
  }
}

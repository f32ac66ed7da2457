package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.OptionalLong;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.progress.StageProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The text of a progress line and its estimate of the time left, without Spark. */
class ProgressLineTest {

  @Test
  void whileLoadingTheRowsAreCountedAndThereIsNoEstimate() {
    ProgressLine line =
        new ProgressLine(
            AuditStage.LOAD,
            StageProgress.onePass(1_234_567, OptionalLong.empty()),
            OptionalLong.empty(),
            Duration.ofSeconds(12));
    assertThat(line.timeLeft()).isEmpty();
    assertThat(line.text())
        .isEqualTo("[1/6] loading inputs: 1,234,567 rows read, 12 s elapsed, estimating time left");
  }

  @Test
  void laterStagesShowRowsOfTheInputAndTimeLeft() {
    ProgressLine line =
        new ProgressLine(
            AuditStage.SORT,
            StageProgress.onePass(4_200_000, OptionalLong.of(10_000_000)),
            OptionalLong.of(10_000_000),
            Duration.ofSeconds(42));
    assertThat(line.text())
        .startsWith("[3/6] sort pass: 4,200,000 of 10,000,000 rows, 42 s elapsed, about ");
  }

  @Test
  void timeLeftIsTheElapsedTimeScaledByTheWeightedShareDone() {
    // The weights before sort pass, plus 40 % of its own, out of all weights.
    double done =
        (AuditStage.SORT.weightBefore() + AuditStage.SORT.weight() * 0.4)
            / AuditStage.totalWeight();
    ProgressLine line =
        new ProgressLine(
            AuditStage.SORT,
            StageProgress.onePass(400, OptionalLong.of(1000)),
            OptionalLong.of(1000),
            Duration.ofSeconds(100));
    assertThat(line.timeLeft())
        .hasValue(Duration.ofMillis(Math.round(100_000 / done - 100_000)));
  }

  @Test
  void aCompleteCountSaysTheStageIsFinishingAndIsNeverShownAboveTheInput() {
    ProgressLine line =
        new ProgressLine(
            AuditStage.SCAN,
            StageProgress.onePass(2_600, OptionalLong.of(2_500)),
            OptionalLong.of(2_500),
            Duration.ofSeconds(75));
    assertThat(line.text())
        .startsWith(
            "[2/6] scan pass: all 2,500 rows read, finishing, 1 min 15 s elapsed, about ");
    ProgressLine exact =
        new ProgressLine(
            AuditStage.SCAN,
            StageProgress.onePass(2_500, OptionalLong.of(2_500)),
            OptionalLong.of(2_500),
            Duration.ofSeconds(75));
    assertThat(line.timeLeft()).isEqualTo(exact.timeLeft());
  }

  @Test
  void theLastStageCompleteLeavesNothing() {
    ProgressLine line =
        new ProgressLine(
            AuditStage.REPORT,
            StageProgress.onePass(10, OptionalLong.of(10)),
            OptionalLong.of(10),
            Duration.ofSeconds(30));
    assertThat(line.timeLeft()).hasValue(Duration.ZERO);
    assertThat(line.text()).endsWith("30 s elapsed, a few seconds left");
  }

  /**
   * A run that goes at one pace throughout, each stage taking exactly its weight's share of the
   * time, 10 s per unit of weight; the stage has two passes over the same rows, a scan then a sort,
   * each taking half its time. When the scan ends, the time truly left is the sort's half of the
   * stage and every later stage, and the estimate must say so.
   */
  @ParameterizedTest
  @EnumSource(
      value = AuditStage.class,
      names = {"LOAD"},
      mode = EnumSource.Mode.EXCLUDE) // no estimate while loading
  void theEstimateCountsTheRowsTheStagesLaterPassStillHasToRead(AuditStage stage) {
    long unit = 10_000; // ms per unit of weight
    long scanEnded = unit * stage.weightBefore() + unit * stage.weight() / 2;
    Duration trulyLeft = Duration.ofMillis(unit * AuditStage.totalWeight() - scanEnded);
    OptionalLong input = OptionalLong.of(1_000_000);

    ProgressLine line =
        new ProgressLine(
            stage,
            new StageProgress(1, 2, 1_000_000, input, 1_000_000, 2_000_000),
            input,
            Duration.ofMillis(scanEnded));
    assertThat(line.timeLeft().orElseThrow().toMillis()).isCloseTo(trulyLeft.toMillis(), within(1L));
    assertThat(line.text())
        .startsWith(
            "["
                + stage.number()
                + "/6] "
                + stage.label()
                + ", pass 1 of 2: all 1,000,000 rows read, ");

    // The count of the furthest pass alone, as the stage was counted before: the stage looked done.
    ProgressLine furthestPass =
        new ProgressLine(
            stage, StageProgress.onePass(1_000_000, input), input, Duration.ofMillis(scanEnded));
    assertThat(furthestPass.timeLeft().orElseThrow()).isLessThan(trulyLeft);
    assertThat(furthestPass.text()).contains("all 1,000,000 rows read, finishing");

    // Halfway through the sort, three quarters of the stage are done.
    long sortHalfway = scanEnded + unit * stage.weight() / 4;
    ProgressLine sorting =
        new ProgressLine(
            stage,
            new StageProgress(2, 2, 500_000, input, 1_500_000, 2_000_000),
            input,
            Duration.ofMillis(sortHalfway));
    assertThat(sorting.timeLeft().orElseThrow().toMillis())
        .isCloseTo(unit * AuditStage.totalWeight() - sortHalfway, within(1L));
    assertThat(sorting.text()).contains(", pass 2 of 2: 500,000 of 1,000,000 rows, ");
  }

  @Test
  void aStageWhoseLaterPassIsUnderwaySaysFinishingOnlyAtItsLastPass() {
    OptionalLong input = OptionalLong.of(2_500);
    StageProgress lastPassDone = new StageProgress(2, 2, 2_500, input, 5_000, 5_000);
    assertThat(
            new ProgressLine(AuditStage.SCAN, lastPassDone, input, Duration.ofSeconds(3)).text())
        .startsWith(
            "[2/6] scan pass, pass 2 of 2: all 2,500 rows read, finishing, 3 s elapsed");
    assertThat(
            new ProgressLine(AuditStage.SCAN, StageProgress.NONE, input, Duration.ofSeconds(3))
                .text())
        .startsWith("[2/6] scan pass: 0 of 2,500 rows, 3 s elapsed");
  }

  @ParameterizedTest
  @CsvSource({"0, 0 s", "59, 59 s", "60, 1 min 0 s", "185, 3 min 5 s", "3720, 1 h 2 min"})
  void elapsedTime(long seconds, String text) {
    assertThat(ProgressLine.elapsedText(Duration.ofSeconds(seconds))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "0, a few seconds left",
    "9, a few seconds left",
    "10, about 10 s left",
    "42, about 40 s left",
    "54, about 50 s left",
    "55, about 1 min left",
    "89, about 1 min left",
    "90, about 2 min left",
    "3540, about 59 min left",
    "3570, about 1 h left",
    "4800, about 1 h 20 min left",
    "7260, about 2 h left"
  })
  void timeLeftIsRoundedAsCoarselyAsAnEstimateDeserves(long seconds, String text) {
    assertThat(ProgressLine.timeLeftText(Duration.ofSeconds(seconds))).isEqualTo(text);
  }
}

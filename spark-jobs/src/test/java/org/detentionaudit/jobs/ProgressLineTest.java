package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.detentionaudit.core.progress.AuditStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text of a progress line and its estimate of the time left, without Spark. */
class ProgressLineTest {

  @Test
  void whileLoadingTheRowsAreCountedAndThereIsNoEstimate() {
    ProgressLine line =
        new ProgressLine(AuditStage.LOAD, 1_234_567, OptionalLong.empty(), Duration.ofSeconds(12));
    assertThat(line.timeLeft()).isEmpty();
    assertThat(line.text())
        .isEqualTo("[1/8] loading inputs: 1,234,567 rows read, 12 s elapsed, estimating time left");
  }

  @Test
  void laterStagesShowRowsOfTheInputAndTimeLeft() {
    ProgressLine line =
        new ProgressLine(
            AuditStage.PERSON_RULES, 4_200_000, OptionalLong.of(10_000_000), Duration.ofSeconds(42));
    assertThat(line.text())
        .startsWith("[4/8] per-person rules: 4,200,000 of 10,000,000 rows, 42 s elapsed, about ");
  }

  @Test
  void timeLeftIsTheElapsedTimeScaledByTheWeightedShareDone() {
    // The weights before per-person rules, plus 40 % of its own, out of all weights.
    double done =
        (AuditStage.PERSON_RULES.weightBefore() + AuditStage.PERSON_RULES.weight() * 0.4)
            / AuditStage.totalWeight();
    ProgressLine line =
        new ProgressLine(AuditStage.PERSON_RULES, 400, OptionalLong.of(1000), Duration.ofSeconds(100));
    assertThat(line.timeLeft())
        .hasValue(Duration.ofMillis(Math.round(100_000 / done - 100_000)));
  }

  @Test
  void aCompleteCountSaysTheStageIsFinishingAndIsNeverShownAboveTheInput() {
    ProgressLine line =
        new ProgressLine(AuditStage.MEASURE, 2_600, OptionalLong.of(2_500), Duration.ofSeconds(75));
    assertThat(line.text())
        .startsWith(
            "[2/8] measuring the dataset: all 2,500 rows read, finishing, 1 min 15 s elapsed, about ");
    ProgressLine exact =
        new ProgressLine(AuditStage.MEASURE, 2_500, OptionalLong.of(2_500), Duration.ofSeconds(75));
    assertThat(line.timeLeft()).isEqualTo(exact.timeLeft());
  }

  @Test
  void theLastStageCompleteLeavesNothing() {
    ProgressLine line =
        new ProgressLine(AuditStage.REPORT, 10, OptionalLong.of(10), Duration.ofSeconds(30));
    assertThat(line.timeLeft()).hasValue(Duration.ZERO);
    assertThat(line.text()).endsWith("30 s elapsed, a few seconds left");
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

package org.detentionaudit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stage model and its announcer, without Spark. */
class StageTrackerTest {

  @Test
  void stagesAreNumberedFromOneInRunOrder() {
    assertThat(AuditStage.count()).isEqualTo(6);
    assertThat(Arrays.stream(AuditStage.values()).map(AuditStage::number))
        .containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(AuditStage.LOAD.weightBefore()).isZero();
    assertThat(AuditStage.SCAN.weightBefore()).isEqualTo(AuditStage.LOAD.weight());
    assertThat(AuditStage.totalWeight())
        .isEqualTo(Arrays.stream(AuditStage.values()).mapToInt(AuditStage::weight).sum());
  }

  @Test
  void beginningAStageFinishesTheOpenOneAndEndIsIdempotent() {
    RecordingProgress progress = new RecordingProgress();
    StageTracker stages = new StageTracker(progress);
    stages.begin(AuditStage.LOAD);
    stages.inputRows(2500);
    stages.begin(AuditStage.SCAN);
    stages.end();
    stages.end();

    assertThat(progress.stages)
        .containsExactly(
            "start 1/6 LOAD rows=unknown",
            "finish LOAD",
            "start 2/6 SCAN rows=2500",
            "finish SCAN");
  }
}

package org.detentionaudit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * How a stage's passes are counted, from hand-made Spark stage and task events: a later pass's
 * rows are work still to do, not work done.
 */
class StagePassesTest {
  private static final int SCAN = 1;
  private static final int SORT = 2;

  private static StageProgress progress(int pass, int passes, long rows, long of, long done, long all) {
    return new StageProgress(pass, passes, rows, OptionalLong.of(of), done, all);
  }

  @Test
  void aSortAfterAScanIsHalfTheStageWhenTheScanEnds() {
    StagePasses stage = new StagePasses(OptionalLong.of(1000));
    stage.submitted(SCAN, 4, false);
    assertThat(stage.progress()).isEqualTo(progress(1, 1, 0, 1000, 0, 1000));

    // The map side: each task reads 250 rows and writes them all to the shuffle.
    stage.taskEnded(SCAN, 250, 0, 250);
    // From its first task on, the 1,000 rows it will write are the sort's to read.
    assertThat(stage.progress()).isEqualTo(progress(1, 2, 250, 1000, 250, 2000));
    for (int task = 2; task <= 4; task++) {
      stage.taskEnded(SCAN, 250, 0, 250);
    }
    stage.completed(SCAN);
    StageProgress scanned = stage.progress();
    assertThat(scanned).isEqualTo(progress(1, 2, 1000, 1000, 1000, 2000));
    // Counting the furthest pass alone, as before, the stage was done here: 1,000 of 1,000 rows.
    assertThat(scanned.share()).isEqualTo(0.5);

    // The reduce side reads what the map side wrote.
    stage.submitted(SORT, 8, true);
    assertThat(stage.progress()).isEqualTo(progress(2, 2, 0, 1000, 1000, 2000));
    for (int task = 1; task <= 4; task++) {
      stage.taskEnded(SORT, 1300, 125, 0); // its window makes more rows than it reads: not counted
    }
    assertThat(stage.progress()).isEqualTo(progress(2, 2, 500, 1000, 1500, 2000));
    assertThat(stage.progress().share()).isEqualTo(0.75);
    for (int task = 5; task <= 8; task++) {
      stage.taskEnded(SORT, 1300, 125, 0);
    }
    stage.completed(SORT);
    assertThat(stage.progress()).isEqualTo(progress(2, 2, 1000, 1000, 2000, 2000));
    assertThat(stage.progress().share()).isEqualTo(1.0);
  }

  @Test
  void aSecondScanIsKnownOnlyWhenItStarts() {
    StagePasses stage = new StagePasses(OptionalLong.of(1000));
    stage.submitted(SCAN, 2, false);
    stage.taskEnded(SCAN, 500, 0, 0);
    stage.taskEnded(SCAN, 500, 0, 0);
    stage.completed(SCAN);
    assertThat(stage.progress()).isEqualTo(progress(1, 1, 1000, 1000, 1000, 1000));

    stage.submitted(3, 2, false);
    assertThat(stage.progress()).isEqualTo(progress(2, 2, 0, 1000, 1000, 2000));
    stage.taskEnded(3, 500, 0, 0);
    assertThat(stage.progress().share()).isEqualTo(0.75);
  }

  @Test
  void theMergeOfAnAggregatesPartialResultsIsWorkButNotAPass() {
    StagePasses stage = new StagePasses(OptionalLong.of(1000));
    stage.submitted(SCAN, 4, false);
    for (int task = 1; task <= 4; task++) {
      stage.taskEnded(SCAN, 250, 0, 1); // one partial count per task
    }
    stage.completed(SCAN);
    assertThat(stage.progress()).isEqualTo(progress(1, 1, 1000, 1000, 1000, 1004));

    stage.submitted(SORT, 1, true);
    stage.taskEnded(SORT, 1, 4, 0);
    stage.completed(SORT);
    assertThat(stage.progress()).isEqualTo(progress(1, 1, 1000, 1000, 1004, 1004));
  }

  @Test
  void aShuffleWrittenByAnEarlierStageIsReadWithoutAKnownTotal() {
    StagePasses stage = new StagePasses(OptionalLong.of(1000));
    stage.submitted(SORT, 2, true);
    stage.taskEnded(SORT, 600, 600, 0);
    assertThat(stage.progress()).isEqualTo(progress(1, 1, 600, 600, 600, 600));
  }

  @Test
  void whileLoadingAScanHasNoExpectedRows() {
    StagePasses stage = new StagePasses(OptionalLong.empty());
    stage.submitted(SCAN, 3, false);
    stage.taskEnded(SCAN, 700, 0, 0);
    assertThat(stage.progress())
        .isEqualTo(new StageProgress(1, 1, 700, OptionalLong.empty(), 700, 700));
  }

  @Test
  void aRetriedStageKeepsWhatItsFirstAttemptCounted() {
    StagePasses stage = new StagePasses(OptionalLong.of(1000));
    stage.submitted(SCAN, 2, false);
    stage.taskEnded(SCAN, 500, 0, 0);
    stage.submitted(SCAN, 1, false); // the second attempt runs the task that failed
    stage.taskEnded(SCAN, 500, 0, 0);
    stage.completed(SCAN);
    assertThat(stage.progress()).isEqualTo(progress(1, 1, 1000, 1000, 1000, 1000));
    assertThat(stage.has(SCAN)).isTrue();
    assertThat(stage.has(SORT)).isFalse();
  }

  @Test
  void nothingSubmittedIsNothingDone() {
    StagePasses stage = new StagePasses(OptionalLong.of(1000));
    assertThat(stage.progress()).isEqualTo(new StageProgress(0, 0, 0, OptionalLong.of(1000), 0, 0));
    assertThat(stage.progress().share()).isZero();
  }
}

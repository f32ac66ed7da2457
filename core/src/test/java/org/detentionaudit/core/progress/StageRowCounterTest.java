package org.detentionaudit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The counter counts rows, not cached batches, for the stage whose jobs they are, and passes
 * every announcement on.
 */
@ExtendWith(SharedSpark.class)
class StageRowCounterTest {

  @Test
  void countsTheRowsOfACachedScanForTheStageThatRanIt(SparkSession spark) throws Exception {
    Dataset<Row> cached = spark.range(0, 1000, 1, 4).toDF("id").persist();
    cached.count(); // materialized outside any stage: not counted
    RecordingProgress next = new RecordingProgress();
    try (StageRowCounter counter = StageRowCounter.attach(spark, next)) {
      counter.stageStarted(AuditStage.MEASURE, OptionalLong.of(1000));
      long even = cached.filter("id % 2 = 0").count();
      counter.stageFinished(AuditStage.MEASURE);
      cached.filter("id % 3 = 0").count(); // after the stage: not counted
      spark.sparkContext().listenerBus().waitUntilEmpty();

      assertThat(even).isEqualTo(500);
      assertThat(counter.rows(AuditStage.MEASURE)).isEqualTo(1000);
      assertThat(counter.rows(AuditStage.LOAD)).isZero();
      assertThat(next.rows).isNotEmpty().allMatch(line -> line.startsWith("MEASURE "));
      assertThat(next.rows).last().isEqualTo("MEASURE 1000");
      assertThat(next.stages).containsExactly("start 2/8 MEASURE rows=1000", "finish MEASURE");
    } finally {
      cached.unpersist();
    }
  }

  @Test
  void aStageStartedAgainCountsAfresh(SparkSession spark) throws Exception {
    Dataset<Row> data = spark.range(0, 200, 1, 2).toDF("id");
    try (StageRowCounter counter = StageRowCounter.attach(spark, AuditProgress.NONE)) {
      counter.stageStarted(AuditStage.PROFILE, OptionalLong.of(200));
      data.count();
      counter.stageFinished(AuditStage.PROFILE);
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertThat(counter.rows(AuditStage.PROFILE)).isEqualTo(200);

      counter.stageStarted(AuditStage.PROFILE, OptionalLong.of(200));
      assertThat(counter.rows(AuditStage.PROFILE)).isZero();
      counter.stageFinished(AuditStage.PROFILE);
    }
  }
}

package org.detentionaudit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
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
      counter.stageStarted(AuditStage.SCAN, OptionalLong.of(1000));
      long even = cached.filter("id % 2 = 0").count();
      counter.stageFinished(AuditStage.SCAN);
      cached.filter("id % 3 = 0").count(); // after the stage: not counted
      spark.sparkContext().listenerBus().waitUntilEmpty();

      assertThat(even).isEqualTo(500);
      StageProgress measured = counter.progress(AuditStage.SCAN);
      assertThat(measured.passRows()).isEqualTo(1000);
      // The merge of the four partial counts is work, not a pass over the data.
      assertThat(measured.passes()).isEqualTo(1);
      assertThat(measured.rowsDone()).isEqualTo(measured.rowsExpected());
      assertThat(counter.progress(AuditStage.LOAD)).isEqualTo(StageProgress.NONE);
      assertThat(next.rows).isNotEmpty().allMatch(line -> line.startsWith("SCAN "));
      assertThat(next.latest.get(AuditStage.SCAN)).isEqualTo(measured);
      assertThat(next.stages).containsExactly("start 2/6 SCAN rows=1000", "finish SCAN");
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
      assertThat(counter.progress(AuditStage.PROFILE).passRows()).isEqualTo(200);

      counter.stageStarted(AuditStage.PROFILE, OptionalLong.of(200));
      assertThat(counter.progress(AuditStage.PROFILE).rowsDone()).isZero();
      counter.stageFinished(AuditStage.PROFILE);
    }
  }

  @Test
  void aSortAfterAScanCountsTheRowsTheSortStillHasToRead(SparkSession spark) throws Exception {
    Dataset<Row> data = spark.range(0, 10_000, 1, 4).toDF("id");
    RecordingProgress next = new RecordingProgress();
    try (StageRowCounter counter = StageRowCounter.attach(spark, next)) {
      counter.stageStarted(AuditStage.SORT, OptionalLong.of(10_000));
      // A scan whose rows go to a shuffle, then a sort of them: two passes over the data.
      long sorted =
          data.repartition(8, functions.col("id")).sortWithinPartitions("id").toJavaRDD().count();
      counter.stageFinished(AuditStage.SORT);
      spark.sparkContext().listenerBus().waitUntilEmpty();

      assertThat(sorted).isEqualTo(10_000);
      StageProgress done = counter.progress(AuditStage.SORT);
      assertThat(done.passes()).isEqualTo(2);
      assertThat(done.pass()).isEqualTo(2);
      assertThat(done.passRows()).isEqualTo(10_000);
      assertThat(done.rowsDone()).isEqualTo(20_000);
      assertThat(done.share()).isEqualTo(1.0);
      // When the scan had read every row, the stage was half done, with the sort announced.
      assertThat(next.rows)
          .contains("SORT pass 1/2 10000 of 10000, all 10000/20000")
          .filteredOn(line -> line.contains(" pass 1/"))
          .allMatch(line -> line.endsWith("/20000"));
    }
  }
}

package org.detentionaudit.core.progress;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.JavaConverters;

/**
 * The rows one finished Spark task handled. Besides the Deequ adapter, the one place that sees
 * Scala types: Spark hands a task's SQL metrics to listeners only as a Scala sequence.
 */
final class TaskRows {
  /** The name Spark SQL gives every operator's row count. */
  static final String OUTPUT_ROWS = "number of output rows";

  private TaskRows() {}

  /**
   * The largest "number of output rows" of the task's SQL operators; for a task without them, the
   * records it read from input and shuffle; 0 when the task reported no metrics.
   */
  static long handled(SparkListenerTaskEnd taskEnd) {
    long most = 0;
    for (AccumulableInfo info : JavaConverters.seqAsJavaList(taskEnd.taskInfo().accumulables())) {
      if (info.name().isDefined()
          && OUTPUT_ROWS.equals(info.name().get())
          && info.update().isDefined()
          && info.update().get() instanceof Number rows) {
        most = Math.max(most, rows.longValue());
      }
    }
    if (most > 0) {
      return most;
    }
    TaskMetrics metrics = taskEnd.taskMetrics();
    return metrics == null
        ? 0
        : metrics.inputMetrics().recordsRead() + metrics.shuffleReadMetrics().recordsRead();
  }

  /** The records the task read from shuffles; 0 when it reported no metrics. */
  static long shuffleRead(SparkListenerTaskEnd taskEnd) {
    TaskMetrics metrics = taskEnd.taskMetrics();
    return metrics == null ? 0 : metrics.shuffleReadMetrics().recordsRead();
  }

  /** The records the task wrote to a shuffle, for a later pass to read; 0 without metrics. */
  static long shuffleWritten(SparkListenerTaskEnd taskEnd) {
    TaskMetrics metrics = taskEnd.taskMetrics();
    return metrics == null ? 0 : metrics.shuffleWriteMetrics().recordsWritten();
  }
}

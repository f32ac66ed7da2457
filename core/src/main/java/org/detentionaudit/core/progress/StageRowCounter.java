package org.detentionaudit.core.progress;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the rows each audit stage has handled, from the metrics of Spark's finished tasks, and
 * passes stage announcements and counts on to another {@link AuditProgress}.
 *
 * <p>Use it as the audit's progress for one run: {@link #attach} registers it on the session's
 * SparkContext, {@link #close()} removes it. When a stage starts it tags the Spark jobs that the
 * audit's thread submits from then on with the stage (a local property of the SparkContext), so
 * rows are counted for the stage whose work they are, even when Spark's listener thread reports
 * them late; jobs of other threads or of other code are not counted.
 *
 * <p>What "rows" means: a task handled as many rows as the largest "number of output rows" any of
 * its SQL operators reports (for a pass over the data, the rows its scan read), or, for a task
 * without SQL metrics, the records it read from input and shuffle. Spark's plain {@code
 * recordsRead} metric is not used for SQL tasks because a scan of cached data counts cached
 * batches there, not rows. A stage usually makes several passes over the data (a scan, then a
 * shuffle and sort); its count is the most rows any one pass has handled so far, so it never
 * decreases, and it reaches the input rows before a stage's last pass ends. It is passed on after
 * every finished task of the stage, grown or not, so a caller can tell that work goes on.
 */
public final class StageRowCounter extends SparkListener implements AuditProgress, AutoCloseable {
  /** The SparkContext local property that names the audit stage a job belongs to. */
  static final String STAGE_PROPERTY = "detention.audit.stage";

  private final SparkContext context;
  private final AuditProgress next;
  // Written by the audit's thread (stage starts) and Spark's listener thread (tasks): guarded by this.
  private final Map<Integer, AuditStage> auditStageOfSparkStage = new HashMap<>();
  private final Map<Integer, Long> rowsOfSparkStage = new HashMap<>();
  private final Map<AuditStage, Long> rowsOfAuditStage = new EnumMap<>(AuditStage.class);

  private StageRowCounter(SparkContext context, AuditProgress next) {
    this.context = context;
    this.next = next;
  }

  /**
   * Registers a counter on the session's SparkContext that passes everything on to {@code next}.
   * Close it when the run is over.
   */
  public static StageRowCounter attach(SparkSession spark, AuditProgress next) {
    StageRowCounter counter =
        new StageRowCounter(spark.sparkContext(), Objects.requireNonNull(next, "next"));
    spark.sparkContext().addSparkListener(counter);
    return counter;
  }

  /** The rows counted so far for {@code stage} in its latest run; 0 before any task ended. */
  public synchronized long rows(AuditStage stage) {
    return rowsOfAuditStage.getOrDefault(stage, 0L);
  }

  @Override
  public void stageStarted(AuditStage stage, OptionalLong inputRows) {
    synchronized (this) {
      rowsOfAuditStage.remove(stage);
    }
    context.setLocalProperty(STAGE_PROPERTY, stage.name());
    next.stageStarted(stage, inputRows);
  }

  @Override
  public void stageFinished(AuditStage stage) {
    context.setLocalProperty(STAGE_PROPERTY, null);
    next.stageFinished(stage);
  }

  @Override
  public void rowsDone(AuditStage stage, long rows) {
    next.rowsDone(stage, rows);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    Properties properties = submitted.properties();
    String name = properties == null ? null : properties.getProperty(STAGE_PROPERTY);
    if (name == null) {
      return;
    }
    for (AuditStage stage : AuditStage.values()) {
      if (stage.name().equals(name)) {
        synchronized (this) {
          auditStageOfSparkStage.put(submitted.stageInfo().stageId(), stage);
        }
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.taskInfo() == null || !taskEnd.taskInfo().successful()) {
      return; // a failed task's rows are read again by its retry
    }
    AuditStage stage;
    long stageRows;
    synchronized (this) {
      stage = auditStageOfSparkStage.get(taskEnd.stageId());
      if (stage == null) {
        return;
      }
      long passRows = rowsOfSparkStage.merge(taskEnd.stageId(), TaskRows.handled(taskEnd), Long::sum);
      stageRows = Math.max(passRows, rowsOfAuditStage.getOrDefault(stage, 0L));
      rowsOfAuditStage.put(stage, stageRows);
    }
    // Also when the count did not grow: a later pass is working, and the caller may say so.
    next.rowsDone(stage, stageRows);
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
    int id = completed.stageInfo().stageId();
    auditStageOfSparkStage.remove(id);
    rowsOfSparkStage.remove(id);
  }

  /** Removes the listener and the stage tag of the calling thread. */
  @Override
  public void close() {
    context.setLocalProperty(STAGE_PROPERTY, null);
    context.removeSparkListener(this);
  }
}

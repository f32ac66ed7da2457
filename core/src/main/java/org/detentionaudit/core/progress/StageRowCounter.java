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
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the rows each audit stage has handled, pass by pass, from the metrics of Spark's finished
 * tasks, and passes stage announcements and counts on to another {@link AuditProgress}.
 *
 * <p>Use it as the audit's progress for one run: {@link #attach} registers it on the session's
 * SparkContext, {@link #close()} removes it. When a stage starts it tags the Spark jobs that the
 * audit's thread submits from then on with the stage (a local property of the SparkContext), so
 * rows are counted for the stage whose work they are, even when Spark's listener thread reports
 * them late; jobs of other threads or of other code are not counted.
 *
 * <p>What "rows" means: each Spark stage of an audit stage is a pass over the data ({@link
 * StagePasses}). A scan handled as many rows as the largest "number of output rows" any of its SQL
 * operators reports (the rows it read), or, for a task without SQL metrics, the records it read
 * from input and shuffle; Spark's plain {@code recordsRead} metric is not used for SQL tasks because
 * a scan of cached data counts cached batches there, not rows. A pass reading a shuffle handled the
 * records it read from it, and is expected to read what the earlier passes wrote to it. The stage's
 * count ({@link StageProgress}) sums its passes, and counts the rows written to a shuffle as work
 * still to do, so a stage that scans then sorts is half done, not done, when its scan ends. It is
 * passed on after every finished task of the stage, grown or not, so a caller can tell that work
 * goes on.
 */
public final class StageRowCounter extends SparkListener implements AuditProgress, AutoCloseable {
  /** The SparkContext local property that names the audit stage a job belongs to. */
  static final String STAGE_PROPERTY = "detention.audit.stage";

  private final SparkContext context;
  private final AuditProgress next;
  // Written by the audit's thread (stage starts) and Spark's listener thread (tasks): guarded by this.
  /** The latest run of each audit stage. */
  private final Map<AuditStage, StagePasses> passesOfAuditStage = new EnumMap<>(AuditStage.class);
  /** The run of an audit stage each running Spark stage belongs to. */
  private final Map<Integer, StagePasses> passesOfSparkStage = new HashMap<>();
  private final Map<StagePasses, AuditStage> auditStageOf = new HashMap<>();

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

  /**
   * How far {@code stage} has got in its latest run, from the tasks finished so far; {@link
   * StageProgress#NONE} before it started.
   */
  public synchronized StageProgress progress(AuditStage stage) {
    StagePasses passes = passesOfAuditStage.get(stage);
    return passes == null ? StageProgress.NONE : passes.progress();
  }

  @Override
  public void stageStarted(AuditStage stage, OptionalLong inputRows) {
    synchronized (this) {
      StagePasses passes = new StagePasses(inputRows);
      StagePasses earlier = passesOfAuditStage.put(stage, passes);
      if (earlier != null) {
        auditStageOf.remove(earlier);
      }
      auditStageOf.put(passes, stage);
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
  public void rowsDone(AuditStage stage, StageProgress progress) {
    next.rowsDone(stage, progress);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    Properties properties = submitted.properties();
    String name = properties == null ? null : properties.getProperty(STAGE_PROPERTY);
    if (name == null) {
      return;
    }
    StageInfo info = submitted.stageInfo();
    for (AuditStage stage : AuditStage.values()) {
      if (stage.name().equals(name)) {
        synchronized (this) {
          StagePasses passes = passesOfAuditStage.get(stage);
          if (passes != null) {
            passes.submitted(info.stageId(), info.numTasks(), !info.parentIds().isEmpty());
            passesOfSparkStage.put(info.stageId(), passes);
          }
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
    StageProgress progress;
    synchronized (this) {
      StagePasses passes = passesOfSparkStage.get(taskEnd.stageId());
      stage = passes == null ? null : auditStageOf.get(passes);
      if (stage == null) {
        return;
      }
      passes.taskEnded(
          taskEnd.stageId(),
          TaskRows.handled(taskEnd),
          TaskRows.shuffleRead(taskEnd),
          TaskRows.shuffleWritten(taskEnd));
      progress = passes.progress();
    }
    // Also when the count did not grow: a later pass is working, and the caller may say so.
    next.rowsDone(stage, progress);
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo info = completed.stageInfo();
    StagePasses passes = passesOfSparkStage.remove(info.stageId());
    if (passes != null && info.failureReason().isEmpty()) {
      passes.completed(info.stageId());
    }
  }

  /** Removes the listener and the stage tag of the calling thread. */
  @Override
  public void close() {
    context.setLocalProperty(STAGE_PROPERTY, null);
    context.removeSparkListener(this);
  }
}

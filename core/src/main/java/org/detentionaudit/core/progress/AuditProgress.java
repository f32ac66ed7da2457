package org.detentionaudit.core.progress;

import java.util.OptionalLong;

/**
 * Hears how far an audit has got. Set it with {@link
 * org.detentionaudit.core.DetentionAudit#progress(AuditProgress)}; the default, {@link #NONE},
 * ignores everything.
 *
 * <p>An audit announces its stages in the order of {@link AuditStage} when the caller runs it and
 * then writes it; each started stage is finished before the next starts, and a stage that fails is
 * never finished. {@code stageStarted} and {@code stageFinished} come from the thread that runs the
 * audit; {@code rowsDone} comes from whatever thread counts rows (Spark's listener thread for
 * {@link StageRowCounter}), so an implementation that keeps state must be thread-safe.
 * Implementations must return quickly and not throw: the audit waits for them.
 */
public interface AuditProgress {

  /** Ignores every announcement. */
  AuditProgress NONE =
      new AuditProgress() {
        @Override
        public void stageStarted(AuditStage stage, OptionalLong inputRows) {}

        @Override
        public void stageFinished(AuditStage stage) {}
      };

  /**
   * A stage begins.
   *
   * @param inputRows the rows read from all inputs (loaded plus quarantined); empty during {@link
   *     AuditStage#LOAD}, which counts them
   */
  void stageStarted(AuditStage stage, OptionalLong inputRows);

  /** The stage ended without error. */
  void stageFinished(AuditStage stage);

  /**
   * A row counter's latest count for a stage (see {@link StageRowCounter}): the passes over the
   * data it has made or is known to make next, the rows of the latest one, and the rows summed over
   * all of them, done and expected. Sent as the stage's tasks finish, also when it did not grow.
   * Its rows done never decrease within a stage; its rows expected may grow as passes become known.
   * Counts are delivered late: one may arrive after its stage finished. Ignored by default.
   */
  default void rowsDone(AuditStage stage, StageProgress progress) {}
}

package org.detentionaudit.core.progress;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Announces the stages of one audit to an {@link AuditProgress}: starting a stage first finishes
 * the open one, so the audit's code names each stage once where it begins, and the input row count
 * is remembered from the moment loading has counted it. Used by the thread that runs the audit.
 */
public final class StageTracker {
  private final AuditProgress progress;
  private AuditStage open;
  private OptionalLong inputRows = OptionalLong.empty();

  public StageTracker(AuditProgress progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** Records the rows read from all inputs, announced with every stage started from now on. */
  public void inputRows(long rows) {
    this.inputRows = OptionalLong.of(rows);
  }

  /** Finishes the open stage, if any, and starts {@code stage}. */
  public void begin(AuditStage stage) {
    end();
    open = Objects.requireNonNull(stage, "stage");
    progress.stageStarted(stage, inputRows);
  }

  /** Finishes the open stage; does nothing when none is open. */
  public void end() {
    if (open != null) {
      AuditStage finished = open;
      open = null;
      progress.stageFinished(finished);
    }
  }
}

package org.detentionaudit.core.progress;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every announcement as a line of text, e.g. {@code start 2/6 SCAN rows=2500}. */
final class RecordingProgress implements AuditProgress {
  final List<String> stages = new CopyOnWriteArrayList<>();
  /** Each count as {@code SCAN pass 1/1 1000 of 1000, all 1004/1004}. */
  final List<String> rows = new CopyOnWriteArrayList<>();
  final Map<AuditStage, StageProgress> latest = new ConcurrentHashMap<>();

  @Override
  public void stageStarted(AuditStage stage, OptionalLong inputRows) {
    stages.add(
        "start "
            + stage.number()
            + "/"
            + AuditStage.count()
            + " "
            + stage
            + " rows="
            + (inputRows.isPresent() ? Long.toString(inputRows.getAsLong()) : "unknown"));
  }

  @Override
  public void stageFinished(AuditStage stage) {
    stages.add("finish " + stage);
  }

  @Override
  public void rowsDone(AuditStage stage, StageProgress progress) {
    rows.add(
        stage
            + " pass "
            + progress.pass()
            + "/"
            + progress.passes()
            + " "
            + progress.passRows()
            + " of "
            + (progress.passRowsExpected().isPresent()
                ? Long.toString(progress.passRowsExpected().getAsLong())
                : "unknown")
            + ", all "
            + progress.rowsDone()
            + "/"
            + progress.rowsExpected());
    latest.put(stage, progress);
  }
}

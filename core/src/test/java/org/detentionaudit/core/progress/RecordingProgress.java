package org.detentionaudit.core.progress;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every announcement as a line of text, e.g. {@code start 2/8 MEASURE rows=2500}. */
final class RecordingProgress implements AuditProgress {
  final List<String> stages = new CopyOnWriteArrayList<>();
  final List<String> rows = new CopyOnWriteArrayList<>();

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
  public void rowsDone(AuditStage stage, long count) {
    rows.add(stage + " " + count);
  }
}

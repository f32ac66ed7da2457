package org.detentionaudit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A run and a write of the bundled sample announce every stage once, in order, with the rows. */
@ExtendWith(SharedSpark.class)
class AuditProgressTest {
  private static final Path SAMPLE =
      Path.of("..", "sample-data", "samples", "ddp-2025", "ddp-2025.csv");

  @Test
  void runAndWriteAnnounceEveryStageInOrder(SparkSession spark) throws IOException {
    RecordingProgress progress = new RecordingProgress();
    Path output = Files.createTempDirectory("audit-progress").resolve("out");
    long rowsRead;
    try (AuditResult result =
        DetentionAudit.on(spark).input(SAMPLE.toString()).progress(progress).run()) {
      assertThat(progress.stages).last().isEqualTo("finish SORT");
      result.write(output.toString(), false);
      rowsRead = result.runSummary().rowsRead();
    }

    assertThat(rowsRead).isEqualTo(2500);
    List<String> expected = new ArrayList<>();
    for (AuditStage stage : AuditStage.values()) {
      String rows = stage == AuditStage.LOAD ? "unknown" : Long.toString(rowsRead);
      expected.add("start " + stage.number() + "/6 " + stage + " rows=" + rows);
      expected.add("finish " + stage);
    }
    assertThat(progress.stages).containsExactlyElementsOf(expected);
  }

  @Test
  void aProgressIsOptional(SparkSession spark) {
    try (AuditResult result = DetentionAudit.on(spark).input(SAMPLE.toString()).run()) {
      assertThat(result.runSummary().rowsRead()).isEqualTo(2500);
    }
  }
}

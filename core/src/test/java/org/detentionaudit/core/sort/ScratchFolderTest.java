package org.detentionaudit.core.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A library run without an output folder leaves no scratch findings behind once closed. */
@ExtendWith(SharedSpark.class)
class ScratchFolderTest {

  @Test
  void closingTheResultRemovesTheScratchFindings(SparkSession spark, @TempDir Path dir) throws Exception {
    Path input = dir.resolve("in.csv");
    Files.write(
        input,
        List.of(
            "Unique Identifier,Stay Book In Date Time,Book In Date Time,Book Out Date Time,Stay Book Out Date Time,Detention Facility Code,Detention Facility,Detention Release Reason,Stay Release Reason",
            "A1,2024-01-01 10:00:00,2024-01-01 10:00:00,2024-01-02 10:00:00,2024-01-02 10:00:00,XYZ,XYZ JAIL,Removed,Removed"));
    Path findings;
    try (AuditResult result = DetentionAudit.on(spark).input(input.toString()).run()) {
      findings = Paths.get(java.net.URI.create(result.findingsLocation()));
      assertThat(findings).isDirectory();
      assertThat(result.findings().count()).isGreaterThanOrEqualTo(0);
    }
    assertThat(findings).doesNotExist();
  }

  @Test
  void aFolderItDidNotMakeIsLeftAlone(@TempDir Path dir) {
    ScratchFolder.remove(dir.toUri().toString(), new org.apache.hadoop.conf.Configuration());
    assertThat(dir).isDirectory();
  }
}

package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder: checked before any data are read, locked against a second run, committed
 * whole or not at all, and explained on the console when the exit status is not 0.
 */
@ExtendWith(SharedSpark.class)
class SafeOutputTest {
  private static final String FAULT = "detention.audit.fault";
  private static final String SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025").toString();
  private static final String DDP_HEADER =
      "Stay Book In Date Time,Book In Date Time,Detention Facility,Detention Facility Code,"
          + "Detention Book Out Date Time,Stay Book Out Date Time,Detention Release Reason,"
          + "Stay Book Out Date,Stay Release Reason,Gender,Unique Identifier";
  private static final String DDP_ROW =
      "2024-01-01 10:00:00,2024-01-01 10:00:00,ADELANTO ICE PROCESSING CENTER,ADLNTCA,"
          + "2024-01-09 10:00:00,2024-01-09 10:00:00,Removed,2024-01-09,Removed,Male,P1";

  @TempDir Path dir;

  @AfterEach
  void noFault() {
    System.clearProperty(FAULT);
  }

  private Path input() throws IOException {
    return Files.writeString(dir.resolve("ok.csv"), DDP_HEADER + "\n" + DDP_ROW + "\n");
  }

  @Test
  void failOnSaysWhichRulesTriggeredTheExitStatus() throws IOException {
    Path output = dir.resolve("out");
    CommandRun run =
        CommandRun.of("audit", "--quiet", "--fail-on", "error", "--input", SAMPLE, "--output", output.toString());

    assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.RULES_FAILED);
    List<RuleSummaryRow> failed =
        AuditRun.summaryOf(output).rules().stream()
            .filter(r -> r.status().equals("FAIL") && r.severity().equalsIgnoreCase("error"))
            .toList();
    assertThat(failed).isNotEmpty();
    String expected =
        "Exit status 1: --fail-on error and "
            + failed.size()
            + (failed.size() == 1 ? " rule" : " rules")
            + " of severity error or worse ended in FAIL: "
            + String.join(", ", failed.stream().map(r -> r.ruleId() + " (error)").toList())
            + ".";
    assertThat(run.err().strip()).isEqualTo(expected);
  }

  @Test
  void failOnNeverAndNoTriggeringRulePrintNothing() throws IOException {
    CommandRun run =
        CommandRun.of("audit", "--quiet", "--input", input().toString(), "--output", dir.resolve("o").toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anInternalErrorIsExit3SaysBugAndWhereTheLogIsAndLeavesNothing() throws IOException {
    Path output = dir.resolve("out");
    System.setProperty(FAULT, "audit");
    CommandRun run = CommandRun.of("audit", "--quiet", "--input", input().toString(), "--output", output.toString());

    assertThat(run.status()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(run.err().strip())
        .startsWith("detention-audit failed: java.lang.IllegalStateException: Injected fault")
        .contains("This is a bug; the stack trace is in the log (" + DetentionAuditMain.logFile() + ")")
        .doesNotContain("\n");
    assertThat(output).doesNotExist();
    assertThat(OutputFolders.hiddenLeftovers(dir)).isEmpty();
  }

  @Test
  void aFailureWhileWritingLeavesNoOutputNoStagingAndNoLock() throws IOException {
    Path output = dir.resolve("out");
    System.setProperty(FAULT, "write");
    CommandRun run = CommandRun.of("audit", "--quiet", "--input", input().toString(), "--output", output.toString());

    assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err().strip())
        .startsWith("Cannot write outputs to " + output + ": Injected fault")
        .contains("no space left on device")
        .contains("Nothing was written there")
        .doesNotContain("\n");
    assertThat(output).doesNotExist();
    assertThat(OutputFolders.hiddenLeftovers(dir)).isEmpty();
  }

  @Test
  void anOutputUnderAFileIsRefusedBeforeAnyInputIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path output = file.resolve("out");
    // The input does not exist: had it been read, that would be the error reported.
    CommandRun run =
        CommandRun.of("audit", "--input", dir.resolve("missing.csv").toString(), "--output", output.toString());

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err().strip())
        .isEqualTo(
            "Cannot write output folder "
                + output
                + ": "
                + file
                + " is a file, not a folder. Choose an --output inside a folder.");
    assertThat(file).hasContent("x");
  }

  @Test
  void aSecondRunOnALockedOutputIsRefusedNamingTheOwner() throws IOException {
    Path output = dir.resolve("out");
    String host = InetAddress.getLocalHost().getHostName();
    long pid = ProcessHandle.current().pid(); // alive
    Path lock =
        Files.writeString(dir.resolve(".out.lock"), "pid=" + pid + "\nhost=" + host + "\nstarted=" + Instant.now() + "\n");

    CommandRun run = CommandRun.of("audit", "--input", dir.resolve("missing.csv").toString(), "--output", output.toString());

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err().strip())
        .startsWith("Cannot write output folder " + output + ": another detention-audit run is writing it (process " + pid + " on host " + host)
        .contains("Wait for that run to finish, or choose another --output")
        .doesNotContain("\n");
    assertThat(output).doesNotExist();
    assertThat(lock).exists();
  }

  @Test
  void aStaleLockAndStagingFoldersOfDeadRunsAreRemoved() throws IOException, InterruptedException {
    Path output = dir.resolve("out");
    String host = InetAddress.getLocalHost().getHostName();
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    long dead = finished.pid();
    Files.writeString(dir.resolve(".out.lock"), "pid=" + dead + "\nhost=" + host + "\nstarted=" + Instant.now() + "\n");
    Path staging = Files.createDirectories(dir.resolve(".out.writing-" + dead + "@" + host + "-0badc0de"));
    Files.writeString(staging.resolve("part"), "half written");
    Path olderStaging = Files.createDirectories(dir.resolve(".out.writing-3f0c2a5e-1111-2222-3333-444455556666"));

    CommandRun run = CommandRun.of("audit", "--quiet", "--input", input().toString(), "--output", output.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(staging).doesNotExist();
    assertThat(olderStaging).doesNotExist();
    assertThat(OutputFolders.hiddenLeftovers(dir)).isEmpty();
    assertThat(output.resolve("summary.json")).exists();
  }

  @Test
  void theOutputHoldsNoChecksumFilesAndOverwriteReplacesItWhole() throws IOException {
    Path output = dir.resolve("out");
    CommandRun first = CommandRun.of("audit", "--quiet", "--input", input().toString(), "--output", output.toString());
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(OutputFolders.hiddenFilesInside(output)).isEmpty();
    assertThat(output.resolve("summary.parquet").resolve("_SUCCESS")).exists();

    CommandRun again =
        CommandRun.of("audit", "--quiet", "--overwrite", "--input", input().toString(), "--output", output.toString());
    assertThat(again.status()).as(again.err()).isZero();
    try (var children = Files.list(output)) {
      assertThat(children.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(
              "breakdown.parquet",
              "facilities.parquet",
              "findings.parquet",
              "profile.parquet",
              "quarantine.parquet",
              "reconciliation.parquet",
              "report.html",
              "summary.json",
              "summary.parquet");
    }
    assertThat(OutputFolders.hiddenLeftovers(dir)).isEmpty();
  }
}

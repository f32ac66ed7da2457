package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.detentionaudit.core.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detention-audit compare} on the audit of the committed DDP 2025 sample and altered copies
 * of it: exit statuses, what the console says, and the output folder written whole or not at all.
 */
@ExtendWith(SharedSpark.class)
class CompareCommandTest {
  private static final String SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025").toString();
  @TempDir static Path shared;
  private static Path audit;
  @TempDir Path dir;

  @BeforeAll
  static void auditTheSample() {
    audit = shared.resolve("audit-2025");
    CommandRun run = CommandRun.of("audit", "--quiet", "--input", SAMPLE, "--output", audit.toString());
    assertThat(run.status()).as(run.err()).isZero();
  }

  private CommandRun compare(Path before, Path after, Path output, String... more) {
    String[] args =
        Stream.concat(
                Stream.of("compare", "--quiet", "--before", before.toString(), "--after", after.toString(), "--output",
                    output.toString()),
                Stream.of(more))
            .toArray(String[]::new);
    return CommandRun.of(args);
  }

  @Test
  void aReleaseComparedWithACopyOfItselfExits0EvenWithFailOnFlagged() throws IOException {
    Path output = dir.resolve("out");
    CommandRun run = compare(audit, Folders.copy(audit, dir.resolve("copy")), output, "--fail-on", "flagged");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains(" flagged.").contains("0 flagged").doesNotContain("FLAGGED");
    assertThat(run.out()).endsWith("Report: " + output + "/compare.html\n");
    assertThat(output.resolve("compare.parquet")).isDirectory();
    assertThat(output.resolve("compare.json")).isRegularFile();
    assertThat(output.resolve("compare.html")).isRegularFile();
    assertThat(OutputFolders.hiddenLeftovers(dir)).isEmpty();
    assertThat(OutputFolders.hiddenFilesInside(output)).isEmpty();
  }

  @Test
  void aFlaggedChangeExits1WithFailOnFlaggedAndSaysWhy() throws IOException {
    // The later release says it was extracted before the earlier one.
    Path after = Folders.copy(audit, dir.resolve("after"));
    String json = Files.readString(after.resolve("summary.json"));
    Files.writeString(
        after.resolve("summary.json"),
        json.replaceFirst("\"extract_date\"\\s*:\\s*\"[^\"]*\"", "\"extract_date\" : \"2020-01-31T00:00:00\""));
    Path output = dir.resolve("out");

    CommandRun failing = compare(audit, after, output, "--fail-on", "flagged");
    CommandRun passing = compare(audit, after, dir.resolve("out2"));

    assertThat(failing.status()).isEqualTo(ExitCodes.RULES_FAILED);
    assertThat(failing.out()).contains("1 flagged (window 1).").contains("  FLAGGED window   extract date ");
    assertThat(failing.err().strip())
        .isEqualTo("Exit status 1: --fail-on flagged and 1 row was flagged (window 1); see " + output + "/compare.html.");
    assertThat(output.resolve("compare.html")).isRegularFile();
    assertThat(passing.status()).as(passing.err()).isZero();
    assertThat(passing.err()).isEmpty();
  }

  @Test
  void theSameFolderTwiceExits2AndWritesNothing() {
    Path output = dir.resolve("out");
    CommandRun run = compare(audit, audit, output);

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err()).contains("they are the same folder").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(output).doesNotExist();
  }

  @Test
  void aFolderThatIsNotAnAuditOutputExits2AndLeavesNothing() throws IOException {
    Path notAudit = Files.createDirectories(dir.resolve("some-folder"));
    Files.writeString(notAudit.resolve("notes.txt"), "hello");
    Path output = dir.resolve("out");

    CommandRun run = compare(audit, notAudit, output);

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err().strip())
        .isEqualTo(
            "Cannot compare audit output " + notAudit
                + ": it is not an audit output folder (it has no summary.json). Give the folder an audit wrote"
                + " (its --output), or run `detention-audit audit` first.");
    assertThat(output).doesNotExist();
    assertThat(OutputFolders.hiddenLeftovers(dir)).isEmpty();
  }

  @Test
  void anOlderAuditLackingAFileExits2NamingTheFile() throws IOException {
    Path older = Folders.copy(audit, dir.resolve("older"));
    Folders.delete(older.resolve("profile.parquet"));

    CommandRun run = compare(older, audit, dir.resolve("out"));

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err()).contains("it has no profile.parquet").contains("Run the audit again with this version");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aDamagedTableFoundAfterTheOutputWasReservedLeavesNoFolder() throws IOException {
    Path damaged = Folders.copy(audit, dir.resolve("damaged"));
    try (var parts = Files.list(damaged.resolve("breakdown.parquet"))) {
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
        Files.writeString(part, "not parquet at all");
      }
    }
    Path output = dir.resolve("out");

    CommandRun run = compare(audit, damaged, output);

    assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err()).contains("its breakdown.parquet cannot be read");
    assertThat(output).doesNotExist();
    assertThat(OutputFolders.hiddenLeftovers(dir)).isEmpty();
  }

  @Test
  void anOutputThatIsAComparedFolderOrABadThresholdsFileExits2() throws IOException {
    Path before = Folders.copy(audit, dir.resolve("before"));
    CommandRun intoInput = compare(before, audit, before, "--overwrite");
    assertThat(intoInput.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(intoInput.err()).contains("it is the compared folder");
    assertThat(before.resolve("summary.json")).isRegularFile();

    Path thresholds = Files.writeString(dir.resolve("t.yaml"), "thresholds: { column_gone: { flag: true } }\n");
    CommandRun badThresholds = compare(before, audit, dir.resolve("out"), "--thresholds", thresholds.toString());
    assertThat(badThresholds.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(badThresholds.err()).contains(thresholds.toString()).contains("unknown kind 'column_gone'");
  }
}

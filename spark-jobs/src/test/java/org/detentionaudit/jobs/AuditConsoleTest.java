package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code audit} prints where, on the bundled sample: progress goes to stderr, one line per
 * stage at least, in order; {@code --quiet} prints none; stdout carries exactly the summary in
 * both.
 */
@ExtendWith(SharedSpark.class)
class AuditConsoleTest {
  private static final String SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025").toString();
  private static final Pattern STAGE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d \\[(\\d)/6\\] ([a-z -]+)(, pass \\d+ of \\d+)?: ");
  /** The rows of a progress line after the input is counted: the latest pass's rows. */
  private static final Pattern ROWS =
      Pattern.compile("(: | pass \\d+ of \\d+: )([\\d,]+ of [\\d,]+ rows|all [\\d,]+ rows read),");

  @TempDir Path dir;

  @Test
  void progressGoesToStderrStageByStage() throws IOException {
    Path output = dir.resolve("out");
    CommandRun run = CommandRun.of("audit", "--input", SAMPLE, "--output", output.toString());

    assertThat(run.status()).as(run.err()).isZero();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).allMatch(line -> STAGE.matcher(line).find(), "every stderr line is progress");
    List<Integer> stages =
        lines.stream()
            .map(STAGE::matcher)
            .filter(Matcher::find)
            .map(m -> Integer.parseInt(m.group(1)))
            .distinct()
            .toList();
    assertThat(stages).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(lines)
        .first()
        .asString()
        .endsWith("[1/6] loading inputs: 0 rows read, 0 s elapsed, estimating time left");
    for (AuditStage stage : AuditStage.values()) {
      assertThat(lines)
          .anyMatch(line -> line.contains("[" + stage.number() + "/6] " + stage.label() + ": "));
    }
    for (AuditStage stage : AuditStage.values()) {
      if (stage != AuditStage.LOAD) {
        // A stage starts with the input rows still to read; a later pass shows its own rows.
        assertThat(lines)
            .filteredOn(line -> line.contains("[" + stage.number() + "/6] "))
            .first()
            .asString()
            .contains(stage.label() + ": 0 of 2,500 rows");
      }
    }
    assertThat(lines)
        .filteredOn(line -> !line.contains("[1/6]"))
        .allMatch(line -> ROWS.matcher(line).find());
    assertThat(run.out()).isEqualTo(expectedSummary(output));
  }

  @Test
  void quietPrintsNoProgressAndTheSameSummary() throws IOException {
    Path output = dir.resolve("quiet-out");
    CommandRun run = CommandRun.of("audit", "--quiet", "--input", SAMPLE, "--output", output.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(expectedSummary(output));
  }

  @Test
  void helpDocumentsQuiet() {
    CommandRun run = CommandRun.of("audit", "--help");
    assertThat(run.out()).contains("-q, --quiet").contains("No progress and no stage lines on stderr");
  }

  /** The stdout of a run: exactly the console summary of its summary.json, nothing else. */
  private static String expectedSummary(Path output) throws IOException {
    StringWriter text = new StringWriter();
    ConsoleSummary.print(
        new PrintWriter(text),
        AuditRun.summaryOf(output),
        output.toString());
    return text.toString();
  }
}

package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: the command line run in a child JVM (this test's class path, the log4j2
 * configuration the launcher ships), killed while it holds the output's lock and writes its staging
 * folder; a second run meanwhile is refused, and a run after the kill cleans up and writes one whole
 * output folder. Also what the console shows for a corrupt input, library log lines included.
 */
@ExtendWith(SharedSpark.class)
class KilledRunTest {
  private static final String SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025").toAbsolutePath().toString();
  private static final long PATIENCE_SECONDS = 300;

  @TempDir Path dir;

  @Test
  void aKilledRunIsCleanedUpByTheNextAndASecondRunMeanwhileIsRefused() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path output = work.resolve("out");
    Path childTmp = Files.createDirectories(dir.resolve("child-tmp"));
    Process child =
        start(
            List.of("-Ddetention.audit.fault=stall_write", "-Djava.io.tmpdir=" + childTmp),
            List.of("audit", "--quiet", "--input", SAMPLE, "--output", output.toString()),
            dir.resolve("child.out"));
    try {
      Path staging = awaitStagingWithATable(work, child);
      assertThat(Files.readString(work.resolve(".out.lock"))).contains("pid=" + child.pid() + "\n");

      // A second run on the same output while the first holds the lock.
      CommandRun second = CommandRun.of("audit", "--quiet", "--input", SAMPLE, "--output", output.toString());
      assertThat(second.status()).as(second.err()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
      assertThat(second.err())
          .contains("another detention-audit run is writing it (process " + child.pid() + " on host ");

      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(staging).exists();
      assertThat(work.resolve(".out.lock")).exists();
      assertThat(childTmp.resolve(SparkSessions.SCRATCH_PREFIX + child.pid())).isDirectory();
    } finally {
      child.destroyForcibly();
    }

    CommandRun rerun = CommandRun.of("audit", "--quiet", "--input", SAMPLE, "--output", output.toString());
    assertThat(rerun.status()).as(rerun.err()).isZero();
    try (var entries = Files.list(work)) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
    }
    assertThat(OutputFolders.hiddenFilesInside(output)).isEmpty();
    assertThat(AuditRun.summaryOf(output).rowsRead()).isEqualTo(2500);

    // Spark's scratch files of the killed embedded session are all in its scratch folder, which
    // the next run's session removes (its process is gone).
    try (var entries = Files.list(childTmp)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("blockmgr-") || name.startsWith("spark-"));
    }
    SparkSessions.removeDeadScratchFolders(childTmp);
    assertThat(childTmp.resolve(SparkSessions.SCRATCH_PREFIX + child.pid())).doesNotExist();
  }

  @Test
  void aCorruptParquetFileShowsOnlyStageLinesAndOneParagraphOnTheConsole() throws Exception {
    // A broken page fails a Spark task, which Spark logs as an ERROR with its stack trace: that
    // goes to the log file only.
    Path cut = CorruptParquetTest.withCorruptChunk(dir.resolve("cut.parquet"), "book_in_date_time");
    Path console = dir.resolve("console.txt");
    Process child =
        start(
            List.of("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp2"))),
            List.of("audit", "--input", cut.toString(), "--output", dir.resolve("out").toString()),
            console);
    try {
      assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(console);
    assertThat(child.exitValue()).as(String.join("\n", lines)).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(lines.size() - 1)).startsWith("Cannot read Parquet file '" + cut + "'");
    assertThat(lines.subList(0, lines.size() - 1))
        .as("only the audit's own stage and progress lines precede the paragraph")
        .allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d .*"))
        .noneMatch(line -> line.contains("Exception") || line.contains("Task ") || line.contains("\tat "));
    assertThat(Files.readString(console.resolveSibling("console.txt.log"))).contains("Exception in task");
    assertThat(dir.resolve("tmp2")).isEmptyDirectory();
  }

  private Path awaitStagingWithATable(Path work, Process child) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive()).as("the child stalls in its write; it exited: " + Files.readString(dir.resolve("child.out"))).isTrue();
      Optional<Path> staging;
      try (var entries = Files.list(work)) {
        staging = entries.filter(p -> p.getFileName().toString().startsWith(".out.writing-")).findFirst();
      }
      if (staging.isPresent() && Files.exists(staging.get().resolve("summary.parquet").resolve("_SUCCESS"))) {
        return staging.get();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no staging folder with a table after " + PATIENCE_SECONDS + " s");
  }

  /** Starts the command line in a child JVM; its stdout and stderr go to {@code console}. */
  private static Process start(List<String> jvmOptions, List<String> arguments, Path console)
      throws IOException, URISyntaxException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("--add-opens"))
        .forEach(command::add);
    URL config = DetentionAuditMain.class.getClassLoader().getResource("log4j2.properties");
    command.add("-Dlog4j2.configurationFile=" + Path.of(config.toURI()));
    command.add("-Ddetention.audit.log=" + console.resolveSibling(console.getFileName() + ".log"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DetentionAuditMain.class.getName());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }
}

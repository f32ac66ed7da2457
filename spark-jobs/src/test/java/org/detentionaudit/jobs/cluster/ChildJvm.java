package org.detentionaudit.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Java child process started with this JVM's own {@code java}, its stdout and stderr going to one
 * log file. {@link #close()} stops it together with every process it started (a Spark worker
 * starts executor JVMs), first politely, then by force.
 */
final class ChildJvm implements AutoCloseable {
  private static final Duration POLITE_STOP = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmOptions> -cp <classPath> <mainClass> <arguments>}.
   *
   * @param environment the child's whole environment (nothing is inherited beyond it)
   */
  static ChildJvm start(
      String name,
      Path workingDirectory,
      Path log,
      Map<String, String> environment,
      List<String> jvmOptions,
      String classPath,
      String mainClass,
      List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(arguments);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close(); // no standard input: a child waiting on it would hang
    return new ChildJvm(name, process, log);
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for the process to exit.
   *
   * @return its exit status
   * @throws IllegalStateException when it is still running after {@code timeout}; it is then stopped
   */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new IllegalStateException(
          "Cannot wait for " + name + ": still running after " + timeout.toSeconds() + " s; stopped it.\n"
              + logTail(60));
    }
    return process.exitValue();
  }

  /** The last {@code lines} lines of the log, headed by the process name, for failure messages. */
  String logTail(int lines) {
    return LogTail.of(name, log, lines);
  }

  /** Stops the process and its descendants: SIGTERM, then SIGKILL for whatever outlives the grace. */
  @Override
  public void close() {
    ProcessHandle root = process.toHandle();
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + POLITE_STOP.toNanos();
    for (ProcessHandle handle : tree) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break; // forced below
      } catch (ExecutionException | TimeoutException stillRunning) {
        // Forced below.
      }
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}

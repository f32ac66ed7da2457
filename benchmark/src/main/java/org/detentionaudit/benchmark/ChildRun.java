package org.detentionaudit.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one contender as a child JVM (this JVM's class path and options, so every contender starts
 * the same way) and measures it from outside: wall time of the whole process, and its peak resident
 * memory, the kernel's high-water mark ({@code VmHWM} in {@code /proc/PID/status}) polled until the
 * process ends. Output goes to a log file.
 *
 * @param seconds wall time of the whole process, JVM start-up included
 * @param peakRssBytes the highest {@code VmHWM} seen (0 where {@code /proc} is not available)
 * @param exitCode the process's exit status
 */
record ChildRun(double seconds, long peakRssBytes, int exitCode) {
  private static final long POLL_MILLIS = 100;

  /** Starts {@code mainClass args} in a child JVM, waits for it, and measures it. */
  static ChildRun run(String mainClass, List<String> args, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-Ddetention.audit.log=" + log.resolveSibling(log.getFileName() + ".log4j"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    long started = System.nanoTime();
    Process process = builder.start();
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    // A first reading at once: a child that fails fast (a usage error) may end before the first poll.
    long peak = highWaterMark(status);
    while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, highWaterMark(status));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new ChildRun(seconds, peak, process.exitValue());
  }

  /** {@code VmHWM} in bytes, or 0 when the file is gone or has none. */
  private static long highWaterMark(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring("VmHWM:".length()).trim().split("\\s+")[0];
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process ended between the check and the read
    }
    return 0;
  }
}

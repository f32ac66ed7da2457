package org.detentionaudit.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Spark standalone master and one worker ({@code 1} core, {@code 2g}) on 127.0.0.1, each a child
 * JVM run from a {@link SparkHome}, and client-mode {@code spark-submit} against them.
 *
 * <p>Ports are free ones chosen at start, and Spark is told not to move to the next port when one is
 * taken ({@code spark.port.maxRetries=0}), so a clash fails loudly instead of leaving the worker
 * talking to nobody. The worker runs its executors in {@link #workerWorkDir()}, one folder per
 * application and executor, holding the executor's {@code stderr}. Every process is stopped by
 * {@link #close()}, or by a shutdown hook if the test JVM exits first.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final int LOG_LINES = 40;

  private final SparkHome spark;
  private final List<String> javaOptions;
  private final Path dir;
  private final String masterUrl;
  private final URI masterJson;
  /** Written by the test thread, read by the shutdown hook. */
  private final List<ChildJvm> processes = new CopyOnWriteArrayList<>();
  private final Thread shutdownHook = new Thread(this::stopAll, "stop-standalone-cluster");
  private ChildJvm lastDriver;

  private StandaloneCluster(SparkHome spark, List<String> javaOptions, Path dir, int masterPort, int masterUiPort) {
    this.spark = spark;
    this.javaOptions = List.copyOf(javaOptions);
    this.dir = dir;
    this.masterUrl = "spark://127.0.0.1:" + masterPort;
    this.masterJson = URI.create("http://127.0.0.1:" + masterUiPort + "/json/");
  }

  /**
   * Starts the master and the worker without waiting for them (they take a while to boot: do other
   * work, then call {@link #awaitWorker(Duration)}).
   *
   * @param javaOptions JVM options every Spark JVM needs (the Java 17 {@code --add-opens})
   * @param dir where logs, the worker's work folder and its local folder go
   * @throws IllegalStateException when a process cannot be started; every process is then stopped
   */
  static StandaloneCluster launch(SparkHome spark, List<String> javaOptions, Path dir) throws IOException {
    List<Integer> ports = FreePorts.take(3);
    StandaloneCluster cluster = new StandaloneCluster(spark, javaOptions, dir, ports.get(0), ports.get(1));
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.launch(
          "master",
          Map.of(),
          "org.apache.spark.deploy.master.Master",
          List.of("--host", "127.0.0.1", "--port", ports.get(0).toString(), "--webui-port", ports.get(1).toString()));
      cluster.launch(
          "worker",
          Map.of("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("worker-local")).toString()),
          "org.apache.spark.deploy.worker.Worker",
          List.of(
              "--host", "127.0.0.1",
              "--cores", "1",
              "--memory", "2g",
              "--webui-port", ports.get(2).toString(),
              "--work-dir", Files.createDirectories(cluster.workerWorkDir()).toString(),
              cluster.masterUrl));
      return cluster;
    } catch (IOException | RuntimeException e) {
      String logs = cluster.diagnostics();
      cluster.close();
      throw new IllegalStateException("Cannot start the standalone cluster: " + e.getMessage() + "\n" + logs, e);
    }
  }

  /**
   * Waits until the master is alive and lists the worker as alive.
   *
   * @throws IllegalStateException when the master or worker exits, or the worker is not registered
   *     within {@code timeout}; the message holds the tails of both logs
   */
  void awaitWorker(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      for (ChildJvm process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Cannot start the standalone cluster: the " + process.name() + " exited\n" + diagnostics());
        }
      }
      try {
        MasterState state = state();
        if ("ALIVE".equals(state.status()) && state.aliveWorkers() >= 1) {
          return;
        }
        last = state.toString();
      } catch (IOException notUpYet) {
        last = notUpYet.toString();
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(
        "Cannot start the standalone cluster: no worker registered with " + masterUrl + " within "
            + timeout.toSeconds() + " s (master said: " + last + ")\n" + diagnostics());
  }

  /** {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return masterUrl;
  }

  /** The worker's {@code --work-dir}: {@code <app id>/<executor id>/stderr} per executor. */
  Path workerWorkDir() {
    return dir.resolve("work");
  }

  /** The master's status page as it is now. */
  MasterState state() throws IOException, InterruptedException {
    return MasterState.fetch(masterJson);
  }

  /**
   * Runs {@code SparkSubmit --master <this master> --deploy-mode client} in a child JVM, the way
   * the {@code spark-submit} script does, and waits for it.
   *
   * @param conf {@code --conf} settings
   * @param workingDirectory the driver's working directory (relative job paths resolve there)
   * @return the driver's exit status
   * @throws IllegalStateException when the driver is still running after {@code timeout} (it is
   *     then stopped; the message holds every log's tail)
   */
  int submitClientMode(
      Path appJar,
      String mainClass,
      Map<String, String> conf,
      List<String> appArguments,
      Path workingDirectory,
      Duration timeout)
      throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client", "--class", mainClass));
    conf.forEach((key, value) -> arguments.addAll(List.of("--conf", key + "=" + value)));
    arguments.add(appJar.toString());
    arguments.addAll(appArguments);
    List<String> options = new ArrayList<>(javaOptions);
    options.add("-Xmx1g");
    lastDriver =
        ChildJvm.start(
            "driver (spark-submit)",
            workingDirectory,
            dir.resolve("logs").resolve("driver-" + processes.size() + ".log"),
            spark.environment(),
            options,
            spark.classPath(),
            "org.apache.spark.deploy.SparkSubmit",
            arguments);
    processes.add(lastDriver);
    try {
      return lastDriver.waitFor(timeout);
    } catch (IllegalStateException timedOut) {
      throw new IllegalStateException(timedOut.getMessage() + "\n" + diagnostics(), timedOut);
    }
  }

  /**
   * Waits for the master to list exactly one ended application (the driver's goodbye reaches it a
   * moment after the driver exits) and returns it.
   *
   * @throws IllegalStateException when none is listed within {@code timeout}, or more than one
   */
  MasterState.App awaitCompletedApp(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    MasterState state = state();
    while (state.completedApps().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      state = state();
    }
    if (state.completedApps().size() != 1) {
      throw new IllegalStateException(
          "Cannot find the application on the master: expected one ended application within "
              + timeout.toSeconds() + " s, the master lists " + state.completedApps() + "\n" + diagnostics());
    }
    return state.completedApps().get(0);
  }

  /** The executors' stderr files of one application, in executor order. */
  List<Path> executorLogs(String appId) throws IOException {
    Path appDir = workerWorkDir().resolve(appId);
    if (!Files.isDirectory(appDir)) {
      return List.of();
    }
    try (Stream<Path> executors = Files.list(appDir)) {
      return executors.map(executor -> executor.resolve("stderr")).filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The tails of the master, worker and driver logs and of every executor's stderr, for failure messages. */
  String diagnostics() {
    StringBuilder text = new StringBuilder();
    for (ChildJvm process : processes) {
      text.append(process.logTail(process == lastDriver ? 2 * LOG_LINES : LOG_LINES));
    }
    try (Stream<Path> files = Files.exists(workerWorkDir()) ? Files.walk(workerWorkDir()) : Stream.empty()) {
      files
          .filter(p -> p.getFileName().toString().equals("stderr"))
          .sorted()
          .forEach(stderr -> text.append(LogTail.of("executor", stderr, LOG_LINES)));
    } catch (IOException | UncheckedIOException e) {
      text.append("--- executor logs unreadable: ").append(e).append('\n');
    }
    return text.toString();
  }

  /** Stops the driver, the worker (with its executors) and the master. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run: nothing left to remove.
    }
  }

  private void launch(String name, Map<String, String> extraEnvironment, String mainClass, List<String> arguments)
      throws IOException {
    Map<String, String> environment = new HashMap<>(spark.environment());
    environment.putAll(extraEnvironment);
    List<String> options = new ArrayList<>(javaOptions);
    options.addAll(List.of("-Xmx256m", "-Dspark.port.maxRetries=0"));
    processes.add(
        ChildJvm.start(
            name, dir, dir.resolve("logs").resolve(name + ".log"), environment, options, spark.classPath(), mainClass, arguments));
  }

  /** Last started first: the driver, then the worker and its executors, then the master. */
  private synchronized void stopAll() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}

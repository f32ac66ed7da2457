package org.detentionaudit.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.InputException;

/**
 * Builds the SparkSession for a command: under {@code spark-submit} the submitted master and
 * settings win (a different {@code --master} on the command is refused); run directly, an embedded
 * {@code local[*]} Spark bound to 127.0.0.1 with its UI off.
 */
final class SparkSessions {
  private SparkSessions() {}

  /** True when this JVM already has an active SparkSession (a test, or a caller's job). */
  static boolean hasActive() {
    try {
      SparkSession.active();
      return true;
    } catch (IllegalStateException none) {
      return false;
    }
  }

  /** Spark's limit on the bytecode of one generated method, set to HotSpot's compile limit. */
  static final String HUGE_METHOD_LIMIT = "spark.sql.codegen.hugeMethodLimit";

  /**
   * Joins the active session if there is one, else builds one.
   *
   * @param master an explicit {@code --master} URL, or null to use spark-submit's or local[*]
   */
  static SparkSession create(String master) {
    SparkConf conf = new SparkConf(true); // picks up spark.* system properties set by spark-submit
    String effective = effectiveMaster(master, conf);
    SparkSession.Builder builder = SparkSession.builder().appName("detention-audit").master(effective);
    settings(effective, conf).forEach(builder::config);
    if (effective.startsWith("local") && !conf.contains("spark.local.dir") && System.getenv("SPARK_LOCAL_DIRS") == null) {
      builder.config("spark.local.dir", scratchFolder().toString());
    }
    return builder.getOrCreate();
  }

  /**
   * The settings the command gives its session on {@code master}; a setting {@code conf} holds
   * (spark-submit's {@code --conf}, a {@code -Dspark.*} system property) keeps its value.
   */
  static Map<String, String> settings(String master, SparkConf conf) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spark.sql.session.timeZone", "UTC");
    // The scan reads every column of a release in one stage: whole-stage code generation makes one
    // method of it, beyond the 8,000 bytes of bytecode HotSpot compiles, so the stage ran
    // interpreted (JFR: 35% of the scan's samples). At 8,000 Spark generates smaller methods for
    // such a stage (README, "Settings that matter at scale").
    settings.put(HUGE_METHOD_LIMIT, conf.get(HUGE_METHOD_LIMIT, "8000"));
    if (master.startsWith("local")) {
      int cores = Runtime.getRuntime().availableProcessors();
      settings.put("spark.ui.enabled", conf.get("spark.ui.enabled", "false"));
      settings.put("spark.driver.host", conf.get("spark.driver.host", "127.0.0.1"));
      settings.put("spark.driver.bindAddress", conf.get("spark.driver.bindAddress", "127.0.0.1"));
      settings.put(
          "spark.sql.shuffle.partitions",
          conf.get("spark.sql.shuffle.partitions", Integer.toString(Math.max(8, cores * 4))));
    }
    return settings;
  }

  /** The prefix of the scratch folders of embedded sessions, in {@code java.io.tmpdir}. */
  static final String SCRATCH_PREFIX = "detention-audit-spark-";

  /**
   * This process's scratch folder for an embedded Spark's {@code spark.local.dir} (block manager
   * files, spills): {@code $TMPDIR/detention-audit-spark-<pid>}. Spark deletes what it creates
   * there when it stops or the JVM exits; the folder itself is deleted at exit, and a process that
   * was killed outright leaves it behind, so the folders of processes that are no longer running
   * are deleted here first.
   */
  static java.nio.file.Path scratchFolder() {
    java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    removeDeadScratchFolders(tmp);
    java.nio.file.Path mine = tmp.resolve(SCRATCH_PREFIX + ProcessHandle.current().pid());
    try {
      java.nio.file.Files.createDirectories(mine);
    } catch (java.io.IOException e) {
      throw new InputException(
          "Cannot create Spark's scratch folder " + mine + ": " + e.getMessage()
              + ". Free some space in " + tmp + ", or set TMPDIR (or spark.local.dir) to a writable folder.",
          e);
    }
    // After Spark's own hooks (priority 25 and up), which delete what Spark put inside.
    org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(() -> deleteTree(mine), 10);
    return mine;
  }

  /** Deletes the scratch folders in {@code tmp} whose process is no longer running. */
  static void removeDeadScratchFolders(java.nio.file.Path tmp) {
    try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(tmp)) {
      entries
          .filter(p -> p.getFileName().toString().matches(SCRATCH_PREFIX + "\\d+"))
          .filter(
              p -> {
                long pid = Long.parseLong(p.getFileName().toString().substring(SCRATCH_PREFIX.length()));
                return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
              })
          .forEach(SparkSessions::deleteTree);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // Not ours to insist on: another user's folder, or tmp unreadable.
    }
  }

  static void deleteTree(java.nio.file.Path root) {
    if (!java.nio.file.Files.exists(root)) {
      return;
    }
    try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // Left for the next run to remove.
    }
  }

  /**
   * The master to use: {@code --master} when given, else the one spark-submit set ({@code
   * spark.master}), else {@code local[*]}.
   *
   * @throws InputException when {@code --master} names another master than the one spark-submit
   *     set: the job would leave the cluster it was submitted to
   */
  static String effectiveMaster(String master, SparkConf conf) {
    String submitted = conf.get("spark.master", null);
    if (master != null && submitted != null && !master.equals(submitted)) {
      throw new InputException(
          "Cannot use --master "
              + master
              + ": spark-submit already set the master to "
              + submitted
              + ". Give the master to spark-submit only, and leave --master out of the audit command.");
    }
    return master != null ? master : submitted != null ? submitted : "local[*]";
  }
}

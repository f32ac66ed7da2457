package org.detentionaudit.jobs;

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

  /**
   * Joins the active session if there is one, else builds one.
   *
   * @param master an explicit {@code --master} URL, or null to use spark-submit's or local[*]
   */
  static SparkSession create(String master) {
    SparkConf conf = new SparkConf(true); // picks up spark.* system properties set by spark-submit
    String effective = effectiveMaster(master, conf);
    SparkSession.Builder builder =
        SparkSession.builder().appName("detention-audit").master(effective).config("spark.sql.session.timeZone", "UTC");
    if (effective.startsWith("local")) {
      int cores = Runtime.getRuntime().availableProcessors();
      builder
          .config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
          .config("spark.driver.host", conf.get("spark.driver.host", "127.0.0.1"))
          .config("spark.driver.bindAddress", conf.get("spark.driver.bindAddress", "127.0.0.1"))
          .config(
              "spark.sql.shuffle.partitions",
              conf.get("spark.sql.shuffle.partitions", Integer.toString(Math.max(8, cores * 4))));
    }
    return builder.getOrCreate();
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

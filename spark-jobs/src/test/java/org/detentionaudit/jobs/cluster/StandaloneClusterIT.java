package org.detentionaudit.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.jobs.DetentionAuditMain;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.detentionaudit.sample.write.OutputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit jar, submitted with Spark's own {@code SparkSubmit} to a standalone master and
 * worker on 127.0.0.1, gives exactly the outputs of a local run: every Parquet table row for row,
 * and {@code summary.json} but for its clock times. And it really ran there: the master lists the
 * application as {@code FINISHED}, and the executor's log in the worker's folder shows tasks done.
 *
 * <p>The input is the bundled {@code ddp-2025} sample, by a relative path (the executors run in the
 * worker's folders, so the driver must hand them absolute {@code file:} URIs), plus a small pipe
 * file with malformed lines, so that the quarantine, read inside executor tasks, is not empty. The
 * local run is the same command in this JVM, joining the shared {@code local[2]} session.
 */
@ExtendWith(SharedSpark.class)
class StandaloneClusterIT {
  private static final Duration CLUSTER_START = Duration.ofSeconds(90);
  private static final Duration JOB = Duration.ofMinutes(5);
  private static final String SAMPLE = "../sample-data/samples/ddp-2025";
  private static final int MALFORMED_LINES = 7;

  @TempDir Path dir;

  @Test
  void auditOnStandaloneClusterEqualsLocalRun(SparkSession spark) throws Exception {
    Path thinJar = Path.of(requiredProperty("detentionaudit.sparkSubmitJar"));
    OutputSpec malformedSpec = OutputSpec.of(Layout.DDP_2025, OutputFormat.PIPE);
    SampleGenerator.builder()
        .defects(DefectProfile.HEAVY)
        .seed(11)
        .placements(300)
        .malformedLines(MALFORMED_LINES)
        .build()
        .write(dir.resolve("malformed"), List.of(malformedSpec));
    Path malformed = dir.resolve("malformed").resolve(malformedSpec.relativePath());
    Path localOutput = dir.resolve("local-out");
    Path clusterOutput = dir.resolve("cluster-out");

    SparkHome home =
        SparkHome.create(
            dir.resolve("spark-home"), SparkHome.testClassPath(), thinJar, requiredProperty("detentionaudit.scalaBinaryVersion"));
    try (StandaloneCluster cluster = StandaloneCluster.launch(home, sparkJavaOptions(), dir.resolve("cluster"))) {
      // The local run goes first, while the master and worker JVMs boot.
      StringWriter localErr = new StringWriter();
      int localStatus =
          DetentionAuditMain.execute(
              new PrintWriter(new StringWriter(), true), new PrintWriter(localErr, true), auditArgs(malformed, localOutput));
      assertThat(localStatus).as(() -> "local run exit status; stderr:\n" + localErr).isZero();

      cluster.awaitWorker(CLUSTER_START);
      int status =
          cluster.submitClientMode(
              thinJar,
              DetentionAuditMain.class.getName(),
              submitConf(),
              List.of(auditArgs(malformed, clusterOutput)),
              Path.of("").toAbsolutePath(), // the local run's working directory: same relative input
              JOB);
      assertThat(status).as(() -> "spark-submit exit status\n" + cluster.diagnostics()).isZero();

      MasterState.App app = cluster.awaitCompletedApp(Duration.ofSeconds(20));
      assertThat(app.state()).as(() -> "application state on the master\n" + cluster.diagnostics()).isEqualTo("FINISHED");
      List<Path> executorLogs = cluster.executorLogs(app.id());
      assertThat(executorLogs).as(() -> "executor logs of " + app.id() + "\n" + cluster.diagnostics()).isNotEmpty();
      assertThat(finishedTasks(executorLogs))
          .as(() -> "tasks finished by the executors of " + app.id() + "\n" + cluster.diagnostics())
          .isPositive();

      AuditOutputs local = AuditOutputs.read(spark, localOutput);
      AuditOutputs onCluster = AuditOutputs.read(spark, clusterOutput);
      assertThat(local.table("findings.parquet").rows()).as("local findings").isNotEmpty();
      assertThat(local.table("quarantine.parquet").rows()).as("local quarantine").hasSize(MALFORMED_LINES);
      for (String name : AuditOutputs.TABLES) {
        assertThat(onCluster.table(name).schema()).as(name + " schema").isEqualTo(local.table(name).schema());
        assertThat(onCluster.table(name).rows()).as(name + " rows").containsExactlyElementsOf(local.table(name).rows());
      }
      assertThat(onCluster.runSummary())
          .as("summary.json")
          .usingRecursiveComparison()
          .ignoringFields(AuditOutputs.CLOCK_FIELDS)
          .isEqualTo(local.runSummary());
    }
  }

  private static String[] auditArgs(Path malformed, Path output) {
    return new String[] {"audit", "--input", SAMPLE, "--input", malformed.toString(), "--output", output.toString()};
  }

  /**
   * Client mode on 127.0.0.1 without a UI; one executor of one core (all the worker has); the
   * shuffle partitions of the local run's session, so that both runs plan alike.
   */
  private Map<String, String> submitConf() throws IOException {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.driver.host", "127.0.0.1");
    conf.put("spark.driver.bindAddress", "127.0.0.1");
    conf.put("spark.ui.enabled", "false");
    // 1500m: wide layouts make large generated code (task binaries of 10-30 MiB), which janino
    // compiles inside the executor; 512m ran out of memory (shrinking the plans is issue 5 work).
    conf.put("spark.executor.memory", "1500m");
    conf.put("spark.cores.max", "1");
    conf.put("spark.sql.shuffle.partitions", "4");
    conf.put("spark.local.dir", Files.createDirectories(dir.resolve("driver-local")).toString());
    return conf;
  }

  /** Lines of Spark's executor log saying a task ended well. */
  private static long finishedTasks(List<Path> executorLogs) throws IOException {
    long count = 0;
    for (Path log : executorLogs) {
      String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      count += text.lines().filter(line -> line.contains("Finished task")).count();
    }
    return count;
  }

  /** The Java 17 {@code --add-opens} the build passes to Spark JVMs (one list, in the parent pom). */
  private static List<String> sparkJavaOptions() {
    List<String> options = new ArrayList<>(Arrays.asList(requiredProperty("detentionaudit.sparkJavaOptions").trim().split("\\s+")));
    options.add("-Djava.net.preferIPv4Stack=true");
    return options;
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "Cannot run the standalone-cluster test: system property " + name
              + " is not set. Run it through Maven (./mvnw verify), whose failsafe configuration sets it.");
    }
    return value;
  }
}

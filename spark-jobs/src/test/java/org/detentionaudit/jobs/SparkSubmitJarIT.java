package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The spark-submit jar brings our code and its small libraries, and leaves Spark, Scala, SLF4J,
 * Jackson's core and the commons libraries Spark ships to the cluster: a second copy of those would
 * at best be shadowed by the cluster's and at worst clash with it (Spark's Scala Jackson module
 * refuses other Jackson minors; Scala must be Spark's build).
 */
class SparkSubmitJarIT {

  @Test
  void bundlesTheJobAndLeavesSparkToTheCluster() throws IOException {
    String property = System.getProperty("detentionaudit.sparkSubmitJar");
    assertThat(property).as("system property detentionaudit.sparkSubmitJar (set by failsafe)").isNotBlank();
    List<String> entries;
    try (JarFile jar = new JarFile(Path.of(property).toFile())) {
      entries = jar.stream().map(ZipEntry::getName).toList();
    }
    assertThat(entries)
        .contains(
            "org/detentionaudit/jobs/DetentionAuditMain.class",
            "org/detentionaudit/core/DetentionAudit.class",
            "com/amazon/deequ/VerificationSuite.class",
            "picocli/CommandLine.class",
            "org/apache/commons/csv/CSVParser.class")
        // Deequ has a few classes of its own in org.apache.spark.sql packages: look for Spark's.
        .doesNotContain(
            "org/apache/spark/SparkContext.class",
            "org/apache/spark/sql/SparkSession.class",
            "org/apache/spark/sql/Dataset.class",
            "scala/Predef.class",
            "org/slf4j/Logger.class",
            "com/fasterxml/jackson/core/JsonFactory.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class",
            "org/apache/commons/lang3/StringUtils.class")
        .noneMatch(name -> name.startsWith("scala/"));
  }

}

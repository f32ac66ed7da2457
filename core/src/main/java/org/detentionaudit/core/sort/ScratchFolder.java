package org.detentionaudit.core.sort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Where the sort pass writes the findings of a run that was given no output folder, and their
 * removal: by {@link #remove} (the audit result's {@code close()}), or, for what is left, when the
 * JVM exits (local folders only; a shutdown hook cannot rely on a remote file system).
 */
public final class ScratchFolder {
  private static final Set<String> LEFT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ScratchFolder::removeLocalLeftovers, "detention-audit-scratch"));
  }

  private ScratchFolder() {}

  /**
   * A new folder name for findings of a run that was given no output folder: under {@code
   * java.io.tmpdir} when Spark's default file system is the local one, else under {@code /tmp} of
   * the default file system (on a cluster, every executor must see it).
   */
  public static String forFindings(SparkSession spark) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      FileSystem fs = FileSystem.get(conf);
      String parent =
          "file".equals(fs.getUri().getScheme())
              ? new Path(new java.io.File(System.getProperty("java.io.tmpdir")).toURI()).toString()
              : "/tmp";
      Path folder = fs.makeQualified(new Path(parent, "detention-audit-findings-" + UUID.randomUUID()));
      LEFT.add(folder.toString());
      return folder.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot choose a scratch folder for the findings", e);
    }
  }

  /** Removes {@code folder} if this class made it (any other folder is left alone). */
  public static void remove(String folder, Configuration conf) {
    if (!LEFT.remove(folder)) {
      return;
    }
    try {
      Path path = new Path(folder);
      path.getFileSystem(conf).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the scratch folder " + folder, e);
    }
  }

  private static void removeLocalLeftovers() {
    for (String folder : LEFT) {
      if (!folder.startsWith("file:")) {
        continue;
      }
      java.nio.file.Path path = Paths.get(java.net.URI.create(folder));
      if (!Files.exists(path)) {
        continue;
      }
      try (Stream<java.nio.file.Path> walk = Files.walk(path)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // best effort at exit: nothing left to report to
      }
    }
  }
}

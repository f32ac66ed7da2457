package org.detentionaudit.core.sort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Where the sort pass writes the findings of a run that was given no output folder.
 */
public final class ScratchFolder {
  private ScratchFolder() {}

  /**
   * A new folder name for findings of a run that was given no output folder: under {@code
   * java.io.tmpdir} when Spark's default file system is the local one, else under {@code /tmp} of
   * the default file system (on a cluster, every executor must see it). Removed when the JVM exits.
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
      fs.deleteOnExit(folder);
      return folder.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot choose a scratch folder for the findings", e);
    }
  }
}

package org.detentionaudit.core.compare;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.outputs.AtomicOutputFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a comparison's outputs ({@link ComparisonOutput}) into a reserved folder and commits it. */
public final class ComparisonOutputs {
  private static final Logger LOG = LoggerFactory.getLogger(ComparisonOutputs.class);

  private ComparisonOutputs() {}

  /**
   * Writes {@code compare.parquet} (one file), {@code compare.json} and {@code compare.html} into
   * {@code out}'s staging folder and commits it.
   *
   * @throws InputException when writing fails (disk full, permissions): nothing is left at the
   *     output folder
   */
  public static void write(Dataset<Row> table, ReleaseComparison c, String comparedAt, AtomicOutputFolder out) {
    try {
      table
          .coalesce(1)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet(out.stagingPath(ComparisonOutput.COMPARE_PARQUET.file()));
      out.writeText(ComparisonOutput.COMPARE_JSON.file(), ComparisonJson.write(c, comparedAt));
      out.writeText(ComparisonOutput.COMPARE_HTML.file(), ComparisonHtml.render(c, comparedAt));
      out.commit();
      LOG.info("Comparison written to {}", out.shownDir());
    } catch (Exception e) {
      // Also Spark's checked SparkException, which Scala code raises undeclared (a failed write).
      if (e instanceof InputException input) {
        throw input;
      }
      LOG.warn("Cannot write the comparison to {}", out.shownDir(), e);
      throw new InputException(
          "Cannot write outputs to "
              + out.shownDir()
              + ": "
              + e.getMessage()
              + ". Nothing was written there; check the free space and permissions of its folder, then run again.",
          e);
    }
  }

  /**
   * Refuses an output folder that is one of the compared folders (writing it would replace what
   * is read).
   */
  public static void checkNotAnInput(Configuration conf, String dir, ReleaseComparison c) {
    checkNotAnInput(conf, dir, c.before().folder(), c.after().folder());
  }

  /** As {@link #checkNotAnInput(Configuration, String, ReleaseComparison)}, by folder names. */
  public static void checkNotAnInput(Configuration conf, String dir, String before, String after) {
    for (String input : new String[] {before, after}) {
      if (SameFolder.same(conf, dir, input)) {
        throw new InputException(
            "Cannot write the comparison to "
                + dir
                + ": it is the compared folder "
                + input
                + ", which the comparison would replace. Choose another --output folder.");
      }
    }
  }
}

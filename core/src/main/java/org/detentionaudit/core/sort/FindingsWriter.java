package org.detentionaudit.core.sort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes {@code findings.parquet} from the sort pass: the failing records become one row per
 * failure in the tasks that write them, and the findings per rule are counted on the way ({@link
 * CountsAccumulator}), so the findings are never collected, cached or read again to be counted.
 */
public final class FindingsWriter {
  private FindingsWriter() {}

  /**
   * Writes the findings of {@code failingRecords} into {@code location} (a folder that must not
   * exist) and returns the number written per rule id.
   *
   * @param failingRecords {@code source_file, source_row, person_id, stay_book_in, book_in,
   *     book_out, facility_code, facility_name, _failures}, the last a list of {@code (rule_id,
   *     detail)} structs
   */
  public static Map<String, Long> write(Dataset<Row> failingRecords, String location) {
    SparkSession spark = failingRecords.sparkSession();
    CountsAccumulator perRule = new CountsAccumulator();
    spark.sparkContext().register(perRule, "findings per rule");
    failingRecords
        .flatMap(new FindingRows(perRule), Encoders.row(schema(failingRecords.schema())))
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(location);
    return Map.copyOf(perRule.value());
  }

  /** The findings' schema: rule_id, the record's columns, detail. */
  static StructType schema(StructType failingRecords) {
    StructType schema = new StructType().add("rule_id", DataTypes.StringType, false);
    StructField[] fields = failingRecords.fields();
    for (int i = 0; i < fields.length - 1; i++) {
      schema = schema.add(fields[i]);
    }
    return schema.add("detail", DataTypes.StringType, true);
  }

  /**
   * A new folder name for findings of a run that was given no output folder: under {@code
   * java.io.tmpdir} when Spark's default file system is the local one, else under {@code /tmp} of
   * the default file system (on a cluster, every executor must see it). Removed when the JVM exits.
   */
  public static String scratchFolder(SparkSession spark) {
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

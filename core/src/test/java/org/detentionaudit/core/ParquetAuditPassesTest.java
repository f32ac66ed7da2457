package org.detentionaudit.core;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.detentionaudit.core.testing.ExecutedPlans.count;
import static org.detentionaudit.core.testing.ExecutedPlans.finalPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.load.InputLoader;
import org.detentionaudit.core.load.LoadedDataset;
import org.detentionaudit.core.profile.ColumnProfile;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.ExecutedPlans;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole audit of a Parquet input, every output written, reads the input exactly twice: once in
 * the scan pass (which also profiles every column) and once in the sort pass (one shuffle, by
 * person). Nothing is cached, and nothing else reads it: not the load (rows read come from the
 * footers; every timestamp is typed, so no row can be quarantined), not the profile, not the
 * tables, not the report.
 */
@ExtendWith(SharedSpark.class)
class ParquetAuditPassesTest {
  private static final Path SAMPLE =
      Path.of("..", "sample-data", "samples", "parquet", "ddp-2025.parquet");

  @Test
  void theInputIsReadByTheTwoPassesAloneAndTheProfileIsTheSame(SparkSession spark, @TempDir Path dir)
      throws Exception {
    List<Row> profile = new ArrayList<>();
    long[] rowsRead = new long[1];
    List<String> plans =
        ExecutedPlans.during(
            spark,
            () -> {
              try (AuditResult result = DetentionAudit.on(spark).input(SAMPLE.toString()).run()) {
                result.write(dir.resolve("out").toString(), false);
                profile.addAll(result.profile().collectAsList());
                rowsRead[0] = result.runSummary().rowsRead();
              }
              return null;
            });

    String scanOfInput = "FileScan parquet [^\\n]*" + Pattern.quote(SAMPLE.getFileName().toString());
    List<String> reading = plans.stream().filter(plan -> count(plan, scanOfInput) > 0).toList();
    assertThat(reading).as(String.join("\n----\n", plans)).hasSize(2);
    assertThat(count(finalPlan(reading.get(0)), "Exchange hashpartitioning")).isZero();
    assertThat(count(finalPlan(reading.get(1)), "Exchange hashpartitioning\\(_person_key")).isEqualTo(1);
    assertThat(plans)
        .as("no cache of the records (the breakdown table, built on the driver, may be cached)")
        .noneMatch(plan -> plan.contains("InMemoryRelation") && plan.contains("FileScan"));

    // The profile counted within the scan pass equals the one counted by a pass of its own.
    LoadedDataset loaded =
        new InputLoader(spark, LayoutCatalog.builtIn()).load(List.of(SAMPLE.toString()), Optional.empty());
    List<Row> apart = ColumnProfile.of(spark, loaded.rawColumns()).collectAsList();
    assertThat(profile).hasSizeGreaterThan(30).isEqualTo(apart);
    assertThat(profile.get(0).getLong(3) + profile.get(0).getLong(4) + profile.get(0).getLong(5))
        .as("values + missing + redacted of the first column: every row read")
        .isEqualTo(rowsRead[0]);
  }

  @Test
  void twoParquetInputsOfDifferentColumnsAreProfiledEachInTheOneScan(SparkSession spark, @TempDir Path dir) {
    // A second input with fewer columns (and a column order of its own).
    Dataset<Row> sample = spark.read().parquet(SAMPLE.toString());
    Path narrow = dir.resolve("narrow.parquet");
    sample
        .select("detention_facility_code", "book_in_date_time", "unique_identifier", "stay_book_in_date_time")
        .limit(40)
        .write()
        .parquet(narrow.toString());
    List<String> inputs = List.of(SAMPLE.toString(), narrow.toString());

    List<Row> scanned;
    try (AuditResult result = DetentionAudit.on(spark).input(inputs.get(0)).input(inputs.get(1)).run()) {
      scanned = result.profile().collectAsList();
      assertThat(result.runSummary().rowsRead()).isEqualTo(sample.count() + 40);
    }
    LoadedDataset loaded = new InputLoader(spark, LayoutCatalog.builtIn()).load(inputs, Optional.empty());
    assertThat(scanned)
        .hasSize(sample.columns().length + 4)
        .isEqualTo(ColumnProfile.of(spark, loaded.rawColumns()).collectAsList());
    Row narrowCode = scanned.get(sample.columns().length);
    assertThat(narrowCode.getString(1)).isEqualTo("detention_facility_code");
    assertThat(narrowCode.getLong(3) + narrowCode.getLong(4) + narrowCode.getLong(5)).isEqualTo(40);
  }

  @Test
  void aTimestampStoredAsTextThatDoesNotParseIsQuarantinedYetProfiled(SparkSession spark, @TempDir Path dir) {
    // The sample with its book-in stored as text, one of them not a date.
    Dataset<Row> sample = spark.read().parquet(SAMPLE.toString());
    Column bookIn = col("book_in_date_time").cast(DataTypes.StringType);
    Dataset<Row> text =
        sample.withColumn(
            "book_in_date_time",
            when(col("book_in_date_time").equalTo(sample.agg(max("book_in_date_time")).first().get(0)), lit("soon"))
                .otherwise(bookIn));
    Path input = dir.resolve("text-dates.parquet");
    text.coalesce(1).write().parquet(input.toString());
    long rows = sample.count();

    try (AuditResult result = DetentionAudit.on(spark).input(input.toString()).run()) {
      RunSummary summary = result.runSummary();
      assertThat(summary.rowsRead()).isEqualTo(rows);
      assertThat(summary.rowsQuarantined()).isEqualTo(1);
      assertThat(summary.rowsLoaded()).isEqualTo(rows - 1);
      assertThat(summary.dataset().records()).as("facts count loaded records only").isEqualTo(rows - 1);
      assertThat(result.quarantine().count()).isEqualTo(1);
      Row bookInProfile =
          result.profile().filter(col("column").equalTo("book_in_date_time")).first();
      assertThat(bookInProfile.getLong(3) + bookInProfile.getLong(4) + bookInProfile.getLong(5))
          .as("the profile counts every row read, the quarantined one too")
          .isEqualTo(rows);
    }
  }
}

package org.detentionaudit.core.compare;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.ComparisonResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.testing.Folders;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class ComparisonResultTest {
  @TempDir Path dir;

  @Test
  void anAuditComparedWithACopyOfItselfFlagsNothingAndWritesTheThreeOutputs(SparkSession spark) throws IOException {
    Path before = SampleAudit.folder();
    Path after = Folders.copy(before, dir.resolve("copy"));
    Path out = dir.resolve("compare-out");

    ComparisonResult result = DetentionAudit.compare(spark, before.toString(), after.toString());
    result.write(out.toString(), false);

    assertThat(result.flagged()).isZero();
    assertThat(result.rows()).hasSizeGreaterThan(50);
    Dataset<Row> table = spark.read().parquet(out.resolve("compare.parquet").toString());
    assertThat(table.schema().fieldNames()).containsExactly(ComparisonRow.SCHEMA.fieldNames());
    assertThat(table.count()).isEqualTo(result.rows().size());
    assertThat(table.where(col("flagged")).count()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
    assertThat(json.path("before").path("layouts").get(0).asText()).isEqualTo("ddp-2025");
    assertThat(json.path("after").path("extract_date").asText()).isEqualTo(json.path("before").path("extract_date").asText());
    assertThat(json.path("after").path("window").path("first_book_in").isTextual()).isTrue();
    assertThat(json.path("flagged").asLong()).isZero();
    assertThat(json.path("flagged_by_kind").path("records").asLong()).isZero();
    assertThat(json.path("thresholds").asText()).isEqualTo("bundled");
    String html = Files.readString(out.resolve("compare.html"));
    assertThat(html).contains("Nothing changed beyond its threshold").contains("id=\"records-by-fiscal-year\"").doesNotContain("<script");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("compare.parquet", "compare.json", "compare.html");
    }
  }

  @Test
  void recordsDroppedFromAClosedYearAtOneFacilityAreFlaggedWithTheExactNumbers(SparkSession spark) throws IOException {
    Path before = SampleAudit.folder();
    Path after = Folders.copy(before, dir.resolve("dropped"));
    Dataset<Row> breakdown = spark.read().parquet(before.resolve("breakdown.parquet").toString());
    Row target =
        breakdown
            .where(col("rule_id").isNull().and(col("fiscal_year").lt(2024)).and(col("facility_code").isNotNull()))
            .orderBy(col("records").desc(), col("fiscal_year"), col("facility_code"))
            .first();
    int year = target.getAs("fiscal_year");
    String code = target.getAs("facility_code");
    long records = target.getAs("records");
    Folders.delete(after.resolve("breakdown.parquet"));
    breakdown
        .where(
            col("rule_id").isNotNull()
                .or(org.apache.spark.sql.functions.not(
                    col("fiscal_year").eqNullSafe(year).and(col("facility_code").eqNullSafe(code)))))
        .coalesce(1)
        .write()
        .parquet(after.resolve("breakdown.parquet").toString());
    long yearRecords =
        breakdown.where(col("rule_id").isNull().and(col("fiscal_year").equalTo(year))).agg(org.apache.spark.sql.functions.sum("records")).first().getLong(0);

    ComparisonResult result = DetentionAudit.compare(spark, before.toString(), after.toString());

    assertThat(result.flaggedRows())
        .extracting(ComparisonRow::measure, ComparisonRow::fiscalYear, ComparisonRow::facilityCode, ComparisonRow::before, ComparisonRow::after)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("records", year, null, (double) yearRecords, (double) (yearRecords - records)),
            org.assertj.core.groups.Tuple.tuple("facility_records", year, code, (double) records, 0.0));
    assertThat(result.flaggedByKind()).containsEntry("records", 2L);
  }

  @Test
  void theSameFolderTwiceIsRefused(SparkSession spark) {
    String before = SampleAudit.folder().toString();

    assertThatThrownBy(() -> DetentionAudit.compare(spark, before, before + "/."))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("they are the same folder");
  }

  @Test
  void theComparisonIsNeverWrittenOverAComparedFolder(SparkSession spark) throws IOException {
    Path before = Folders.copy(SampleAudit.folder(), dir.resolve("before"));
    Path after = Folders.copy(SampleAudit.folder(), dir.resolve("after"));
    ComparisonResult result = DetentionAudit.compare(spark, before.toString(), after.toString());

    assertThatThrownBy(() -> result.write(before.toString(), true))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("it is the compared folder");
    assertThat(before.resolve("summary.json")).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("before", "after");
    }
  }

  @Test
  void anAuditOfAnotherLayoutIsComparedThroughCanonicalFields(SparkSession spark) throws IOException {
    // The DDP March 2026 layout renames two of the 2025 columns and adds 16; the records are the same.
    Path other = dir.resolve("ddp-2026-03");
    try (var audit =
        DetentionAudit.on(spark)
            .input(Path.of("..", "sample-data", "samples", "ddp-2026-03").toString())
            .runDate(java.time.LocalDate.of(2026, 1, 1))
            .run()) {
      audit.write(other.toString(), false);
    }

    ComparisonResult result = DetentionAudit.compare(spark, SampleAudit.folder().toString(), other.toString());

    List<ComparisonRow> flagged = result.flaggedRows();
    assertThat(flagged).allSatisfy(r -> assertThat(r.kind()).isEqualTo("schema"));
    assertThat(flagged)
        .extracting(ComparisonRow::reason)
        .contains(
            "column renamed: 'Unique Identifier' before, 'Anonymized Identifier' after (both read as person_id) (schema_change)",
            "column renamed: 'Detention Book Out Date Time' before, 'Book Out Date Time' after (both read as book_out) (schema_change)");
    assertThat(flagged).filteredOn(r -> r.reason().contains(" added:")).hasSize(16);
    assertThat(result.rows())
        .filteredOn(r -> r.kind().equals("column") && r.column().equals("person_id") && r.measure().equals("missing_share"))
        .singleElement()
        .satisfies(r -> assertThat(r.after()).isEqualTo(r.before()));
  }
}

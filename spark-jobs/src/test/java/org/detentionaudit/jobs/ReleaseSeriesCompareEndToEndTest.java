package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.testing.Folders;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.sample.ReleaseManifest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's acceptance on a generated release series: {@code generate --releases 3} plants four
 * changes between releases 2 and 3 (records dropped from a past fiscal year at one facility, a
 * column going blank, a facility renamed, release 3 in the next DDP layout, which renames two
 * columns and adds 16); each release is audited, and {@code compare} must flag exactly those, with
 * the numbers {@code releases.json} gives, and nothing between releases 1 and 2 (stays closing,
 * new ones beginning, ids re-anonymised). The three audits keep one history ({@code --history}): the
 * third run is judged against the first two and flags the planted changes that are metrics of a
 * run (the blank column's missing share, the fiscal year that lost records), and its report shows
 * their trend.
 */
@ExtendWith(SharedSpark.class)
class ReleaseSeriesCompareEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static ReleaseManifest manifest;

  @BeforeAll
  static void generateAndAuditThreeReleases() throws IOException {
    Path series = dir.resolve("series");
    CommandRun generated =
        CommandRun.of(
            "generate", "--out", series.toString(), "--placements", "3000", "--seed", "42", "--releases", "3");
    assertThat(generated.status()).as(generated.err()).isZero();
    manifest = ReleaseManifest.read(series.resolve(ReleaseManifest.FILE_NAME));
    for (int k = 1; k <= 3; k++) {
      ReleaseManifest.Release release = manifest.release(k);
      Path folder = series.resolve(release.folder());
      CommandRun audit =
          CommandRun.of(
              "audit", "--quiet", "--input", folder.resolve(release.files().get(0)).toString(),
              "--output", audit(k).toString(), "--history", dir.resolve("history").toString(), "--label",
              "release " + k);
      assertThat(audit.status()).as(audit.err()).isZero();
    }
  }

  private static Path audit(int release) {
    return dir.resolve("audit-" + release);
  }

  private static List<Row> flagged(SparkSession spark, Path comparison) {
    return spark.read().parquet(comparison.resolve("compare.parquet").toString()).where("flagged").collectAsList();
  }

  @Test
  void thePlantedChangesAreFlaggedWithTheirExactNumbersAndNothingElse(SparkSession spark) {
    Path out = dir.resolve("compare-2-3");
    CommandRun run =
        CommandRun.of(
            "compare", "--before", audit(2).toString(), "--after", audit(3).toString(), "--output", out.toString(),
            "--fail-on", "flagged");
    assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.RULES_FAILED);
    List<Row> flagged = new ArrayList<>(flagged(spark, out));
    // Without --fail-on the same comparison exits 0 and writes the same rows.
    Path again = dir.resolve("compare-2-3-again");
    CommandRun plain =
        CommandRun.of("compare", "--before", audit(2).toString(), "--after", audit(3).toString(), "--output", again.toString());
    assertThat(plain.status()).as(plain.err()).isZero();
    assertThat(flagged(spark, again)).hasSameSizeAs(flagged);

    ReleaseManifest.Change dropped = manifest.changes(ReleaseManifest.RECORDS_DROPPED).get(0);
    Row facilityYear = only(flagged, "records", "facility_records", dropped.fiscalYear(), dropped.facilityCode());
    assertThat(facilityYear.<Double>getAs("before")).isEqualTo((double) dropped.beforeCount());
    assertThat(facilityYear.<Double>getAs("after")).isEqualTo((double) dropped.afterCount());
    Row year = only(flagged, "records", "records", dropped.fiscalYear(), null);
    assertThat(year.<Double>getAs("before")).isEqualTo(dropped.fiscalYearRecordsBefore().doubleValue());
    assertThat(year.<Double>getAs("after")).isEqualTo(dropped.fiscalYearRecordsAfter().doubleValue());
    assertThat(year.<Double>getAs("difference")).isEqualTo((double) -dropped.beforeCount());

    ReleaseManifest.Change blank = manifest.changes(ReleaseManifest.COLUMN_BLANK).get(0);
    Row column = only(flagged, "column", "missing_share", null, null);
    assertThat(column.<String>getAs("reason")).contains(blank.column());
    assertThat(column.<Double>getAs("before")).isEqualTo(0.0);
    assertThat(column.<Double>getAs("after")).isEqualTo(1.0);

    ReleaseManifest.Change renamed = manifest.changes(ReleaseManifest.FACILITY_RENAMED).get(0);
    Row facility = only(flagged, "facility", "names", null, renamed.facilityCode());
    assertThat(facility.<String>getAs("reason")).contains((String) renamed.before()).contains((String) renamed.after());

    ReleaseManifest.LayoutChange layout = manifest.layoutChanges().get(0);
    List<Row> schema = flagged.stream().filter(r -> r.<String>getAs("kind").equals("schema")).toList();
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, List<String>> header : layout.renamed().entrySet()) {
      expected.add(
          "column renamed: '" + header.getValue().get(0) + "' before, '" + header.getValue().get(1) + "' after (both read as "
              + header.getKey() + ")");
    }
    layout.columnsAdded().forEach(header -> expected.add("column '" + header + "'"));
    layout.columnsDropped().forEach(header -> expected.add("column '" + header + "'"));
    assertThat(schema).hasSize(expected.size());
    for (String reason : expected) {
      assertThat(schema).as(reason).anyMatch(r -> r.<String>getAs("reason").startsWith(reason));
    }
    assertThat(flagged).as("nothing but the planted changes").hasSize(4 + expected.size());
  }

  @Test
  void naturalDriftBetweenReleasesFourMonthsApartIsNotFlagged(SparkSession spark) {
    Path out = dir.resolve("compare-1-2");
    CommandRun run =
        CommandRun.of(
            "compare", "--before", audit(1).toString(), "--after", audit(2).toString(), "--output", out.toString(),
            "--fail-on", "flagged");
    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains(", 0 flagged.");
    assertThat(flagged(spark, out)).isEmpty();
  }

  @Test
  void aReleaseComparedWithACopyOfItsAuditFlagsNothing(SparkSession spark) throws IOException {
    Path copy = Folders.copy(audit(3), dir.resolve("audit-3-copy"));
    Path out = dir.resolve("compare-3-3");
    CommandRun run =
        CommandRun.of(
            "compare", "--before", audit(3).toString(), "--after", copy.toString(), "--output", out.toString(),
            "--fail-on", "flagged");
    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(flagged(spark, out)).isEmpty();
  }

  @Test
  void theThirdAuditAgainstTheHistoryFlagsThePlantedAnomaliesAndTheReportShowsTheirTrend() throws IOException {
    JsonNode second = JSON.readTree(audit(2).resolve("summary.json").toFile()).path("history");
    assertThat(second.path("earlier_runs").findValuesAsText("label")).containsExactly("release 1");
    assertThat(second.path("flagged")).as("natural drift").isEmpty();

    JsonNode third = JSON.readTree(audit(3).resolve("summary.json").toFile()).path("history");
    assertThat(third.path("earlier_runs").findValuesAsText("label")).containsExactly("release 1", "release 2");
    ReleaseManifest.Change blank = manifest.changes(ReleaseManifest.COLUMN_BLANK).get(0);
    ReleaseManifest.Change dropped = manifest.changes(ReleaseManifest.RECORDS_DROPPED).get(0);
    List<String> flagged = new ArrayList<>();
    for (JsonNode flag : third.path("flagged")) {
      flagged.add(flag.path("kind").asText() + " " + flag.path("key").asText() + " " + flag.path("measure").asText());
      if (flag.path("kind").asText().equals("records")) {
        assertThat(flag.path("value").asLong()).isEqualTo(dropped.fiscalYearRecordsAfter());
        assertThat(flag.path("reference").asLong()).isEqualTo(dropped.fiscalYearRecordsBefore());
        assertThat(flag.path("series").findValuesAsText("label")).containsExactly("release 1", "release 2", "release 3");
      } else {
        assertThat(flag.path("value").asDouble()).isEqualTo(1.0);
        assertThat(flag.path("reference").asDouble()).isEqualTo(0.0);
      }
    }
    assertThat(flagged)
        .containsExactlyInAnyOrder(
            "column " + blank.column() + " missing_share", "records " + dropped.fiscalYear() + " records");

    Document report = Jsoup.parse(audit(3).resolve("report.html").toFile(), "UTF-8");
    assertThat(report.select("#history .history-flag")).hasSize(2);
    assertThat(report.select("#history figure.chart")).hasSize(2);
    assertThat(report.select("#history figure.chart").first().select("svg rect.bar")).hasSize(3);
  }

  /** The one flagged row of this kind, measure, fiscal year (null: any) and facility code (null: none). */
  private static Row only(List<Row> rows, String kind, String measure, Integer fiscalYear, String facilityCode) {
    List<Row> matching =
        rows.stream()
            .filter(r -> r.<String>getAs("kind").equals(kind) && r.<String>getAs("measure").equals(measure))
            .filter(r -> fiscalYear == null || fiscalYear.equals(r.getAs("fiscal_year")))
            .filter(r -> facilityCode == null ? r.getAs("facility_code") == null : facilityCode.equals(r.getAs("facility_code")))
            .toList();
    assertThat(matching).as(kind + " " + measure + " " + fiscalYear + " " + facilityCode).hasSize(1);
    return matching.get(0);
  }
}

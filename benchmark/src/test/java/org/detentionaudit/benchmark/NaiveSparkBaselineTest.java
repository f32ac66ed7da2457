package org.detentionaudit.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The naive baseline against the generator's manifest: on generated Parquet data with known
 * defects, every rule's failed count equals the oracle's, and rules reading a field the input lacks
 * map to null.
 */
class NaiveSparkBaselineTest {
  private static final String DDP_2025 = "ddp-2025.parquet";
  private static final String ICE_HISTORY = "ice-history-2010-2014.parquet";

  @TempDir static Path data;
  private static Manifest manifest;
  private static SparkSession spark;

  @BeforeAll
  static void generateAndStartSpark() throws Exception {
    manifest =
        SampleGenerator.builder()
            .defects(DefectProfile.HEAVY)
            .seed(20_250_611L)
            .placements(2_500)
            .build()
            .write(
                data,
                SampleGenerator.outputs(
                    List.of(Layout.DDP_2025, Layout.ICE_HISTORY_2010_2014), List.of(OutputFormat.PARQUET)));
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("naive-baseline-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.default.parallelism", "4")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void everyRuleCountsWhatTheManifestExpectsOnTheFullLayout() throws Exception {
    BaselineInput input = BaselineInput.of(data.resolve(DDP_2025), manifest.extractDateTime());

    Map<String, Long> counts = new NaiveSparkBaseline().failedCounts(input);

    assertThat(counts.keySet()).containsExactlyElementsOf(input.rules().stream().map(Rule::id).toList());
    assertThat(counts).isEqualTo(expectedCounts(DDP_2025, input));
    // The seeded defects make the cross-row rules fail somewhere: equal counts are not all zero.
    assertThat(counts.get("placement.duplicate")).isPositive();
    assertThat(counts.get("person.overlapping_placements")).isPositive();
    assertThat(counts.get("status.unknown")).isPositive();
  }

  @Test
  void rulesReadingFieldsTheLayoutLacksAreNull() throws Exception {
    // The FY2010-2014 history layout has no stay book-out or stay release reason, but a window start.
    BaselineInput input = BaselineInput.of(data.resolve(ICE_HISTORY), manifest.extractDateTime());
    assertThat(input.column(CanonicalField.STAY_BOOK_OUT)).isEmpty();

    Map<String, Long> counts = new NaiveSparkBaseline().failedCounts(input);

    assertThat(counts).isEqualTo(expectedCounts(ICE_HISTORY, input));
    assertThat(counts)
        .containsEntry("placement.outside_stay", null)
        .containsEntry("placement.open_in_closed_stay", null)
        .containsEntry("stay.reason_without_book_out", null);
    assertThat(counts.get("stay.implausibly_early")).isNotNull();
    assertThat(counts.get("placement.after_extract")).isNotNull();
  }

  @Test
  void aFieldLeftOutOfTheColumnsMakesItsRulesNull() throws Exception {
    BaselineInput full = BaselineInput.of(data.resolve(DDP_2025), manifest.extractDateTime());
    Map<CanonicalField, String> columns = new EnumMap<>(full.columns());
    columns.remove(CanonicalField.FACILITY_NAME);
    List<String> someRules =
        List.of(
            "facility.code_several_names",
            "facility.name_several_codes",
            "stay.implausibly_early",
            "facility.unknown_code");
    BaselineInput withoutNames =
        new BaselineInput(
            full.parquet(),
            full.extractDate(),
            columns,
            full.windowStart(),
            full.facilityCodeKeys(),
            full.under72CodeKeys(),
            full.rules().stream().filter(rule -> someRules.contains(rule.id())).toList());

    Map<String, Long> counts = new NaiveSparkBaseline().failedCounts(withoutNames);

    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(someRules);
    assertThat(counts)
        .containsEntry("facility.code_several_names", null)
        .containsEntry("facility.name_several_codes", null)
        .containsEntry("stay.implausibly_early", null) // DDP 2025 gives no window start
        .containsEntry("facility.unknown_code", expectedCounts(DDP_2025, full).get("facility.unknown_code"));
  }

  /** The manifest's failed count per rule for one file; null where it expects NOT_APPLICABLE. */
  private static Map<String, Long> expectedCounts(String file, BaselineInput input) {
    Map<String, Long> expected = new LinkedHashMap<>();
    for (Rule rule : input.rules()) {
      expected.put(rule.id(), manifest.expected(file, rule.id()).recordsFailed());
    }
    return expected;
  }
}

package org.detentionaudit.sample.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.oracle.CoreRule;
import org.detentionaudit.sample.oracle.NormalizedPlacement;
import org.detentionaudit.sample.oracle.ReferenceRuleEvaluator;
import org.detentionaudit.sample.oracle.RuleCount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calibrated profile (the default) gives the shares published for real releases, exercises every
 * rule on a few records without any failing on most, and spreads placements over many facilities.
 */
class CalibratedProfileTest {
  private static final long PLACEMENTS = 300_000;

  private static long rows;
  private static long withoutBookOut;
  private static long withoutStayBookOut;
  private static final Map<String, Long> byCode = new HashMap<>();
  private static final Set<String> namesOfRenamed = new HashSet<>();
  private static Map<String, RuleCount> counts;

  @BeforeAll
  static void generate() {
    PlacementSource source = SampleGenerator.builder().seed(7).placements(PLACEMENTS).build().placementSource();
    ReferenceRuleEvaluator oracle =
        new ReferenceRuleEvaluator(
            SampleGenerator.DEFAULT_EXTRACT_DATE,
            FacilityCatalog.bundled().all(),
            Optional.of(SampleGenerator.GENERATED_WINDOW_START),
            false);
    Set<String> renamed = FacilityCatalog.renamedCodes();
    while (source.hasNext()) {
      List<PlacementRecord> batch = source.next();
      for (PlacementRecord row : batch) {
        rows++;
        withoutBookOut += row.bookOut() == null ? 1 : 0;
        withoutStayBookOut += row.stayBookOut() == null ? 1 : 0;
        String code = NormalizedPlacement.normalizeText(row.facilityCode());
        if (code != null) {
          String upper = code.toUpperCase(Locale.ROOT);
          byCode.merge(upper, 1L, Long::sum);
          if (renamed.contains(upper)) {
            namesOfRenamed.add(row.facilityName().trim().toUpperCase(Locale.ROOT));
          }
        }
      }
      oracle.accept(batch.stream().map(NormalizedPlacement::of).toList());
    }
    counts = oracle.countsById();
  }

  @Test
  void theDefaultIsTheCalibratedProfile() {
    assertThat(SampleGenerator.builder().build().rates()).isEqualTo(DefectRates.calibrated());
    assertThat(DefectRates.defaults().profile()).isEqualTo(DefectProfile.CALIBRATED);
    assertThat(SampleGenerator.builder().defects(DefectProfile.HEAVY).build().rates()).isEqualTo(DefectRates.heavy());
    assertThat(DefectRates.heavy().with(Defect.DUPLICATE, 0.5).profile()).isEqualTo(DefectProfile.HEAVY);
    assertThat(DefectProfile.byId(" Heavy ")).isEqualTo(DefectProfile.HEAVY);
    assertThatThrownBy(() -> DefectProfile.byId("light"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calibrated, heavy");
  }

  @Test
  void sharesFollowThePublishedFigures() {
    assertThat(rows).isEqualTo(PLACEMENTS);
    // DDP, June 2025 release: no book-out 4.752%, no stay book-out 11.989%, no person id 0.157%.
    assertThat(percent(withoutBookOut)).isBetween(4.25, 5.25);
    assertThat(percent(withoutStayBookOut)).isBetween(11.0, 13.0);
    assertThat(percent(failed(CoreRule.PERSON_MISSING_ID))).isBetween(0.10, 0.22);
    // ACLU on the February 2025 release: 11,146 of 763,286 placements (1.46%).
    assertThat(percent(failed(CoreRule.STAY_TRANSFERRED_WITHOUT_NEXT))).isBetween(1.2, 1.8);
  }

  @Test
  void everyRuleFailsOnSomeRecordsAndNoneOnMost() {
    assertThat(counts).hasSize(CoreRule.values().length);
    counts.forEach(
        (rule, count) -> {
          if (rule.equals(CoreRule.PLACEMENT_AFTER_EXTRACT.id())
              || rule.equals(CoreRule.PLACEMENT_IMPLAUSIBLE_DATE.id())) {
            assertThat(count.recordsFailed()).as(rule).isZero(); // opt-in in every profile
            return;
          }
          assertThat(count.recordsFailed()).as(rule).isPositive();
          assertThat((double) count.recordsFailed() / count.recordsChecked()).as(rule).isLessThan(0.05);
        });
  }

  @Test
  void facilityNamesVaryPerFacilityNotOnMostRecords() {
    // The heavy profile, with names varied per placement, fails these on 81% and 88% of 100,000 records.
    assertThat(percent(failed(CoreRule.FACILITY_CODE_SEVERAL_NAMES))).isBetween(0.5, 6.0);
    assertThat(percent(failed(CoreRule.FACILITY_NAME_SEVERAL_CODES))).isBetween(0.2, 3.0);
    assertThat(namesOfRenamed)
        .contains("NORTHWEST DET. CENTER", "TACOMA ICE PROCESSING CENTER", "NW ICE PROCESSING CTR");
  }

  @Test
  void placementsSpreadOverManyFacilitiesWithoutOneDominating() {
    long largest = byCode.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(byCode).hasSizeGreaterThan(500);
    assertThat(percent(largest)).isBetween(1.0, 5.0);
    long topTen =
        byCode.values().stream().sorted((a, b) -> Long.compare(b, a)).limit(10).mapToLong(Long::longValue).sum();
    assertThat(percent(topTen)).isBetween(10.0, 35.0);
  }

  @Test
  void theEarlierNameIsCarriedBeforeTheRenameAndTheCurrentOneAfter() {
    FacilityCatalog catalog = FacilityCatalog.bundled();
    var tacoma =
        catalog.all().stream().filter(f -> f.code().equals("CSCNWWA")).findFirst().orElseThrow();
    assertThat(catalog.nameAt(tacoma, FacilityCatalog.FY2018.minusMinutes(1))).isEqualTo("NORTHWEST DET. CENTER");
    assertThat(catalog.nameAt(tacoma, FacilityCatalog.FY2018)).isEqualTo("TACOMA ICE PROCESSING CENTER");
    assertThat(catalog.nameAt(tacoma, FacilityCatalog.FY2023)).isEqualTo(tacoma.name());
    assertThat(catalog.nameAt(tacoma, null)).isEqualTo(tacoma.name());
  }

  private static long failed(CoreRule rule) {
    return counts.get(rule.id()).recordsFailed();
  }

  private static double percent(long count) {
    return 100.0 * count / rows;
  }
}

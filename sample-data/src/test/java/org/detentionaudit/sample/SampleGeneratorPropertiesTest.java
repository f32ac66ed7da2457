package org.detentionaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.generate.FacilityCatalog;
import org.detentionaudit.sample.generate.PlacementSource;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.oracle.CoreRule;
import org.detentionaudit.sample.oracle.NormalizedPlacement;
import org.detentionaudit.sample.oracle.ReferenceRuleEvaluator;
import org.detentionaudit.sample.oracle.RuleCount;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.detentionaudit.sample.write.OutputSpec;

/** The generator's invariants, over seeds and sizes. */
class SampleGeneratorPropertiesTest {

  @Property(tries = 5)
  void sameSeedGivesSameBytes(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long seed) throws Exception {
    Path a = WrittenFiles.tempDir();
    Path b = WrittenFiles.tempDir();
    try {
      SampleGenerator generator = SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(seed).placements(800).malformedLines(3).build();
      List<OutputSpec> outputs = List.of(OutputSpec.of(Layout.DDP_2026_03, OutputFormat.PIPE), OutputSpec.of(Layout.UWCHR_2012_2024, OutputFormat.CSV));
      generator.write(a, outputs);
      generator.write(b, outputs);
      for (String name : List.of("ddp-2026-03.txt", "uwchr-2012-2024.csv", Manifest.FILE_NAME)) {
        assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
      }
    } finally {
      WrittenFiles.delete(a);
      WrittenFiles.delete(b);
    }
  }

  @Property(tries = 10)
  void extractDateIsTheLargestTimestampAndNothingIsLater(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 3000) int placements,
      @ForAll @IntRange(min = 0, max = 400) int daysBeforeDefault) {
    LocalDateTime extract = SampleGenerator.DEFAULT_EXTRACT_DATE.minusDays(daysBeforeDefault).plusMinutes(seed % 1440);
    PlacementSource source = SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(seed).placements(placements).extractDate(extract).build().placementSource();
    LocalDateTime max = null;
    long rows = 0;
    while (source.hasNext()) {
      for (PlacementRecord row : source.next()) {
        rows++;
        for (LocalDateTime t : new LocalDateTime[] {row.stayBookIn(), row.bookIn(), row.bookOut(), row.stayBookOut()}) {
          if (t != null) {
            assertThat(t.getSecond()).isZero();
            assertThat(t).isBeforeOrEqualTo(extract);
            max = max == null || t.isAfter(max) ? t : max;
          }
        }
      }
    }
    assertThat(rows).isEqualTo(placements);
    assertThat(max).isEqualTo(extract);
  }

  @Property(tries = 5)
  void everyRuleHasFailuresInTheHeavyProfile(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2000, max = 4000) int placements) {
    PlacementSource source = SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(seed).placements(placements).build().placementSource();
    ReferenceRuleEvaluator oracle = oracle(SampleGenerator.DEFAULT_EXTRACT_DATE);
    while (source.hasNext()) {
      oracle.accept(source.next().stream().map(NormalizedPlacement::of).toList());
    }
    assertThat(oracle.countsById()).hasSize(CoreRule.values().length).allSatisfy((rule, count) -> {
      if (rule.equals(CoreRule.PLACEMENT_AFTER_EXTRACT.id())
          || rule.equals(CoreRule.PLACEMENT_IMPLAUSIBLE_DATE.id())) {
        // off by default: the extract date is the latest timestamp, and no date is a placeholder
        assertThat(count.recordsFailed()).as(rule).isZero();
        return;
      }
      assertThat(count.recordsFailed()).as(rule).isPositive();
      assertThat(count.recordsFailed()).as(rule).isLessThan(count.recordsChecked());
    });
  }

  @Property(tries = 3)
  void manifestEqualsOracleOnEveryFileReadBack(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws Exception {
    manifestEqualsOracleOnEveryFileReadBack(seed, DefectProfile.HEAVY);
  }

  @Property(tries = 2)
  void calibratedManifestEqualsOracleOnEveryFileReadBack(@ForAll @LongRange(min = 0, max = 1_000_000) long seed)
      throws Exception {
    manifestEqualsOracleOnEveryFileReadBack(seed, DefectProfile.CALIBRATED);
  }

  private static void manifestEqualsOracleOnEveryFileReadBack(long seed, DefectProfile profile) throws Exception {
    Path dir = WrittenFiles.tempDir();
    try {
      List<OutputSpec> outputs = new ArrayList<>();
      // The layouts with every rule field and full timestamps (WrittenFiles reads these).
      for (Layout layout : List.of(Layout.DDP_2025, Layout.DDP_2026_03, Layout.UWCHR_2012_2024)) {
        outputs.add(OutputSpec.of(layout, OutputFormat.CSV));
      }
      outputs.add(OutputSpec.of(Layout.DDP_2026_03, OutputFormat.PIPE));
      outputs.add(OutputSpec.of(Layout.UWCHR_2012_2024, OutputFormat.TSV));
      outputs.add(OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV_GZIP));
      outputs.add(OutputSpec.of(Layout.DDP_2025, OutputFormat.PARQUET));
      Manifest manifest = SampleGenerator.builder().defects(profile).seed(seed).placements(2500).build().write(dir, outputs);
      assertThat(manifest.rates().profile()).isEqualTo(profile.id());
      assertThat(Manifest.read(dir.resolve(Manifest.FILE_NAME))).isEqualTo(manifest);
      for (OutputSpec spec : outputs) {
        Path file = dir.resolve(spec.relativePath());
        List<NormalizedPlacement> rows = spec.format() == OutputFormat.PARQUET
            ? WrittenFiles.readParquet(file, spec.layout())
            : WrittenFiles.readText(file, spec.layout(), spec.format());
        assertThat(rows).as(spec.relativePath()).hasSize(2500);
        ReferenceRuleEvaluator oracle = oracle(manifest.extractDateTime());
        oracle.accept(rows); // the whole file as one batch: grouping by person id must not matter
        Map<String, RuleCount> reevaluated = oracle.countsById();
        assertThat(reevaluated).as(spec.relativePath()).isEqualTo(manifest.expected());
      }
    } finally {
      WrittenFiles.delete(dir);
    }
  }

  private static ReferenceRuleEvaluator oracle(LocalDateTime extractDate) {
    return new ReferenceRuleEvaluator(
        extractDate,
        FacilityCatalog.bundled().all(),
        Optional.of(SampleGenerator.GENERATED_WINDOW_START),
        false);
  }
}

package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.detentionaudit.sample.write.OutputSpec;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Injected malformed lines are quarantined one for one, and nothing else is lost. */
@ExtendWith(SharedSpark.class)
class QuarantineEndToEndTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"CSV", "PIPE", "CSV_GZIP"})
  void rowsReadEqualLoadedPlusQuarantined(OutputFormat format, SparkSession spark) throws IOException {
    OutputSpec spec = OutputSpec.of(Layout.DDP_2025, format);
    Manifest manifest =
        SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(5).placements(3000).malformedLines(17).build().write(dir, List.of(spec));
    Path output = dir.resolve("out");
    CommandRun run =
        CommandRun.of("audit", "--input", dir.resolve(spec.relativePath()).toString(), "--output", output.toString());
    assertThat(run.status()).as(run.err()).isZero();

    RunSummary summary = AuditRun.summaryOf(output);
    RunSummary.InputSummary input = summary.inputs().get(0);
    assertThat(input.rowsQuarantined()).isEqualTo(17).isEqualTo(manifest.malformedLines().count());
    assertThat(input.rowsLoaded()).isEqualTo(manifest.placements());
    assertThat(input.rowsRead()).isEqualTo(input.rowsLoaded() + input.rowsQuarantined());

    List<Row> quarantine =
        spark.read().parquet(output.resolve("quarantine.parquet").toString()).orderBy("source_row").collectAsList();
    assertThat(quarantine).extracting(r -> (Long) r.getAs("source_row"))
        .containsExactlyElementsOf(manifest.malformedLines().lines().stream().map(Manifest.MalformedLine::sourceRow).toList());
    assertThat(quarantine).allSatisfy(r -> {
      assertThat((String) r.getAs("raw")).isNotBlank();
      assertThat((String) r.getAs("reason")).isNotBlank();
      assertThat((String) r.getAs("source_file")).endsWith(spec.relativePath());
    });
    ManifestAssertions.assertRulesMatch(summary, manifest, spec.relativePath());
  }
}

package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.sample.Manifest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samples shipped in sample-data/samples (what the README's first command audits) give exactly
 * the counts their manifests state, so the bundled demo cannot drift from the engine.
 */
@ExtendWith(SharedSpark.class)
class CommittedSamplesTest {
  private static final Path SAMPLES = Path.of("..", "sample-data", "samples");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ddp-2025", "ddp-2026-03", "uwchr-2012-2024", "parquet"})
  void sampleMatchesItsManifest(String folder) throws IOException {
    Manifest manifest = Manifest.read(SAMPLES.resolve(folder).resolve(Manifest.FILE_NAME));
    Path output = dir.resolve(folder);
    CommandRun run =
        CommandRun.of("audit", "--input", SAMPLES.resolve(folder).toString(), "--output", output.toString());
    assertThat(run.status()).as(run.err()).isZero();
    RunSummary summary = AuditRun.summaryOf(output);
    assertThat(summary.rowsRead()).isEqualTo(manifest.placements());
    assertThat(summary.rowsQuarantined()).isZero();
    assertThat(summary.extractDate()).isEqualTo(manifest.extractDate());
    ManifestAssertions.assertRulesMatch(summary, manifest, manifest.files().get(0).path());
  }
}

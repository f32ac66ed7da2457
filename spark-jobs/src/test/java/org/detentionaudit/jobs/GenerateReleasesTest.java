package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.ReleaseManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --releases N}: a release series, and the audit of each release agrees with its manifest. */
@ExtendWith(SharedSpark.class)
class GenerateReleasesTest {

  @Test
  void writesEachReleaseAndTheSeriesManifestAndEachReleaseAuditsToItsManifest(@TempDir Path tempDir)
      throws IOException {
    Path series = tempDir.resolve("series");
    CommandRun generated =
        CommandRun.of(
            "generate", "--out", series.toString(), "--placements", "3000", "--seed", "42",
            "--releases", "3", "--defects", "heavy");
    assertThat(generated.status()).as(generated.err()).isZero();
    assertThat(generated.out())
        .contains("Wrote 3 releases of 3000 placements")
        .contains("extract dates 2024-10-26T00:00:00 to 2025-06-26T00:00:00")
        .contains("between releases 2 and 3");
    ReleaseManifest manifest = ReleaseManifest.read(series.resolve(ReleaseManifest.FILE_NAME));
    assertThat(manifest.releases()).extracting(ReleaseManifest.Release::folder)
        .containsExactly("release-1", "release-2", "release-3");
    assertThat(series.resolve("release-1/ddp-2025.csv")).exists();
    assertThat(series.resolve("release-2/ddp-2025.csv")).exists();
    assertThat(series.resolve("release-3/ddp-2026-03.csv")).exists();
    assertThat(manifest.changes())
        .extracting(ReleaseManifest.Change::kind)
        .containsExactly("records_dropped", "column_blank", "facility_renamed", "column_renamed", "column_renamed");
    // Release 1 is truncated at its own extract date, release 3 is in the March 2026 layout: the
    // audit infers each extract date (its latest timestamp) and finds the manifest's counts.
    for (String file : new String[] {"release-1/ddp-2025.csv", "release-3/ddp-2026-03.csv"}) {
      Path input = series.resolve(file);
      Manifest expected = Manifest.read(input.resolveSibling(Manifest.FILE_NAME));
      Path output = tempDir.resolve(input.getParent().getFileName() + "-out");
      CommandRun run = CommandRun.of("audit", "--input", input.toString(), "--output", output.toString());
      assertThat(run.status()).as(run.err()).isZero();
      RunSummary summary = AuditRun.summaryOf(output);
      assertThat(summary.extractDate()).isEqualTo(expected.extractDate());
      assertThat(summary.rowsRead()).isEqualTo(expected.placements());
      assertThat(ManifestAssertions.assertRulesMatch(summary, expected, input.getFileName().toString()))
          .isPositive();
    }
  }

  @Test
  void fewerThanTwoReleasesAreAUsageError(@TempDir Path tempDir) {
    for (String releases : new String[] {"1", "0", "-2"}) {
      Path out = tempDir.resolve("x" + releases);
      CommandRun run = CommandRun.of("generate", "--out", out.toString(), "--releases", releases);
      assertThat(run.status()).as(releases).isEqualTo(2);
      assertThat(run.err()).contains("--releases needs 2 or more").doesNotContain("Exception");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void malformedLinesAndTooManyReleasesAreUsageErrors(@TempDir Path tempDir) {
    CommandRun malformed =
        CommandRun.of("generate", "--out", tempDir.resolve("m").toString(), "--releases", "2", "--malformed", "3");
    assertThat(malformed.status()).isEqualTo(2);
    assertThat(malformed.err()).contains("--malformed 3").contains("without --malformed");
    CommandRun many =
        CommandRun.of("generate", "--out", tempDir.resolve("n").toString(), "--releases", "60");
    assertThat(many.status()).isEqualTo(2);
    assertThat(many.err()).contains("before 2011-10-03").contains("fewer releases");
    assertThat(tempDir.resolve("m")).doesNotExist();
    assertThat(tempDir.resolve("n")).doesNotExist();
  }

  @Test
  void withoutReleasesTheOutputIsOneFolderAsBefore(@TempDir Path tempDir) throws IOException {
    Path out = tempDir.resolve("one");
    CommandRun run = CommandRun.of("generate", "--out", out.toString(), "--placements", "200");
    assertThat(run.status()).as(run.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("ddp-2025.csv", "manifest.json");
    }
  }
}

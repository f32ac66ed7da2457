package org.detentionaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateSampleTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return GenerateSample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesEveryLayoutFormatPairAndTheManifest() throws Exception {
    int status = run("--out", dir.toString(), "--placements", "200", "--seed", "3",
        "--layouts", "ddp-2025,uwchr-2012-2024", "--formats", "csv,csv.gz", "--malformed", "2");
    assertThat(status).isZero();
    assertThat(dir.resolve("ddp-2025.csv")).exists();
    assertThat(dir.resolve("uwchr-2012-2024.csv.gz")).exists();
    Manifest manifest = Manifest.read(dir.resolve("manifest.json"));
    assertThat(manifest.seed()).isEqualTo(3);
    assertThat(manifest.placements()).isEqualTo(200);
    assertThat(manifest.files()).hasSize(4);
    assertThat(manifest.expected()).hasSize(15);
    assertThat(manifest.extractDate()).isEqualTo("2025-06-26T00:00:00");
  }

  @Test
  void usageErrorsExitWithTwoAndNameTheProblem() {
    assertThat(run("--placements", "10")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot generate sample: --out DIR is required");
    assertThat(run("--out", dir.toString(), "--placements", "ten")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'ten' is not a whole number");
    assertThat(run("--out", dir.toString(), "--formats", "xlsx")).isEqualTo(2);
    assertThat(run("--out", dir.toString(), "--extract-date", "2025-06-26T00:00:30")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("minute precision");
  }
}

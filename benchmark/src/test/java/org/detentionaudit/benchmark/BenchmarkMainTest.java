package org.detentionaudit.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's help formats cleanly: picocli formats descriptions, so a percent sign is doubled. */
class BenchmarkMainTest {
  @Test
  void helpRendersEveryOptionWithoutFormatWarnings() {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String usage;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      usage = new CommandLine(new BenchmarkMain()).getUsageMessage();
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format");
    assertThat(usage).contains("about 1% of records or more").contains("--defects=PROFILE");
  }
}

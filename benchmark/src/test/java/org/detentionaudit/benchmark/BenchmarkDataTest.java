package org.detentionaudit.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.detentionaudit.sample.generate.DefectProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDataTest {
  private final StringWriter console = new StringWriter();
  private final PrintWriter out = new PrintWriter(console, true);

  @Test
  void copiesHaveTheirOwnPeopleSoEveryCountScalesWithThem(@TempDir Path work) throws Exception {
    BenchmarkData once = BenchmarkData.prepare(work, 3_000, 5, 3_000, DefectProfile.HEAVY, out);
    BenchmarkData thrice = BenchmarkData.prepare(work, 9_000, 5, 3_000, DefectProfile.HEAVY, out);

    assertThat(thrice.parquet()).isNotEqualTo(once.parquet());
    assertThat(rows(thrice.parquet())).isEqualTo(9_000);
    assertThat(distinctPeople(thrice.parquet())).isEqualTo(3 * distinctPeople(once.parquet()));
    once.expectedFailed()
        .forEach(
            (rule, failed) ->
                assertThat(thrice.expectedFailed().get(rule)).as(rule).isEqualTo(failed == null ? null : 3 * failed));
    assertThat(once.expectedFailed().values()).filteredOn(v -> v != null && v > 0).hasSizeGreaterThan(15);

    // The audit's meanings, evaluated independently on the copies, give the scaled counts.
    Map<String, Long> counted =
        new DuckDbBaseline().failedCounts(BaselineInput.of(thrice.parquet(), thrice.extractDate()));
    assertThat(counted).isEqualTo(thrice.expectedFailed());

    BenchmarkData again = BenchmarkData.prepare(work, 9_000, 5, 3_000, DefectProfile.HEAVY, out);
    assertThat(again.parquet()).isEqualTo(thrice.parquet());
    assertThat(console.toString()).contains("Reusing " + thrice.parquet());
  }

  @Test
  void calibratedDataAreMadeInTheirOwnFolderAndDuckDbCountsWhatTheManifestSays(@TempDir Path work)
      throws Exception {
    BenchmarkData heavy = BenchmarkData.prepare(work, 20_000, 7, 20_000, DefectProfile.HEAVY, out);
    BenchmarkData calibrated = BenchmarkData.prepare(work, 20_000, 7, 20_000, DefectProfile.CALIBRATED, out);

    assertThat(calibrated.parquet()).isNotEqualTo(heavy.parquet());
    assertThat(calibrated.parquet().getParent().getFileName()).hasToString("placements-20000-seed-7-calibrated");
    assertThat(console.toString()).doesNotContain("Reusing");
    assertThat(calibrated.expectedFailed().get("facility.code_several_names"))
        .isPositive()
        .isLessThan(heavy.expectedFailed().get("facility.code_several_names") / 10);
    Map<String, Long> counted =
        new DuckDbBaseline().failedCounts(BaselineInput.of(calibrated.parquet(), calibrated.extractDate()));
    assertThat(counted).isEqualTo(calibrated.expectedFailed());
  }

  @Test
  void aSizeThatIsNotAMultipleOfTheGeneratedOneIsRefused(@TempDir Path work) {
    assertThatThrownBy(() -> BenchmarkData.prepare(work, 2_500, 5, 1_000, DefectProfile.CALIBRATED, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 1000");
    assertThat(work).isEmptyDirectory();
  }

  @Test
  void aChildRunIsMeasuredFromOutside(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("logs").resolve("child.out");
    ChildRun run = ChildRun.run(BaselineMain.class.getName(), List.of("too", "few"), log);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.seconds()).isPositive();
    assertThat(run.peakRssBytes()).isPositive();
    assertThat(Files.readString(log)).contains("Usage: BaselineMain");
  }

  private static long rows(Path parquet) throws Exception {
    return single("SELECT count(*) FROM read_parquet('" + parquet + "')");
  }

  private static long distinctPeople(Path parquet) throws Exception {
    // People as the audit sees them: ids that are missing or redacted are no one.
    return single(
        "SELECT count(DISTINCT upper("
            + DuckDbBaseline.normalizedText("unique_identifier")
            + ")) FROM read_parquet('"
            + parquet
            + "')");
  }

  private static long single(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}

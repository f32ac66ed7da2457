package org.detentionaudit.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.detentionaudit.core.normalize.MissingValueMarker;
import org.detentionaudit.core.normalize.RedactionMarker;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written DuckDB SQL gives exactly the generator's expected counts, on every layout the
 * generator writes as Parquet, and judges text cells as the audit's Java normalization does.
 */
class DuckDbBaselineTest {
  private static final int PLACEMENTS = 2_500;

  private final DuckDbBaseline baseline = new DuckDbBaseline();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 20_250_626})
  void countsEqualTheManifestOnEveryLayout(long seed, @TempDir Path dir) throws Exception {
    Manifest manifest = generate(seed, List.of(Layout.values()), dir);

    assertThat(manifest.files()).hasSize(Layout.values().length);
    for (Manifest.FileEntry file : manifest.files()) {
      BaselineInput input = BaselineInput.of(dir.resolve(file.path()), manifest.extractDateTime());
      Map<String, Long> expected = expected(manifest, file.path(), input.rules());
      if (input.column(CanonicalField.FACILITY_CODE).isEmpty()) {
        // the audit and the oracle judge facility.unknown_code by name where a layout has names but
        // no codes (ice-initial-book-ins); the baselines judge facilities by code only
        for (Rule rule : input.rules()) {
          if (rule.kind().oneOfFields().contains(CanonicalField.FACILITY_CODE)) {
            expected.put(rule.id(), null);
          }
        }
      }

      assertThat(baseline.failedCounts(input))
          .as("failed counts of %s", file.path())
          .isEqualTo(expected);
      if (file.layout().equals(Layout.DDP_2025.id())) {
        // The comparison proves something only where the data have defects of most kinds.
        assertThat(expected.values())
            .filteredOn(count -> count != null && count > 0)
            .hasSizeGreaterThan(15);
      }
    }
  }

  @Test
  void aFieldTheFileLacksMakesEveryRuleThatNeedsItNotApplicable(@TempDir Path dir)
      throws Exception {
    Manifest manifest = generate(11, List.of(Layout.DDP_2025), dir);
    Path withoutCode = dir.resolve("without-facility-code.parquet");
    copyParquet(
        dir.resolve("ddp-2025.parquet"),
        "* EXCLUDE (detention_facility_code)",
        withoutCode);
    BaselineInput input = BaselineInput.of(withoutCode, manifest.extractDateTime());
    assertThat(input.column(CanonicalField.FACILITY_CODE)).isEmpty();

    Map<String, Long> counts = baseline.failedCounts(input);

    Map<String, Long> expected = expected(manifest, "ddp-2025.parquet", input.rules());
    for (Rule rule : input.rules()) {
      if (rule.kind().requiredFields().contains(CanonicalField.FACILITY_CODE)
          || rule.kind().oneOfFields().contains(CanonicalField.FACILITY_CODE)) {
        // the audit (and the oracle) judge facility.unknown_code by name here; the baselines
        // judge facilities by code only
        expected.put(rule.id(), null);
      }
    }
    assertThat(counts).isEqualTo(expected);
    assertThat(counts)
        .containsEntry("facility.missing_code", null)
        .containsEntry("placement.duplicate", null)
        .containsEntry("placement.self_transfer", null);
    assertThat(counts.get("person.overlapping_placements")).isPositive();
  }

  @Test
  void aTimestampWrittenAsTextIsRefused(@TempDir Path dir) throws Exception {
    Manifest manifest = generate(3, List.of(Layout.DDP_2025), dir);
    Path textDates = dir.resolve("text-book-in.parquet");
    copyParquet(
        dir.resolve("ddp-2025.parquet"),
        "* REPLACE (CAST(book_in_date_time AS VARCHAR) AS book_in_date_time)",
        textDates);

    assertThatThrownBy(
            () -> baseline.failedCounts(BaselineInput.of(textDates, manifest.extractDateTime())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("book_in_date_time")
        .hasMessageContaining("VARCHAR");
  }

  @Test
  void textCellsAreNormalizedAsTheAuditsJavaCodeDoes() throws SQLException {
    Set<String> cells = new LinkedHashSet<>(DOCUMENTED_CELLS);
    cells.add("(b)(6)".repeat(40)); // a marker over 200 characters long is a value
    SplittableRandom random = new SplittableRandom(42);
    while (cells.size() < 20_000) {
      cells.add(cells.size() % 2 == 0 ? markerLike(random) : anyCell(random));
    }

    Map<String, String> expected = new HashMap<>();
    for (String cell : cells) {
      boolean noValue = MissingValueMarker.isMissing(cell) || RedactionMarker.isRedaction(cell);
      expected.put(cell, noValue ? null : cell.trim());
    }
    assertThat(expected.values()).filteredOn(value -> value == null).hasSizeGreaterThan(2_000);
    assertThat(normalizedByDuckDb(cells)).isEqualTo(expected);
  }

  @Test
  void theRedactionPatternIsRewrittenForRe2() {
    String re2 = DuckDbBaseline.REDACTION_RE2;

    assertThat(re2).startsWith("(?i)").doesNotContain("*+").doesNotContain("\\s");
  }

  /** Spellings from docs/formats-and-layouts.md and RedactionMarkerTest, markers and near misses, and NA forms. */
  private static final List<String> DOCUMENTED_CELLS =
      List.of(
          "(b)(6), (b)(7)c",
          "(b)(6),(b)(7)c)",
          "(b)(6), (b)(7)(c) (b)(7)(e)",
          "b(6), b(7)C",
          "b)(4)",
          "(B)(7)(C)",
          "(b) (6)",
          " (b)(6); (b)(7)(C) ",
          "(b)(6) and (b)(7)(c)",
          "(b)(6)/(b)(7)(c)",
          "[(b)(6)]",
          "(b)(6)(b)(7)(c)",
          "REDACTED",
          "[redacted]",
          " [ Redacted ] ",
          "B6",
          "b6",
          "Removed",
          "SMITH (b)(6)",
          "(b)(6) SMITH",
          "(b)",
          "(6)",
          "(b)(0)",
          "U.S. Marshals or other agency (explain in Detention Comments)",
          "",
          "   ",
          "\t\u000B\u001F ",
          "NA",
          "na",
          " n/A ",
          "N/A.",
          "NAN",
          "\u00A0NA",
          "NA\u2028");

  /**
   * A redaction marker built from the grammar of {@link RedactionMarker} with random spacing,
   * doubled or missing parentheses and some out-of-range parts, then in a third of the cases broken
   * by deleting or inserting one character: many markers and many near misses.
   */
  private static String markerLike(SplittableRandom random) {
    StringBuilder cell = new StringBuilder(random.nextBoolean() ? "" : "[");
    int citations = 1 + random.nextInt(4);
    for (int i = 0; i < citations; i++) {
      if (i > 0) {
        cell.append(pick(random, List.of(",", ";", "/", "&", "and", " ", "", ", ", " and ")));
      }
      cell.append(parentheses(random, "(")).append(space(random));
      cell.append(pick(random, List.of("b", "B", "b", "d"))).append(space(random));
      cell.append(parentheses(random, ")")).append(space(random));
      cell.append(parentheses(random, "(")).append(space(random));
      cell.append(pick(random, List.of("6", "7", "4", "0"))).append(space(random));
      cell.append(parentheses(random, ")"));
      if (random.nextBoolean()) {
        cell.append(space(random)).append(parentheses(random, "("));
        cell.append(pick(random, List.of("c", "C", "e", "g"))).append(parentheses(random, ")"));
      }
    }
    cell.append(space(random)).append(random.nextBoolean() ? "" : "]");
    if (random.nextInt(3) == 0) {
      int at = random.nextInt(cell.length() + 1);
      if (random.nextBoolean() && at < cell.length()) {
        cell.deleteCharAt(at);
      } else {
        cell.insert(at, pick(random, TOKENS));
      }
    }
    return space(random) + cell + space(random);
  }

  /** A cell of one to eight random pieces. */
  private static String anyCell(SplittableRandom random) {
    StringBuilder cell = new StringBuilder();
    int pieces = 1 + random.nextInt(8);
    for (int i = 0; i < pieces; i++) {
      cell.append(pick(random, TOKENS));
    }
    return cell.toString();
  }

  private static String parentheses(SplittableRandom random, String parenthesis) {
    return parenthesis.repeat(pick(random, List.of(1, 1, 1, 0, 2)));
  }

  private static String space(SplittableRandom random) {
    return pick(random, List.of("", "", "", " ", "  ", "\t", "\u000B", "\n"));
  }

  private static <T> T pick(SplittableRandom random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** Pieces of markers, separators, whitespace Java trims and whitespace it keeps. */
  private static final List<String> TOKENS =
      List.of(
          "(b)", "(6)", "(7)", "(c)", "(e)", "b", "B", "6", "c", "(", ")", "((", "))", "[", "]",
          " ", "\t", "\u000B", "\u0001", "\u001F", "\n", ",", ";", "/", "&", "and", "redacted",
          "REDACTED", "NA", "n/a", "x", "\u00E9", "\u00A0", "\u2028", "Transferred");

  /** Each cell as the baseline normalizes it (null for no value). */
  private static Map<String, String> normalizedByDuckDb(Set<String> cells) throws SQLException {
    String sql =
        "SELECT cell, "
            + DuckDbBaseline.normalizedText("trimmed")
            + " FROM (SELECT cell, "
            + DuckDbBaseline.javaTrimmed("cell")
            + " AS trimmed FROM (SELECT unnest(?::VARCHAR[]) AS cell))";
    Map<String, String> normalized = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setArray(1, connection.createArrayOf("VARCHAR", cells.toArray(new String[0])));
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          normalized.put(result.getString(1), result.getString(2));
        }
      }
    }
    return normalized;
  }

  private static Manifest generate(long seed, List<Layout> layouts, Path dir) throws Exception {
    return SampleGenerator.builder()
        .defects(DefectProfile.HEAVY)
        .seed(seed)
        .placements(PLACEMENTS)
        .build()
        .write(dir, SampleGenerator.outputs(layouts, List.of(OutputFormat.PARQUET)));
  }

  /** The manifest's expected failed counts of {@code file}, null where not applicable. */
  private static Map<String, Long> expected(Manifest manifest, String file, List<Rule> rules) {
    Map<String, Long> expected = new LinkedHashMap<>();
    for (Rule rule : rules) {
      expected.put(rule.id(), manifest.expected(file, rule.id()).recordsFailed());
    }
    return expected;
  }

  /** Writes {@code SELECT columns FROM source} to {@code target}, rows in file order. */
  private static void copyParquet(Path source, String columns, Path target) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT "
              + columns
              + " FROM read_parquet('"
              + source.toAbsolutePath()
              + "')) TO '"
              + target.toAbsolutePath()
              + "' (FORMAT parquet)");
    }
  }
}

package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.spark.sql.Row;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.RuleKind;
import org.detentionaudit.rules.RuleScope;

/**
 * Mutating lines of a valid CSV file (a delimiter dropped or doubled, a quote inserted, the line
 * truncated, a NUL or a 100,000-character run injected) costs at most the mutated lines: every
 * physical data line is a row read, every row read is loaded or quarantined, and every unmutated
 * row keeps its findings at its own {@code source_row}.
 *
 * <p>The base is the first 40 rows of the bundled generated DDP-2025 sample, audited with a given
 * extract date so that no mutated timestamp can move it. Findings compared are those of rules that
 * judge a record alone (record scope, but for the facility-name conflicts, which compare records
 * with each other).
 */
class CsvLineMutationProperties {
  private static final Path SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025", "ddp-2025.csv");
  private static final int ROWS = 40;
  private static final LocalDateTime EXTRACT = LocalDateTime.parse("2025-06-26T00:00:00");
  private static final Set<String> JUDGED_ALONE =
      java.util.Arrays.stream(RuleKind.values())
          .filter(k -> k.scope() == RuleScope.RECORD)
          .filter(k -> k != RuleKind.FACILITY_CODE_SEVERAL_NAMES && k != RuleKind.FACILITY_NAME_SEVERAL_CODES)
          .map(RuleKind::id)
          .collect(Collectors.toSet());

  private static List<String> header;
  private static List<String> baseRows;
  private static Set<String> baseFindings;
  private static Path work;

  enum Kind {
    DROP_DELIMITER,
    DOUBLE_DELIMITER,
    INSERT_QUOTE,
    TRUNCATE,
    INJECT_NUL,
    LONG_FIELD
  }

  /** A mutation of data row {@code row} (from 1) at relative position {@code at} in the line. */
  record Mutation(int row, Kind kind, double at) {}

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(1, ROWS),
                Arbitraries.of(Kind.class),
                Arbitraries.doubles().between(0, 1))
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4).uniqueElements(Mutation::row);
  }

  @Property(tries = 12, seed = "20261207")
  void mutatedLinesCostOnlyThemselves(@ForAll("mutations") List<Mutation> mutations) throws IOException {
    Assume.that(mutations.stream().filter(m -> m.kind() == Kind.INSERT_QUOTE).count() <= 1);
    setUp();
    List<String> rows = new ArrayList<>(baseRows);
    Set<Integer> mutated = new TreeSet<>();
    for (Mutation m : mutations) {
      rows.set(m.row() - 1, mutate(rows.get(m.row() - 1), m));
      mutated.add(m.row());
    }
    Path file = work.resolve("mutated-" + System.nanoTime() + ".csv");
    write(file, rows);

    try (AuditResult result = audit(file)) {
      RunSummary.InputSummary input = result.runSummary().inputs().get(0);
      assertThat(input.physicalLines()).as("physical data lines, %s", mutations).isEqualTo(ROWS);
      // No mutation blanks a line, and the base's quoted values all start a field and close on
      // their line, so no mutated line can join the next ones into a record that parses.
      assertThat(input.rowsRead()).as("rows read = physical data lines, %s", mutations).isEqualTo(ROWS);
      assertThat(input.blankLines() + input.continuationLines()).isZero();
      assertThat(input.rowsLoaded() + input.rowsQuarantined()).isEqualTo(input.rowsRead());
      assertThat(input.rowsQuarantined()).as("only mutated lines can be quarantined").isLessThanOrEqualTo(mutated.size());
      List<Long> quarantined =
          result.quarantine().select("source_row").collectAsList().stream().map(r -> r.getLong(0)).toList();
      assertThat(quarantined).as("quarantined rows, %s", mutations).allMatch(r -> mutated.contains(r.intValue()));
      assertThat(unmutated(findingsOf(result), mutated))
          .as("findings of unmutated rows, %s", mutations)
          .isEqualTo(unmutated(baseFindings, mutated));
    }
  }

  private static String mutate(String line, Mutation m) {
    int at = (int) Math.floor(m.at() * line.length());
    List<Integer> commas = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') {
        commas.add(i);
      }
    }
    int comma = commas.get(Math.min(commas.size() - 1, (int) (m.at() * commas.size())));
    return switch (m.kind()) {
      case DROP_DELIMITER -> line.substring(0, comma) + line.substring(comma + 1);
      case DOUBLE_DELIMITER -> line.substring(0, comma) + "," + line.substring(comma);
      // At a field's start: the quote opens a quoted field that the line does not close.
      case INSERT_QUOTE -> line.substring(0, comma + 1) + "\"" + line.substring(comma + 1);
      case TRUNCATE -> line.substring(0, Math.max(1, at));
      case INJECT_NUL -> line.substring(0, at) + '\0' + line.substring(at);
      case LONG_FIELD -> line.substring(0, at) + "x".repeat(100_000) + line.substring(at);
    };
  }

  private static Set<String> unmutated(Set<String> findings, Set<Integer> mutated) {
    return findings.stream()
        .filter(f -> !mutated.contains(Integer.parseInt(f.substring(0, f.indexOf(' ')))))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** "source_row rule_id" of each finding of a rule that judges a record alone. */
  private static Set<String> findingsOf(AuditResult result) {
    Set<String> out = new TreeSet<>();
    for (Row r : result.findings().select("source_row", "rule_id").collectAsList()) {
      if (JUDGED_ALONE.contains(r.getString(1))) {
        out.add(r.getLong(0) + " " + r.getString(1));
      }
    }
    return out;
  }

  private static AuditResult audit(Path file) {
    return DetentionAudit.on(SharedSpark.session()).input(file.toString()).extractDate(EXTRACT).run();
  }

  private static synchronized void setUp() throws IOException {
    if (baseFindings != null) {
      return;
    }
    List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
    header = List.of(lines.get(0));
    baseRows = List.copyOf(lines.subList(1, ROWS + 1));
    work = Files.createTempDirectory("csv-mutations");
    Path base = work.resolve("base.csv");
    write(base, baseRows);
    try (AuditResult result = audit(base)) {
      assertThat(result.runSummary().rowsQuarantined()).isZero();
      baseFindings = findingsOf(result);
    }
    assertThat(baseFindings).as("the base has findings to keep").isNotEmpty();
  }

  private static void write(Path file, List<String> rows) throws IOException {
    Files.writeString(file, header.get(0) + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    if (work != null) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

package org.detentionaudit.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.detentionaudit.sample.generate.DefectProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/benchmark}: on one generated Parquet dataset, times (a) the full audit command with
 * every output, (b) the naive baseline and (c) the DuckDB baseline, each as a fresh JVM, one after
 * the other; checks every contender's failed counts against the generator's manifest; prints wall
 * time, rows per second and peak memory of each and the ratios a/b and a/c, as a Markdown table
 * (also appended to {@code WORK/results.md}).
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Time the full audit (a) against a naive Deequ/Spark SQL baseline (b) and hand-written DuckDB SQL (c)",
      "on N generated placements (Parquet, DDP 2025 layout), each in its own JVM."
    })
public final class BenchmarkMain implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--placements", defaultValue = "1000000", paramLabel = "N", description = "Placements (default ${DEFAULT-VALUE}).")
  long placements;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--defects",
      defaultValue = "calibrated",
      paramLabel = "PROFILE",
      description =
          "Generator defect profile: calibrated (shares like those of real releases) or heavy (every"
              + " rule failing on about 1%% of records or more) (default ${DEFAULT-VALUE}).")
  String defects;

  @Option(
      names = "--max-generated",
      defaultValue = "10000000",
      paramLabel = "M",
      description = "Generate at most M placements; a larger N is N/M copies with distinct people (default ${DEFAULT-VALUE}).")
  long maxGenerated;

  @Option(names = "--work", defaultValue = "bench", paramLabel = "DIR", description = "Folder for data, outputs and logs (default ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--contenders",
      split = ",",
      defaultValue = "audit,naive,duckdb",
      paramLabel = "LIST",
      description = "Which to run, in order: audit, naive, duckdb (default ${DEFAULT-VALUE}).")
  List<Contender> contenders;

  /** The three contenders. */
  enum Contender {
    audit("(a) full audit, all outputs"),
    naive("(b) naive: Deequ per column rule, SQL per cross-row rule"),
    duckdb("(c) DuckDB hand-written SQL");

    final String label;

    Contender(String label) {
      this.label = label;
    }
  }

  /** One contender's measurement. */
  record Result(Contender contender, ChildRun run, Double innerSeconds, int mismatches, String log) {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchmarkMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Files.createDirectories(work);
    DefectProfile profile;
    try {
      profile = DefectProfile.byId(defects);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage() + ".");
      return 2;
    }
    BenchmarkData data = BenchmarkData.prepare(work, placements, seed, maxGenerated, profile, out);
    Map<Contender, Result> results = new EnumMap<>(Contender.class);
    for (Contender contender : contenders) {
      out.printf(Locale.ROOT, "Running %s ...%n", contender.label);
      out.flush();
      Result result = run(contender, data);
      results.put(contender, result);
      out.printf(
          Locale.ROOT,
          "  %.1f s, peak RSS %,d MiB, exit %d, counts %s (log: %s)%n",
          result.run().seconds(),
          result.run().peakRssBytes() >> 20,
          result.run().exitCode(),
          result.mismatches() == 0 ? "equal the manifest" : result.mismatches() + " differ",
          result.log());
      out.flush();
    }
    String table = table(data, results);
    out.println();
    out.print(table);
    out.flush();
    Files.writeString(
        work.resolve("results.md"),
        "\n" + Instant.now() + ", " + machine() + "\n\n" + table,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    boolean ok = results.values().stream().allMatch(r -> r.mismatches() == 0 && r.run().exitCode() == 0);
    return ok ? 0 : 1;
  }

  private Result run(Contender contender, BenchmarkData data) throws IOException, InterruptedException {
    Path logs = work.resolve("logs");
    Path log = logs.resolve(contender + "-" + data.placements() + ".out");
    Path output = work.resolve("audit-output-" + data.placements());
    Path resultJson = logs.resolve(contender + "-" + data.placements() + ".json");
    Files.deleteIfExists(resultJson);
    ChildRun run;
    Map<String, Long> failed = new LinkedHashMap<>();
    Double inner = null;
    ObjectMapper json = new ObjectMapper();
    if (contender == Contender.audit) {
      run =
          ChildRun.run(
              "org.detentionaudit.jobs.DetentionAuditMain",
              List.of(
                  "audit",
                  "--input", data.parquet().toString(),
                  "--output", output.toString(),
                  "--overwrite",
                  "--extract-date", data.extractDate().toString()),
              log);
      Path summary = output.resolve("summary.json");
      if (Files.exists(summary)) {
        for (JsonNode rule : json.readTree(summary.toFile()).get("rules")) {
          JsonNode count = rule.get("records_failed");
          failed.put(rule.get("rule_id").asText(), count == null || count.isNull() ? null : count.asLong());
        }
      }
    } else {
      run =
          ChildRun.run(
              BaselineMain.class.getName(),
              List.of(contender.name(), data.parquet().toString(), data.extractDate().toString(), resultJson.toString()),
              log);
      if (Files.exists(resultJson)) {
        JsonNode result = json.readTree(resultJson.toFile());
        inner = result.get("seconds").asDouble();
        result.get("failed").fields().forEachRemaining(e -> failed.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asLong()));
      }
    }
    int mismatches = 0;
    for (Map.Entry<String, Long> expected : data.expectedFailed().entrySet()) {
      if (!failed.containsKey(expected.getKey()) || !Objects.equals(failed.get(expected.getKey()), expected.getValue())) {
        mismatches++;
      }
    }
    return new Result(contender, run, inner, mismatches, log.toString());
  }

  private static String table(BenchmarkData data, Map<Contender, Result> results) {
    StringBuilder table = new StringBuilder();
    table.append("| placements | contender | wall time | rows/s | peak memory (RSS) | counts vs manifest |\n");
    table.append("|---:|---|---:|---:|---:|---|\n");
    for (Result r : results.values()) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %,d | %s | %.1f s | %,.0f | %,d MiB | %s |%n",
              data.placements(),
              r.contender().label,
              r.run().seconds(),
              data.placements() / r.run().seconds(),
              r.run().peakRssBytes() >> 20,
              r.run().exitCode() != 0
                  ? "exit " + r.run().exitCode()
                  : r.mismatches() == 0 ? "all " + data.expectedFailed().size() + " equal" : r.mismatches() + " differ"));
    }
    Result a = results.get(Contender.audit);
    List<String> ratios = new ArrayList<>();
    for (Contender other : List.of(Contender.naive, Contender.duckdb)) {
      Result b = results.get(other);
      if (a != null && b != null) {
        ratios.add(
            String.format(
                Locale.ROOT,
                "a/%s = %.2f",
                other == Contender.naive ? "b" : "c",
                a.run().seconds() / b.run().seconds()));
      }
    }
    if (!ratios.isEmpty()) {
      table.append("\nRatios of wall time (whole process): ").append(String.join(", ", ratios)).append("\n");
    }
    return table.toString();
  }

  private static String machine() {
    return String.format(
        Locale.ROOT,
        "%d cores, %,d MiB max heap per JVM, Java %s, %s",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"),
        System.getProperty("os.name"));
  }
}

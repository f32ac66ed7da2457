package org.detentionaudit.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detention-audit benchmark}: generates N placements as Parquet (once; reused on later runs
 * with the same N and seed) and times the full audit with every output, on the embedded Spark.
 * Prints wall time, rows per second and the JVM's peak heap, and checks every rule's failed count
 * against the generator's manifest so a fast wrong answer cannot pass as a result.
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = "Time the full audit on N generated placements (Parquet, DDP 2025 layout).")
final class BenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--placements", defaultValue = "1000000", paramLabel = "N", description = "Placements to generate (default ${DEFAULT-VALUE}).")
  long placements;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--work", defaultValue = "bench", paramLabel = "DIR", description = "Folder for generated data and outputs (default ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path data = work.resolve("placements-" + placements + "-seed-" + seed);
    Manifest manifest = generateOnce(data, out);
    Path input = data.resolve(manifest.files().get(0).path());

    long startup = System.nanoTime();
    SparkSession spark = SparkSessions.create(master);
    double startupSeconds = (System.nanoTime() - startup) / 1e9;
    resetPeaks();
    long started = System.nanoTime();
    int mismatches = 0;
    try (AuditResult result =
        DetentionAudit.on(spark).input(input.toString()).extractDate(manifest.extractDateTime()).run()) {
      result.write(work.resolve("audit-output").toString(), true);
      double seconds = (System.nanoTime() - started) / 1e9;
      String file = manifest.files().get(0).path();
      for (RuleSummaryRow row : result.runSummary().rules()) {
        Long expected = manifest.expected(file, row.ruleId()).recordsFailed(); // null: not applicable
        if (!Objects.equals(row.recordsFailed(), expected)) {
          mismatches++;
          out.printf(Locale.ROOT, "MISMATCH %s: audit %d, manifest %d%n", row.ruleId(), row.recordsFailed(), expected);
        }
      }
      int rules = result.runSummary().rules().size();
      out.printf(Locale.ROOT, "%n| placements | cores | Spark start-up | full audit (load, %d rules, all outputs) | rows/s | peak heap | counts vs manifest |%n", rules);
      out.printf(Locale.ROOT, "|---:|---:|---:|---:|---:|---:|---|%n");
      out.printf(
          Locale.ROOT,
          "| %,d | %d | %.1f s | %.1f s | %,.0f | %,d MiB | %s |%n",
          result.runSummary().rowsRead(),
          Runtime.getRuntime().availableProcessors(),
          startupSeconds,
          seconds,
          result.runSummary().rowsRead() / seconds,
          peakHeapBytes() >> 20,
          mismatches == 0 ? "all " + rules + " equal" : mismatches + " differ");
    } finally {
      spark.stop();
    }
    out.flush();
    return mismatches == 0 ? ExitCodes.OK : ExitCodes.INTERNAL;
  }

  private Manifest generateOnce(Path data, PrintWriter out) throws IOException {
    Path manifestFile = data.resolve(Manifest.FILE_NAME);
    if (Files.exists(manifestFile)) {
      out.printf(Locale.ROOT, "Reusing generated data in %s%n", data);
      return Manifest.read(manifestFile);
    }
    long started = System.nanoTime();
    Manifest manifest =
        SampleGenerator.builder()
            .seed(seed)
            .placements(placements)
            .build()
            .write(data, SampleGenerator.outputs(List.of(Layout.DDP_2025), List.of(OutputFormat.PARQUET)));
    out.printf(Locale.ROOT, "Generated %,d placements in %.1f s into %s%n", manifest.placements(), (System.nanoTime() - started) / 1e9, data);
    out.flush();
    return manifest;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
  private static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }
}

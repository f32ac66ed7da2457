package org.detentionaudit.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.ComparisonResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.compare.ComparisonOutputs;
import org.detentionaudit.core.compare.ComparisonRow;
import org.detentionaudit.core.compare.ReleaseComparison;
import org.detentionaudit.core.compare.ReleaseMetrics;
import org.detentionaudit.core.compare.Thresholds;
import org.detentionaudit.core.outputs.AtomicOutputFolder;
import org.slf4j.MDC;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detention-audit compare}: sets two audits' output folders side by side (no record is read
 * again) and writes {@code compare.parquet}, {@code compare.json} and {@code compare.html}
 * atomically. stdout carries the summary: one line for the comparison, one per flagged row (at
 * most {@value #LISTED} of them), and the page's path.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Compare two audits' output folders (releases) and flag what changed beyond thresholds.")
final class CompareCommand implements Callable<Integer> {
  /** Flagged rows printed on the console; the rest are in the outputs. */
  static final int LISTED = 25;

  /** What {@code --fail-on} accepts. */
  enum FailOn {
    flagged,
    never
  }

  @Spec CommandSpec spec;

  @Option(names = "--before", required = true, paramLabel = "DIR", description = "The earlier release's audit output folder.")
  String before;

  @Option(names = "--after", required = true, paramLabel = "DIR", description = "The later release's audit output folder.")
  String after;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder, written atomically.")
  String output;

  @Option(
      names = "--thresholds",
      paramLabel = "FILE.yaml",
      description = "Override the change thresholds (docs/compare.md, Thresholds).")
  Path thresholdsFile;

  @Option(
      names = "--fail-on",
      defaultValue = "never",
      paramLabel = "flagged|never",
      description = "Exit 1 when a row is flagged (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
  boolean overwrite;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
  String master;

  @Option(
      names = {"-q", "--quiet"},
      description = "No stage lines on stderr; warnings, errors and the summary on stdout still show.")
  boolean quiet;

  @Override
  public Integer call() {
    if (quiet) {
      MDC.put(AuditCommand.CONSOLE_MDC_KEY, AuditCommand.QUIET);
    }
    try {
      return compare();
    } finally {
      MDC.remove(AuditCommand.CONSOLE_MDC_KEY);
    }
  }

  private int compare() {
    // Everything that can be checked without Spark is checked first.
    Thresholds thresholds = thresholdsFile == null ? Thresholds.defaults() : Thresholds.read(thresholdsFile);
    Configuration conf = AuditCommand.hadoopConfiguration();
    if (ReleaseComparison.sameFolder(conf, before, after)) {
      throw new InputException(
          "Cannot compare "
              + before
              + " with "
              + after
              + ": they are the same folder. Give the earlier release's audit output as --before and the later"
              + " one's as --after.");
    }
    ComparisonOutputs.checkNotAnInput(conf, output, before, after);
    try (AtomicOutputFolder folder = AtomicOutputFolder.reserve(output, overwrite, conf)) {
      boolean joined = SparkSessions.hasActive();
      SparkSession spark = SparkSessions.create(master);
      try {
        ComparisonResult result = DetentionAudit.compare(spark, before, after, thresholds);
        result.write(folder);
        print(spec.commandLine().getOut(), result);
        if (failOn == FailOn.flagged && result.flagged() > 0) {
          spec.commandLine().getErr().println(failOnExplanation(result));
          spec.commandLine().getErr().flush();
          return ExitCodes.RULES_FAILED;
        }
        return ExitCodes.OK;
      } finally {
        if (!joined) {
          spark.stop();
        }
      }
    }
  }

  private void print(PrintWriter out, ComparisonResult result) {
    ReleaseMetrics.Run b = result.comparison().before().run();
    ReleaseMetrics.Run a = result.comparison().after().run();
    out.printf(
        Locale.ROOT,
        "Compared %s (%s, extract date %s, %,d records) with %s (%s, extract date %s, %,d records): %,d quantities, %,d flagged%s.%n",
        before,
        String.join(", ", b.layouts()),
        date(b.extractDate()),
        b.records(),
        after,
        String.join(", ", a.layouts()),
        date(a.extractDate()),
        a.records(),
        result.rows().size(),
        result.flagged(),
        result.flagged() == 0 ? "" : " (" + byKind(result.flaggedByKind()) + ")");
    List<ComparisonRow> flagged = result.flaggedRows();
    for (ComparisonRow r : flagged.subList(0, Math.min(LISTED, flagged.size()))) {
      out.printf(Locale.ROOT, "  FLAGGED %-8s %s%n", r.kind(), r.reason());
    }
    if (flagged.size() > LISTED) {
      out.printf(Locale.ROOT, "  ... and %,d more flagged rows in %s/compare.parquet%n", flagged.size() - LISTED, output);
    }
    out.printf(Locale.ROOT, "Report: %s/compare.html%n", output);
    out.flush();
  }

  /**
   * The stderr line that says why the exit status is 1, e.g. {@code Exit status 1: --fail-on
   * flagged and 3 rows were flagged (records 2, facility 1); see OUT/compare.html.}
   */
  String failOnExplanation(ComparisonResult result) {
    return String.format(
        Locale.ROOT,
        "Exit status 1: --fail-on flagged and %,d row%s flagged (%s); see %s/compare.html.",
        result.flagged(),
        result.flagged() == 1 ? " was" : "s were",
        byKind(result.flaggedByKind()),
        output);
  }

  private static String byKind(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String date(String dateTime) {
    return dateTime == null ? "unknown" : dateTime.length() > 10 ? dateTime.substring(0, 10) : dateTime;
  }
}

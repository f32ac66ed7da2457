package org.detentionaudit.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.check.RuleOutcome;
import org.detentionaudit.core.compare.Thresholds;
import org.detentionaudit.core.history.AuditHistory;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.load.TextEncoding;
import org.detentionaudit.core.progress.AuditProgress;
import org.detentionaudit.core.progress.StageRowCounter;
import org.detentionaudit.core.reconcile.PublishedTotals;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.outputs.AtomicOutputFolder;
import org.detentionaudit.rules.RuleCatalog;
import org.detentionaudit.rules.RuleStatus;
import org.detentionaudit.rules.Severity;
import org.slf4j.MDC;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detention-audit audit}: runs the audit and writes the output folder. The summary goes to
 * stdout; progress (stage, rows done, time left) and the log's stage lines go to stderr, unless
 * {@code --quiet}.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Audit ICE detention records and write summary, findings, quarantine and report.")
final class AuditCommand implements Callable<Integer> {

  /** What {@code --fail-on} accepts. */
  enum FailOn {
    error,
    warning,
    never
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "A file or folder: .csv, .txt (comma, pipe or tab), .tsv, their .gz, .xlsx, or Parquet. Repeatable.")
  List<String> inputs;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder, written atomically.")
  String output;

  @Option(names = "--layout", defaultValue = "auto", paramLabel = "auto|NAME", description = "Force a layout (default: detect).")
  String layout;

  @Option(
      names = "--layout-file",
      paramLabel = "FILE.yaml",
      description = "Add a layout described in YAML (see README, Inputs and layouts); a file's layout replaces a built-in one of its name. Repeatable.")
  List<Path> layoutFiles = new ArrayList<>();

  @Option(names = "--sheet", paramLabel = "NAME", description = "Excel sheet to read in each .xlsx input (default: detect the data sheets, skipping Summary and Footnotes).")
  String sheet;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      description =
          "Character encoding of every text input, e.g. windows-1252, ISO-8859-1, UTF-8 (default: detect per file: UTF-8 when its first 4 MiB are valid UTF-8, else windows-1252; a byte-order mark always decides).")
  String encoding;

  @Option(names = "--rules", paramLabel = "FILE.yaml", description = "Override rule thresholds, severities, parameters; disable rules.")
  Path rulesFile;

  @Option(
      names = "--facilities",
      paramLabel = "FILE.csv",
      description = "Your facility list (CSV with facility_code; optional facility_name, per_diem_rate): a code in your file replaces the bundled entry; other codes are added.")
  Path facilities;

  @Option(
      names = "--published",
      paramLabel = "FILE.csv",
      description = "Totals published elsewhere to set the records beside (CSV: fiscal_year, measure, value; optional facility_code or facility_name); see reconciliation.parquet.")
  Path published;

  @Option(
      names = "--extract-date",
      paramLabel = "YYYY-MM-DD[THH:MM:SS]",
      description = "When the data were pulled (default: the latest book-in/book-out timestamp).")
  String extractDate;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]). Under spark-submit, leave it out: a different one is refused.")
  String master;

  @Option(
      names = "--fail-on",
      defaultValue = "never",
      paramLabel = "error|warning|never",
      description = "Exit 1 when a rule of this severity or worse ends in FAIL (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(
      names = "--history",
      paramLabel = "DIR",
      description =
          "Append this run's metrics to the history in DIR (Parquet, created when missing) and judge them against its earlier releases: summary.json history, report section \"Against earlier releases\".")
  String history;

  @Option(
      names = "--label",
      paramLabel = "TEXT",
      description = "The release label the run is kept under in --history, e.g. \"DDP 2025-06\" (default: the extract date's day).")
  String label;

  @Option(
      names = "--thresholds",
      paramLabel = "FILE.yaml",
      description = "Thresholds of the --history check (docs/compare.md, Thresholds; default: the bundled ones).")
  Path thresholds;

  @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
  boolean overwrite;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "No progress and no stage lines on stderr; warnings and errors still show, the summary on"
              + " stdout is unchanged, and the log file (DETENTION_AUDIT_LOG) still gets everything.")
  boolean quiet;

  /**
   * The logging context key that {@code log4j2.properties} reads to keep the console to warnings
   * and errors; set on the command's thread, which is the one that logs the audit's stages.
   */
  static final String CONSOLE_MDC_KEY = "detention.audit.console";

  /** The {@link #CONSOLE_MDC_KEY} value for {@code --quiet}. */
  static final String QUIET = "quiet";

  @Override
  public Integer call() {
    if (quiet) {
      MDC.put(CONSOLE_MDC_KEY, QUIET);
    }
    try {
      return audit();
    } finally {
      MDC.remove(CONSOLE_MDC_KEY);
    }
  }

  private int audit() {
    PrintWriter out = spec.commandLine().getOut();
    // Everything that can be checked without data is checked before Spark starts.
    FacilityReference reference =
        facilities == null ? FacilityReference.bundled() : FacilityReference.bundled().withUserFile(facilities);
    RuleCatalog catalog = rulesFile == null ? RuleCatalog.builtIn() : RuleCatalog.builtIn().withOverrides(rulesFile);
    LocalDateTime extract = parseExtractDate(extractDate);
    Optional<PublishedTotals> publishedTotals = Optional.ofNullable(published).map(PublishedTotals::read);
    LayoutCatalog layouts = LayoutCatalog.builtIn().withLayoutFiles(layoutFiles);
    layouts.forcedLayout(Optional.ofNullable(layout)); // an unknown --layout NAME stops here
    TextEncoding.given(encoding); // and an unknown --encoding NAME
    if (history == null && (label != null || thresholds != null)) {
      throw new InputException(
          "Cannot use --label or --thresholds without --history: they name and judge the run in a"
              + " history. Add --history DIR, or leave them out.");
    }
    Optional<Thresholds> historyThresholds = Optional.ofNullable(thresholds).map(Thresholds::read);
    if (history != null) {
      // Like the output: a history that is not one, or cannot be written, is reported at once.
      AuditHistory.open(history, hadoopConfiguration()).label(label);
    }
    // The output is checked, locked and staged before Spark starts: an unwritable or busy output
    // is reported at once, not after the audit.
    try (AtomicOutputFolder folder = AtomicOutputFolder.reserve(output, overwrite, hadoopConfiguration())) {
      return audit(out, reference, catalog, extract, publishedTotals, layouts, historyThresholds, folder);
    }
  }

  private int audit(
      PrintWriter out,
      FacilityReference reference,
      RuleCatalog catalog,
      LocalDateTime extract,
      Optional<PublishedTotals> publishedTotals,
      LayoutCatalog layouts,
      Optional<Thresholds> historyThresholds,
      AtomicOutputFolder folder) {
    boolean joined = SparkSessions.hasActive();
    SparkSession spark = SparkSessions.create(master);
    StageRowCounter counter =
        quiet
            ? null
            : StageRowCounter.attach(
                spark,
                new ConsoleProgress(
                    spec.commandLine().getErr(), Clock.systemDefaultZone(), ConsoleProgress.LINE_INTERVAL));
    DetentionAudit audit = DetentionAudit.on(spark);
    publishedTotals.ifPresent(audit::published);
    if (history != null) {
      audit.history(history).label(label);
      historyThresholds.ifPresent(audit::historyThresholds);
    }
    try (AuditResult result =
        audit
            .inputs(inputs)
            .layouts(layouts)
            .layout(layout)
            .sheet(sheet)
            .encoding(encoding)
            .rules(catalog)
            .extractDate(extract)
            .facilities(reference)
            .progress(counter == null ? AuditProgress.NONE : counter)
            .writingInto(folder)
            .run()) {
      result.write(folder);
      ConsoleSummary.print(out, result.runSummary(), output);
      int status = exitStatus(result.outcomes());
      if (status == ExitCodes.RULES_FAILED) {
        spec.commandLine().getErr().println(failOnExplanation(result.outcomes()));
        spec.commandLine().getErr().flush();
      }
      return status;
    } finally {
      if (counter != null) {
        counter.close();
      }
      if (!joined) {
        spark.stop(); // stop only what this command started, never a caller's session
      }
    }
  }

  int exitStatus(List<RuleOutcome> outcomes) {
    return triggering(outcomes).isEmpty() ? ExitCodes.OK : ExitCodes.RULES_FAILED;
  }

  /** The rules that make {@code --fail-on} exit 1: FAIL, of its severity or worse. */
  List<RuleOutcome> triggering(List<RuleOutcome> outcomes) {
    if (failOn == FailOn.never) {
      return List.of();
    }
    Severity threshold = failOn == FailOn.error ? Severity.ERROR : Severity.WARNING;
    return outcomes.stream()
        .filter(o -> o.status() == RuleStatus.FAIL && o.rule().severity().atLeast(threshold))
        .toList();
  }

  /**
   * The stderr line that says why the exit status is 1, e.g. {@code Exit status 1: --fail-on error
   * and 2 rules of severity error or worse ended in FAIL: placement.negative_length (error),
   * person.missing_id (error).}
   */
  String failOnExplanation(List<RuleOutcome> outcomes) {
    List<RuleOutcome> failed = triggering(outcomes);
    String rules =
        failed.stream()
            .map(o -> o.rule().id() + " (" + o.rule().severity().code() + ")")
            .collect(java.util.stream.Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "Exit status 1: --fail-on %s and %d rule%s of severity %s or worse ended in FAIL: %s.",
        failOn,
        failed.size(),
        failed.size() == 1 ? "" : "s",
        failOn,
        rules);
  }

  /**
   * The Hadoop settings for checking and locking the output before Spark starts: the defaults
   * plus {@code spark.hadoop.*} settings that spark-submit passes as system properties, as Spark
   * itself would apply them.
   */
  static org.apache.hadoop.conf.Configuration hadoopConfiguration() {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith("spark.hadoop.")) {
                conf.set(name.substring("spark.hadoop.".length()), System.getProperty(name));
              }
            });
    return conf;
  }

  static LocalDateTime parseExtractDate(String text) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new InputException(
          String.format(
              Locale.ROOT,
              "Cannot use --extract-date %s: not a date. Write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, e.g. 2025-06-26.",
              text));
    }
  }
}

package org.detentionaudit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.core.check.RuleContext;
import org.detentionaudit.core.check.RuleEvaluation;
import org.detentionaudit.core.compare.ReleaseComparison;
import org.detentionaudit.core.compare.ReleaseMetrics;
import org.detentionaudit.core.compare.Thresholds;
import org.detentionaudit.core.history.AuditHistory;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.load.InputAccounting;
import org.detentionaudit.core.load.InputFailures;
import org.detentionaudit.core.load.InputLoader;
import org.detentionaudit.core.load.LoadedDataset;
import org.detentionaudit.core.load.TextEncoding;
import org.detentionaudit.core.measure.BedDays;
import org.detentionaudit.core.measure.DatasetFacts;
import org.detentionaudit.core.measure.FacilityRate;
import org.detentionaudit.core.measure.MeasureStatus;
import org.detentionaudit.core.progress.AuditProgress;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.progress.StageTracker;
import org.detentionaudit.core.reconcile.PublishedTotals;
import org.detentionaudit.core.reconcile.Reconciler;
import org.detentionaudit.core.reconcile.Reconciliation;
import org.detentionaudit.core.reconcile.ReleaseWindow;
import org.detentionaudit.core.reconcile.WorkbookTotals;
import org.detentionaudit.core.reference.FacilityEntry;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.reference.NameMatch;
import org.detentionaudit.core.scan.ScanPass;
import org.detentionaudit.core.sort.PersonTally;
import org.detentionaudit.core.outputs.AtomicOutputFolder;
import org.detentionaudit.core.outputs.AuditOutput;
import org.detentionaudit.core.report.RuleSummaryRow;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Measure;
import org.detentionaudit.rules.RuleCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's entry point: audits ICE detention records on the caller's SparkSession.
 *
 * <pre>{@code
 * try (AuditResult result =
 *     DetentionAudit.on(spark)
 *         .input("data/ice-detentions.csv")
 *         .run()) {
 *   result.summary().show();              // one row per rule
 *   result.findings().count();            // one row per (record, failed rule)
 *   result.write("audit-out", false);     // optional: the Parquet, JSON and HTML outputs
 * }
 * }</pre>
 *
 * <p>Steps: load (detect layout, skip preambles, quarantine unreadable rows) → normalize
 * (canonical fields, nulls, redactions, dates) → check (all column rules in one Deequ scan, all
 * per-person rules in one sort) → report. Input problems raise {@link InputException}; a bad rules
 * file raises {@link org.detentionaudit.rules.RuleCatalogException}, both before data are read.
 */
public final class DetentionAudit {
  private static final Logger LOG = LoggerFactory.getLogger(DetentionAudit.class);

  private final SparkSession spark;
  private final List<String> inputs = new ArrayList<>();
  private Optional<String> layout = Optional.empty();
  private Optional<String> sheet = Optional.empty();
  private TextEncoding encoding;
  private RuleCatalog rules = RuleCatalog.builtIn();
  private LayoutCatalog layouts = LayoutCatalog.builtIn();
  private Optional<LocalDateTime> extractDate = Optional.empty();
  private FacilityReference facilities = FacilityReference.bundled();
  private AuditProgress progress = AuditProgress.NONE;
  private Optional<PublishedTotals> published = Optional.empty();
  private Optional<LocalDate> runDate = Optional.empty();
  private AtomicOutputFolder output;
  private AuditHistory history;
  private String label;
  private Thresholds historyThresholds;

  private DetentionAudit(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  /** Starts an audit on a SparkSession (local or cluster). */
  public static DetentionAudit on(SparkSession spark) {
    return new DetentionAudit(spark);
  }

  /** Adds an input: a file or folder (CSV, pipe/tab text, their .gz, .xlsx workbooks, or Parquet). */
  public DetentionAudit input(String path) {
    inputs.add(Objects.requireNonNull(path, "path"));
    return this;
  }

  /** Adds several inputs; together they form one dataset. */
  public DetentionAudit inputs(List<String> paths) {
    paths.forEach(this::input);
    return this;
  }

  /** Forces a layout by name; {@code null} or {@code auto} detects it (the default). */
  public DetentionAudit layout(String name) {
    this.layout =
        name == null || name.isBlank() || name.equalsIgnoreCase("auto") ? Optional.empty() : Optional.of(name);
    return this;
  }

  /**
   * Reads only the sheet called {@code name} of every Excel workbook input (exact name, else
   * trimmed and ignoring case); {@code null} or blank detects the data sheets (the default: sheets
   * named {@code Summary} and {@code Footnotes} are skipped, sheets of the best-matching layout are
   * stacked in tab order). A workbook without that sheet raises {@link InputException} listing its
   * sheets, and so does a sheet name when no input is a workbook.
   */
  public DetentionAudit sheet(String name) {
    this.sheet = name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
    return this;
  }

  /**
   * Decodes every text input in this encoding instead of detecting it (a file starting with a
   * byte-order mark is still read as the mark says); {@code null}, blank or {@code auto} detects
   * (the default: UTF-8 when the first 4 MiB are valid UTF-8, else windows-1252). Checked now.
   *
   * @param name a charset name Java knows, e.g. {@code UTF-8}, {@code windows-1252}, {@code
   *     ISO-8859-1}
   * @throws InputException naming the value when Java does not know it
   */
  public DetentionAudit encoding(String name) {
    this.encoding = TextEncoding.given(name);
    return this;
  }

  /** Uses this rule catalog instead of the built-in one (e.g. with a user's overrides). */
  public DetentionAudit rules(RuleCatalog catalog) {
    this.rules = Objects.requireNonNull(catalog, "catalog");
    return this;
  }

  /** Uses this layout catalog instead of the built-in one (e.g. with user layouts added). */
  public DetentionAudit layouts(LayoutCatalog catalog) {
    this.layouts = Objects.requireNonNull(catalog, "catalog");
    return this;
  }

  /**
   * Adds the layouts described in these YAML files (format: README, "Inputs and layouts") to the
   * layout catalog in use, the built-in one unless {@link #layouts} replaced it; a file's layout
   * replaces one of the same name. The files are read and validated now.
   *
   * @throws InputException naming the file when one cannot be read or is not a valid layout
   */
  public DetentionAudit layoutFiles(List<Path> yamlFiles) {
    this.layouts = layouts.withLayoutFiles(List.copyOf(yamlFiles));
    return this;
  }

  /**
   * Extends the facility reference with the user's CSV list (header with at least {@code
   * facility_code}; optional {@code facility_name}, {@code per_diem_rate}, {@code type}, {@code
   * type_detailed}, {@code over_under_72}): for a code in the file, each column it has replaces the
   * bundled value and the others are kept; other codes are added. Read and validated now. {@code
   * summary.json} records the reference used.
   *
   * @throws InputException naming the file, the problem and the fix (missing file, no
   *     facility_code column, no data rows, a row without a code)
   */
  public DetentionAudit facilities(Path csvFile) {
    this.facilities = facilities.withUserFile(csvFile);
    return this;
  }

  /** Uses this facility reference instead of the bundled one. */
  public DetentionAudit facilities(FacilityReference reference) {
    this.facilities = Objects.requireNonNull(reference, "reference");
    return this;
  }

  /**
   * Sets the records beside totals published elsewhere (ICE's yearly statistics, a FOIA cover
   * letter): a CSV file with {@code fiscal_year}, {@code measure} ({@code book_ins}, {@code
   * bed_days}, {@code average_daily_population}, {@code average_length_of_stay}), {@code value}
   * and optionally {@code facility_code} or {@code facility_name} (README, "Reconciliation").
   * Read and validated now; the comparison is in {@code reconciliation.parquet}.
   *
   * @throws InputException naming the file, the row, the problem and the fix
   */
  public DetentionAudit published(Path csvFile) {
    return published(PublishedTotals.read(csvFile));
  }

  /** As {@link #published(Path)}, with a file already read. */
  public DetentionAudit published(PublishedTotals totals) {
    this.published = Optional.of(Objects.requireNonNull(totals, "totals"));
    return this;
  }

  /**
   * The moment the data were extracted. When not given: for workbooks whose {@code Summary} sheet
   * states the release window, the end of its last day (origin {@code workbook summary}); else
   * the latest plausible book-in or book-out timestamp in the data ({@link PlausibleTimestamps}:
   * never after the run's day). The report says which.
   */
  public DetentionAudit extractDate(LocalDateTime value) {
    this.extractDate = Optional.ofNullable(value);
    return this;
  }

  /**
   * The day the audit runs, the end of the plausible range of timestamps ({@link
   * PlausibleTimestamps}): a timestamp after its end is implausible. Default: today, by the system
   * clock in the default time zone, read when {@link #run()} starts; set it to make a run
   * reproducible. {@code null} restores the default.
   */
  public DetentionAudit runDate(LocalDate value) {
    this.runDate = Optional.ofNullable(value);
    return this;
  }

  /**
   * Writes {@code findings.parquet} straight into {@code out} (reserved before the run) while the
   * audit runs, so the findings are written once; then pass the same folder to {@link
   * AuditResult#write(AtomicOutputFolder)}. Without it, the findings go to a scratch folder and
   * {@link AuditResult#write(String, boolean)} copies them.
   */
  public DetentionAudit writingInto(AtomicOutputFolder out) {
    this.output = Objects.requireNonNull(out, "out");
    return this;
  }

  /**
   * Appends the run's metrics (rule ratios, column shares, records per fiscal year, dataset facts)
   * to the history in {@code dir} when {@link AuditResult#write} has committed the output folder,
   * and judges them against the history's earlier releases first: the {@code history} block of
   * {@code summary.json} and the report's section "Against earlier releases" (docs/compare.md,
   * "History"). Checked now: a missing folder is created; a file, a folder holding other files
   * than a history's, or one that cannot be written is refused. {@code null} appends to none.
   *
   * @param dir a local path or a Hadoop URI
   * @throws InputException naming the folder, the problem and the fix
   */
  public DetentionAudit history(String dir) {
    this.history = dir == null ? null : AuditHistory.open(dir, spark.sparkContext().hadoopConfiguration());
    return this;
  }

  /**
   * The release label the run is kept under in its {@link #history}, e.g. {@code DDP 2025-06};
   * default (null): the extract date's day. Runs of the same label are not judged against each
   * other.
   *
   * @throws InputException for a blank label
   */
  public DetentionAudit label(String text) {
    if (text != null && text.isBlank()) {
      throw new InputException(
          "Cannot use --label '" + text + "': it is blank. Give the release a name, e.g. --label \"DDP 2025-06\".");
    }
    this.label = text;
    return this;
  }

  /** The thresholds the {@link #history} check uses instead of the bundled defaults. */
  public DetentionAudit historyThresholds(Thresholds thresholds) {
    this.historyThresholds = Objects.requireNonNull(thresholds, "thresholds");
    return this;
  }

  /**
   * Tells {@code progress} how far the audit has got: {@link #run()} announces the stages {@link
   * AuditStage#LOAD} to {@link AuditStage#SORT}, and the result's {@link AuditResult#write}
   * the rest. The default ignores them. For rows done, wrap it in a {@link
   * org.detentionaudit.core.progress.StageRowCounter}.
   */
  public DetentionAudit progress(AuditProgress progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
    return this;
  }

  /**
   * Runs the audit.
   *
   * @throws InputException when an input cannot be read (the message names the file and the fix)
   */
  public AuditResult run() {
    if (inputs.isEmpty()) {
      throw new InputException("Cannot run the audit: no input given. Pass at least one --input PATH.");
    }
    if (history == null && (label != null || historyThresholds != null)) {
      throw new InputException(
          "Cannot use --label or --thresholds without --history: they name and judge the run in a"
              + " history. Add --history DIR, or leave them out.");
    }
    AuditHistory runHistory = history;
    if (runHistory != null) {
      runHistory = runHistory.label(label);
      if (historyThresholds != null) {
        runHistory = runHistory.thresholds(historyThresholds);
      }
    }
    Instant started = Instant.now();
    PlausibleTimestamps plausible = PlausibleTimestamps.until(runDate.orElseGet(LocalDate::now));
    StageTracker stages = new StageTracker(progress);
    stages.begin(AuditStage.LOAD);
    LOG.info("Loading {} input path(s)", inputs.size());
    LoadedDataset loaded = new InputLoader(spark, layouts).load(List.copyOf(inputs), layout, sheet, encoding);
    try {
      stages.inputRows(loaded.inputs().stream().mapToLong(InputAccounting::rowsRead).sum());
      List<WorkbookTotals> workbookTotals = WorkbookTotals.of(loaded.summarySheets());
      Map<String, ReleaseWindow> windows = releaseWindows(workbookTotals);
      Optional<ExtractDate> knownExtract =
          extractDate.map(ExtractDate::given).or(() -> summaryExtractDate(loaded, windows));
      Optional<LocalDate> windowStart = windowStart(loaded, windows);
      RuleEvaluation.Plan plan =
          RuleEvaluation.plan(
              loaded.availableFields(),
              rules.enabled(),
              new RuleContext(
                  knownExtract.flatMap(ExtractDate::value), facilities, windowStart, plausible));
      // Pass 1, the scan: facts, column-rule counts, facility pairs.
      stages.begin(AuditStage.SCAN);
      long scanStarted = System.nanoTime();
      ScanPass.Result scan =
          ScanPass.run(
              loaded,
              plausible,
              plan.scanPredicates(),
              plan.needsPairs());
      LOG.info(
          "Scan pass: facts and {} Deequ predicate(s) over {} records in {} s",
          plan.scanPredicates().size(),
          scan.facts().records(),
          seconds(scanStarted));
      FaultInjection.at(FaultInjection.Point.AUDIT);
      DatasetFacts recordFacts = scan.facts();
      ExtractDate extract = knownExtract.orElseGet(() -> inferExtractDate(recordFacts));
      LOG.info("Judging {} rule(s); extract date {} ({})", rules.enabled().size(),
          extract.value().map(Object::toString).orElse("unknown"), extract.origin());
      // Pass 2, the sort: every rule judged, findings written, bed-days, people and stays counted.
      RuleEvaluation evaluation =
          RuleEvaluation.judge(
              loaded.placements(),
              plan,
              scan,
              new RuleContext(extract.value(), facilities, windowStart, plausible),
              stages,
              output == null ? null : output.stagingPath(AuditOutput.FINDINGS.file()));
      BedDays bedDays =
          BedDays.of(
              evaluation.sorted().records().facilities(),
              loaded.availableFields(),
              extract.value(),
              key -> rateOf(facilities, key, loaded.availableFields()));
      PersonTally persons = evaluation.sorted().persons();
      DatasetFacts facts =
          persons == null
              ? recordFacts
              : recordFacts.withPersons(
                  loaded.availableFields(), persons.people(), persons.stays(), persons.stayLengths().summary());
      Reconciliation reconciliation =
          new Reconciler(
                  loaded.placements(),
                  loaded.availableFields(),
                  bedDays,
                  extract.value(),
                  plausible,
                  windowStart.or(
                      () ->
                          Optional.ofNullable(facts.firstBookIn())
                              .map(first -> LocalDateTime.parse(first).toLocalDate())))
              .reconcile(workbookTotals, published);
      List<RunSummary.InputSummary> inputSummaries =
          loaded.inputs().stream().map(DetentionAudit::summarize).toList();
      RunSummary summary =
          new RunSummary(
              toolVersion(),
              started.truncatedTo(ChronoUnit.MILLIS).toString(),
              Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
              inputSummaries,
              inputSummaries.stream().mapToLong(RunSummary.InputSummary::rowsRead).sum(),
              inputSummaries.stream().mapToLong(RunSummary.InputSummary::rowsLoaded).sum(),
              inputSummaries.stream().mapToLong(RunSummary.InputSummary::rowsQuarantined).sum(),
              extract.value().map(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format).orElse(null),
              extract.origin(),
              evaluation.outcomes().stream().map(RuleSummaryRow::of).toList(),
              facts,
              Measure.FACILITIES.applicableTo(loaded.availableFields()) ? bedDays.facilitySummary() : null,
              bedDays.summary(),
              new RunSummary.FacilityReferenceSummary(
                  facilities.description(), facilities.size(), facilities.rows()),
              MeasureStatus.of(loaded.availableFields()),
              reconciliation.summary(),
              null); // the history check, when asked, is added at the write
      stages.end();
      return new AuditResult(
              spark,
              summary,
              evaluation,
              loaded,
              bedDays,
              facilities,
              stages,
              reconciliation,
              scan.profileCounts())
          .appendingTo(runHistory);
    } catch (Exception e) {
      // Spark raises the checked SparkException from Scala code, hence Exception here; a task
      // that failed on a corrupt input file is an input error, anything else stays a bug.
      loaded.unpersist();
      throw InputFailures.translate(e);
    }
  }

  /**
   * Compares two audits by their output folders, with the bundled thresholds (docs/compare.md):
   * no record is read again. {@code before} is the earlier release.
   *
   * <pre>{@code
   * ComparisonResult c = DetentionAudit.compare(spark, "audit-2025-06", "audit-2026-03");
   * c.flaggedRows().forEach(r -> System.out.println(r.reason()));
   * c.write("compare-out", false);
   * }</pre>
   *
   * @throws InputException when a folder is not an audit output (or one of an older version that
   *     lacks a file), or both name the same folder
   */
  public static ComparisonResult compare(SparkSession spark, String before, String after) {
    return compare(spark, before, after, Thresholds.defaults());
  }

  /**
   * As {@link #compare(SparkSession, String, String)}, with these thresholds (e.g. {@link
   * Thresholds#read} of a user's file).
   */
  public static ComparisonResult compare(SparkSession spark, String before, String after, Thresholds thresholds) {
    checkTwoFolders(spark, before, after);
    ReleaseMetrics b = ReleaseMetrics.read(spark, before);
    ReleaseMetrics a = ReleaseMetrics.read(spark, after);
    return new ComparisonResult(spark, ReleaseComparison.of(b, a, thresholds));
  }

  /**
   * Refuses the same folder given as both releases (a comparison of a release with itself says
   * nothing).
   *
   * @throws InputException naming the folder
   */
  public static void checkTwoFolders(SparkSession spark, String before, String after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (ReleaseComparison.sameFolder(spark.sparkContext().hadoopConfiguration(), before, after)) {
      throw new InputException(
          "Cannot compare "
              + before
              + " with "
              + after
              + ": they are the same folder. Give the earlier release's audit output as --before and the"
              + " later one's as --after.");
    }
  }

  /** Per workbook input (its accounting path), the release window its Summary sheet states. */
  private static Map<String, ReleaseWindow> releaseWindows(List<WorkbookTotals> totals) {
    Map<String, ReleaseWindow> windows = new LinkedHashMap<>();
    for (WorkbookTotals workbook : totals) {
      workbook.window().ifPresent(w -> windows.put(workbook.sheet().workbook(), w));
    }
    return windows;
  }

  /**
   * The extract date the workbooks' Summary sheets imply, when every input is a workbook stating
   * its release window: the end of the latest window's last day.
   */
  private static Optional<ExtractDate> summaryExtractDate(
      LoadedDataset loaded, Map<String, ReleaseWindow> windows) {
    if (windows.isEmpty()
        || !loaded.inputs().stream().allMatch(input -> windows.containsKey(input.path()))) {
      return Optional.empty();
    }
    LocalDateTime latest =
        windows.values().stream().map(ReleaseWindow::extractDate).max(LocalDateTime::compareTo).orElseThrow();
    LOG.info("Extract date {} from the release window of the workbooks' Summary sheets", latest);
    return Optional.of(new ExtractDate(Optional.of(latest), ExtractDate.WORKBOOK_SUMMARY));
  }

  /**
   * The release window's first day for {@code stay.implausibly_early}: per input, its layout's
   * {@code covers_from}, else the start of the window its workbook's Summary sheet states; the
   * earliest of them, or empty when an input has neither.
   */
  private Optional<LocalDate> windowStart(LoadedDataset loaded, Map<String, ReleaseWindow> windows) {
    if (windows.isEmpty() || loaded.windowStart().isPresent()) {
      return loaded.windowStart();
    }
    Optional<LocalDate> earliest = Optional.empty();
    for (InputAccounting input : loaded.inputs()) {
      Optional<LocalDate> start =
          layouts
              .find(input.layout())
              .flatMap(l -> l.coversFrom())
              .or(() -> Optional.ofNullable(windows.get(input.path())).map(ReleaseWindow::from));
      if (start.isEmpty()) {
        return Optional.empty();
      }
      if (earliest.isEmpty() || start.get().isBefore(earliest.get())) {
        earliest = start;
      }
    }
    return earliest;
  }

  private static ExtractDate inferExtractDate(DatasetFacts facts) {
    if (facts.latestTimestamp() == null) {
      return new ExtractDate(Optional.empty(), ExtractDate.UNKNOWN);
    }
    return new ExtractDate(
        Optional.of(LocalDateTime.parse(facts.latestTimestamp())), ExtractDate.INFERRED);
  }

  /**
   * The reference's rate for a facility key of {@code facilities.parquet}: the code; where the
   * layout has names but no codes, the name, when it matches one code (its rate is used), or
   * several ({@link FacilityRate#ambiguousName()}: no rate is chosen).
   */
  private static Optional<FacilityRate> rateOf(
      FacilityReference reference, String key, Set<CanonicalField> fields) {
    if (fields.contains(CanonicalField.FACILITY_CODE) || !fields.contains(CanonicalField.FACILITY_NAME)) {
      return reference.find(key).map(DetentionAudit::rateOf);
    }
    NameMatch match = reference.matchName(key);
    if (match.ambiguous()) {
      return Optional.of(FacilityRate.ambiguousName());
    }
    return match.code().flatMap(reference::find).map(DetentionAudit::rateOf);
  }

  /** What the cost measure needs of a reference entry. */
  private static FacilityRate rateOf(FacilityEntry entry) {
    String text = entry.perDiemText().isEmpty() ? null : entry.perDiemText();
    return new FacilityRate(entry.perDiemRate(), text, entry.rateRedacted());
  }

  private static RunSummary.InputSummary summarize(InputAccounting a) {
    InputAccounting.Text text = a.text();
    return new RunSummary.InputSummary(
        a.path(),
        a.format(),
        a.layout(),
        a.rowsRead(),
        a.rowsLoaded(),
        a.rowsQuarantined(),
        text == null ? null : text.encoding(),
        text == null ? null : text.encodingOrigin(),
        text == null ? null : text.physicalLines(),
        text == null ? null : text.blankLines(),
        text == null ? null : text.continuationLines(),
        text == null ? null : text.multiLineRecords());
  }

  private static String seconds(long startedNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
  }

  /** The version of detention-audit on the class path. */
  public static String toolVersion() {
    try (InputStream in = DetentionAudit.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

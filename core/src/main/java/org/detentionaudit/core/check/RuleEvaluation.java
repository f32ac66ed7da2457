package org.detentionaudit.core.check;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.measure.BedDays;
import org.detentionaudit.core.measure.FiscalYear;
import org.detentionaudit.core.scan.ScanPass;
import org.detentionaudit.core.sort.ScratchFolder;
import org.detentionaudit.core.sort.SortPass;
import org.detentionaudit.rules.Measure;
import org.detentionaudit.core.progress.AuditProgress;
import org.detentionaudit.core.progress.AuditStage;
import org.detentionaudit.core.progress.StageTracker;
import org.detentionaudit.rules.Applicability;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.rules.RuleKind;
import org.detentionaudit.rules.RuleScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates rules on normalized placements: which rules apply and what the scan pass counts
 * ({@link #plan}), then every rule judged in the sort pass ({@link #judge}: {@link SortPass}), and
 * each rule's verdict against its thresholds.
 *
 * <p>Each rule's counts come from the sort pass, which writes the findings to Parquet (never
 * cached or collected); for every rule the scan pass also counted with Deequ, the two counts must
 * be equal: a mismatch is a bug and stops the run.
 */
public final class RuleEvaluation {
  private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluation.class);
  /** Columns of {@code findings.parquet}, in order. */
public static final List<String> FINDING_COLUMNS = SortPass.FINDING_COLUMNS;

  /** Columns of {@code breakdown.parquet}, in order. */
  public static final List<String> BREAKDOWN_COLUMNS =
      List.of(
          "rule_id",
          "fiscal_year",
          "facility_code",
          "facility_name",
          "records",
          "records_failed",
          "missing_fields");

  /**
   * What {@code missing_fields} names when the release window's start is unknown: the layout key
   * that gives it.
   */
  public static final String WINDOW_START = Applicability.WINDOW_START;

  private final List<RuleOutcome> outcomes;
  private final Dataset<Row> findings;
  private final String findingsLocation;
  private final SortPass.Result sorted;
  private final SparkSession spark;
  private final Map<Rule, RulePredicate> applicable;
  private final Set<CanonicalField> availableFields;
  private final PlausibleTimestamps plausible;

  private RuleEvaluation(
      List<RuleOutcome> outcomes,
      Dataset<Row> findings,
      String findingsLocation,
      SortPass.Result sorted,
      SparkSession spark,
      Map<Rule, RulePredicate> applicable,
      Set<CanonicalField> availableFields,
      PlausibleTimestamps plausible) {
    this.findingsLocation = findingsLocation;
    this.sorted = sorted;
    this.plausible = plausible;
    this.outcomes = List.copyOf(outcomes);
    this.findings = findings;
    this.spark = spark;
    this.applicable = applicable;
    this.availableFields = Set.copyOf(availableFields);
  }

  /** One outcome per rule given, in the order given. */
  public List<RuleOutcome> outcomes() {
    return outcomes;
  }

  /**
   * One row per (record, failed rule), read from the Parquet folder the evaluation wrote; columns
   * {@link #FINDING_COLUMNS}.
   */
  public Dataset<Row> findings() {
    return findings;
  }

  /** The Parquet folder holding the findings. */
  public String findingsLocation() {
    return findingsLocation;
  }

  /**
   * Runs the rules with the bundled facility reference and no release window (so {@code
   * stay.implausibly_early} is NOT_APPLICABLE).
   *
   * @see #run(Dataset, Set, List, RuleContext)
   */
  public static RuleEvaluation run(
      Dataset<Row> placements,
      Set<CanonicalField> availableFields,
      List<Rule> rules,
      Optional<LocalDateTime> extractDate) {
    return run(placements, availableFields, rules, RuleContext.of(extractDate));
  }

  /**
   * Runs the rules.
   *
   * @param placements normalized placements (canonical columns, absent fields as null columns)
   * @param availableFields fields the input's layout provides; rules needing others are
   *     NOT_APPLICABLE
   * @param rules the enabled rules, each evaluated once
   * @param context the extract date, facility reference and release window the rules read
   */
  public static RuleEvaluation run(
      Dataset<Row> placements,
      Set<CanonicalField> availableFields,
      List<Rule> rules,
      RuleContext context) {
    return run(placements, availableFields, rules, context, new StageTracker(AuditProgress.NONE));
  }

  /**
   * Runs the rules as {@link #run(Dataset, Set, List, RuleContext)}, announcing the stages {@link
   * AuditStage#SCAN} and {@link AuditStage#SORT} to {@code stages} (the last one
   * is left open).
   */
  public static RuleEvaluation run(
      Dataset<Row> placements,
      Set<CanonicalField> availableFields,
      List<Rule> rules,
      RuleContext context,
      StageTracker stages) {
    return run(placements, availableFields, rules, context, stages, null);
  }

  /**
   * Runs the rules as {@link #run(Dataset, Set, List, RuleContext, StageTracker)}, writing the
   * findings as Parquet into {@code findingsPath} (a folder that must not exist), or, when it is
   * null, into a scratch folder ({@link ScratchFolder#forFindings}; removed by {@code AuditResult.close()}, else when the JVM exits).
   * Runs both passes: the scan ({@link ScanPass}) and the sort ({@link SortPass}).
   */
  public static RuleEvaluation run(
      Dataset<Row> placements,
      Set<CanonicalField> availableFields,
      List<Rule> rules,
      RuleContext context,
      StageTracker stages,
      String findingsPath) {
    Plan plan = plan(availableFields, rules, context);
    stages.begin(AuditStage.SCAN);
    ScanPass.Result scan =
        ScanPass.run(
            placements, availableFields, context.plausible(), plan.scanPredicates(), plan.needsPairs());
    return judge(placements, plan, scan, context, stages, findingsPath);
  }

  /**
   * What the rules need of the scan pass, decided before any record is read: which rules apply,
   * the Deequ predicates the scan counts (those that do not depend on what the scan finds: the
   * facility pairs, or the extract date when it is to be inferred), and whether to collect the
   * facility pairs.
   */
  public record Plan(
      Set<CanonicalField> availableFields,
      List<Rule> rules,
      Map<Rule, String> missing,
      Map<Rule, RulePredicate> scanned,
      boolean byName,
      boolean needsPairs) {
    /** The predicates the scan pass counts with Deequ: per scanned rule, checked and (record rules) failed. */
    public Map<String, String> scanPredicates() {
      Map<String, String> predicates = new LinkedHashMap<>();
      scanned.forEach(
          (rule, predicate) -> {
            predicates.put(checkedKey(rule), "coalesce((" + predicate.checkedSql() + "), false)");
            if (rule.kind().scope() == RuleScope.RECORD) {
              predicates.put(failedKey(rule), predicate.failedWhereCheckedSql());
            }
          });
      return predicates;
    }
  }

  /**
   * Plans the rules before the scan.
   *
   * @param context the context known before the scan: its extract date is empty when it will be
   *     inferred from the records
   */
  public static Plan plan(Set<CanonicalField> availableFields, List<Rule> rules, RuleContext context) {
    Map<Rule, String> missing = new HashMap<>();
    for (Rule rule : rules) {
      String lacking = lacking(rule, availableFields, context);
      if (!lacking.isEmpty()) {
        missing.put(rule, lacking);
      }
    }
    boolean byName =
        !availableFields.contains(CanonicalField.FACILITY_CODE)
            && availableFields.contains(CanonicalField.FACILITY_NAME);
    boolean needsPairs = false;
    Map<Rule, RulePredicate> scanned = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (missing.containsKey(rule)) {
        continue;
      }
      boolean readsPairs =
          rule.kind() == RuleKind.FACILITY_CODE_SEVERAL_NAMES
              || rule.kind() == RuleKind.FACILITY_NAME_SEVERAL_CODES
              || (byName && rule.kind().oneOfFields().contains(CanonicalField.FACILITY_NAME));
      boolean readsExtractDate =
          rule.kind() == RuleKind.STATUS_UNKNOWN || rule.kind() == RuleKind.PLACEMENT_AFTER_EXTRACT;
      needsPairs |= readsPairs;
      if (!readsPairs && !(readsExtractDate && context.extractDate().isEmpty())) {
        scanned.put(
            rule, RulePredicates.of(rule, context, FacilityNameConflicts.none(), FacilityNameLookup.byCode()));
      }
    }
    return new Plan(Set.copyOf(availableFields), List.copyOf(rules), missing, scanned, byName, needsPairs);
  }

  /**
   * Judges the rules after the scan: builds every predicate (with the facility pairs and the final
   * extract date), runs the sort pass, and takes each rule's counts from it; the scan's Deequ
   * counts must equal them for every rule the scan counted (a mismatch is a bug and stops the run).
   *
   * @param context the final context (the extract date, given or inferred)
   */
  public static RuleEvaluation judge(
      Dataset<Row> placements,
      Plan plan,
      ScanPass.Result scan,
      RuleContext context,
      StageTracker stages,
      String findingsPath) {
    Set<CanonicalField> availableFields = plan.availableFields();
    FacilityNameConflicts conflicts = FacilityNameConflicts.fromPairs(scan.pairs());
    FacilityNameLookup names =
        plan.byName() && plan.needsPairs()
            ? FacilityNameLookup.byName(scan.pairs(), context.facilities())
            : FacilityNameLookup.byCode();
    if (plan.needsPairs()) {
      LOG.info(
          "{} facility code(s) under several names, {} name(s) under several codes",
          conflicts.codesWithSeveralNames().size(),
          conflicts.namesWithSeveralCodes().size());
    }
    Map<Rule, RulePredicate> applicable = new LinkedHashMap<>();
    for (Rule rule : plan.rules()) {
      if (!plan.missing().containsKey(rule)) {
        applicable.put(rule, RulePredicates.of(rule, context, conflicts, names));
      }
    }

    stages.begin(AuditStage.SORT);
    long started = System.nanoTime();
    String location =
        findingsPath == null ? ScratchFolder.forFindings(placements.sparkSession()) : findingsPath;
    List<SortPass.JudgedRule> judged = new ArrayList<>();
    applicable.forEach(
        (rule, predicate) ->
            judged.add(
                new SortPass.JudgedRule(
                    rule.id(), predicate.checkedSql(), predicate.failedWhereCheckedSql(), predicate.detailSql())));
    boolean needsPerson =
        applicable.keySet().stream().anyMatch(r -> r.kind().scope() == RuleScope.PERSON)
            || Measure.STAYS.applicableTo(availableFields)
            || Measure.STAY_LENGTHS.applicableTo(availableFields)
            || Measure.PEOPLE.applicableTo(availableFields);
    SortPass.Result sorted =
        SortPass.run(
            placements,
            scan.facts().records(),
            judged,
            needsPerson,
            recordMeasures(availableFields, context),
            context.plausible(),
            location);
    Dataset<Row> findings = placements.sparkSession().read().parquet(location);
    LOG.info(
        "Sort pass: {} findings written in {} s",
        sorted.records().findingsPerRule().values().stream().mapToLong(Long::longValue).sum(),
        seconds(started));

    List<Rule> judgedRules = new ArrayList<>(applicable.keySet());
    long[] checkedCounts = new long[judgedRules.size()];
    long[] failedCounts = new long[judgedRules.size()];
    int rules = judgedRules.size();
    for (long[] counts : sorted.records().groups().values()) {
      for (int r = 0; r < rules; r++) {
        checkedCounts[r] += counts[1 + r];
        failedCounts[r] += counts[1 + rules + r];
      }
    }
    List<RuleOutcome> outcomes = new ArrayList<>();
    for (Rule rule : plan.rules()) {
      if (plan.missing().containsKey(rule)) {
        outcomes.add(RuleOutcome.notApplicable(rule, plan.missing().get(rule)));
        continue;
      }
      int r = judgedRules.indexOf(rule);
      long checked = checkedCounts[r];
      long failed = failedCounts[r];
      long findingsOfRule = sorted.records().findingsPerRule().getOrDefault(rule.id(), 0L);
      if (findingsOfRule != failed) {
        throw countsDiffer(rule, "the findings written hold " + findingsOfRule, failed);
      }
      if (plan.scanned().containsKey(rule)) {
        Long scannedChecked = scan.counts().get(checkedKey(rule));
        if (scannedChecked != checked) {
          throw countsDiffer(rule, "the scan pass (Deequ) judged " + scannedChecked + " records", checked);
        }
        Long scannedFailed = scan.counts().get(failedKey(rule));
        if (scannedFailed != null && scannedFailed != failed) {
          throw countsDiffer(rule, "the scan pass (Deequ) counted " + scannedFailed + " failures", failed);
        }
      }
      outcomes.add(RuleOutcome.judged(rule, checked, failed));
    }
    return new RuleEvaluation(
        outcomes,
        findings,
        location,
        sorted,
        placements.sparkSession(),
        applicable,
        availableFields,
        context.plausible());
  }

  private static IllegalStateException countsDiffer(Rule rule, String other, long sorted) {
    return new IllegalStateException(
        "Cannot reconcile counts for rule "
            + rule.id()
            + ": "
            + other
            + " but the sort pass counted "
            + sorted
            + "; this is a bug in detention-audit, please report it");
  }

  /**
   * What the sort pass measures on each record besides the rules: the breakdown's fiscal year of
   * book-in (plausible only), and the facility key, name and bed-day span of {@link BedDays}.
   */
  private static SortPass.RecordMeasures recordMeasures(Set<CanonicalField> available, RuleContext context) {
    BedDays.Spans spans = BedDays.spans(available, context.extractDate(), context.plausible());
    return new SortPass.RecordMeasures(
        FiscalYear.of(context.plausible().plausible(col("book_in"))),
        spans.facilityKey(),
        spans.name(),
        spans.measurable(),
        spans.startDay(),
        spans.endDay());
  }

  /** What the sort pass counted: findings, breakdown and facility tallies, people and stays. */
  public SortPass.Result sorted() {
    return sorted;
  }

  /**
   * The {@code breakdown.parquet} table (lazy): per (rule, fiscal year of book-in, facility code,
   * facility name) the records the rule judged ({@code records}) and those that failed; plus, with a
   * null {@code rule_id}, the records loaded per (fiscal year, facility), so those rows sum to the
   * records loaded. Fiscal year and facility are null where book_in or the facility is null (the
   * fiscal year also where book_in is implausible, {@link PlausibleTimestamps}). On the
   * count-only rows {@code records_failed} is null. Groups a rule did not judge are left out. Built
   * on the driver from the sort pass's tally: no records are read.
   *
   * <p>{@code missing_fields} (the same on every row) names the breakdown's columns the layout
   * cannot give: {@code book_in} when it has no book-in (every {@code fiscal_year} is then null by
   * construction, not because records lack one), {@code facility_code} or {@code facility_name}
   * when it has no such column; empty when all can be given.
   */
  public Dataset<Row> breakdown() {
    String missingDimensions =
        Stream.of(CanonicalField.BOOK_IN, CanonicalField.FACILITY_CODE, CanonicalField.FACILITY_NAME)
            .filter(field -> !availableFields.contains(field))
            .map(CanonicalField::columnName)
            .collect(Collectors.joining(", "));
    List<Rule> judged = new ArrayList<>(applicable.keySet());
    int rules = judged.size();
    List<Row> rows = new ArrayList<>();
    sorted
        .records()
        .groups()
        .forEach(
            (group, counts) -> {
              rows.add(
                  RowFactory.create(
                      null, group.fiscalYear(), group.facilityCode(), group.facilityName(), counts[0], null,
                      missingDimensions));
              for (int r = 0; r < rules; r++) {
                if (counts[1 + r] > 0) {
                  rows.add(
                      RowFactory.create(
                          judged.get(r).id(),
                          group.fiscalYear(),
                          group.facilityCode(),
                          group.facilityName(),
                          counts[1 + r],
                          counts[1 + rules + r],
                          missingDimensions));
                }
              }
            });
    return spark.createDataFrame(rows, BREAKDOWN_SCHEMA);
  }

  /** The schema of {@code breakdown.parquet}. */
  public static final StructType BREAKDOWN_SCHEMA =
      new StructType()
          .add("rule_id", DataTypes.StringType, true)
          .add("fiscal_year", DataTypes.IntegerType, true)
          .add("facility_code", DataTypes.StringType, true)
          .add("facility_name", DataTypes.StringType, true)
          .add("records", DataTypes.LongType, false)
          .add("records_failed", DataTypes.LongType, true)
          .add("missing_fields", DataTypes.StringType, false);

  /** What the rule lacks to be judged, comma-separated ({@link Applicability}); empty when none. */
  private static String lacking(Rule rule, Set<CanonicalField> availableFields, RuleContext context) {
    return Applicability.lackingText(rule.kind(), availableFields, context.windowStart().isPresent());
  }

  private static String seconds(long startedNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
  }

  private static String checkedKey(Rule rule) {
    return "checked " + rule.id();
  }

  private static String failedKey(Rule rule) {
    return "failed " + rule.id();
  }
}

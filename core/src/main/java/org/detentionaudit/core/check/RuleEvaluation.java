package org.detentionaudit.core.check;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.detentionaudit.core.check.deequ.DeequPredicateCounter;
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
 * Evaluates rules on normalized placements: counts in one Deequ scan, findings in one per-person
 * sort, judgement against thresholds.
 *
 * <p>The findings are persisted (they are small next to the placements: only failing records) and
 * their per-rule counts must equal Deequ's for every column-level rule; a mismatch is a bug and
 * stops the run.
 */
public final class RuleEvaluation {
  private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluation.class);
  /** Columns of {@code findings.parquet}, in order. */
  public static final List<String> FINDING_COLUMNS =
      List.of(
          "rule_id",
          "source_file",
          "source_row",
          "person_id",
          "stay_book_in",
          "book_in",
          "book_out",
          "facility_code",
          "facility_name",
          "detail");

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
  /** The Deequ scan's key for the number of placements. */
  private static final String ROWS_KEY = "rows";

  private final List<RuleOutcome> outcomes;
  private final Dataset<Row> findings;
  private final Dataset<Row> placements;
  private final Map<Rule, RulePredicate> applicable;
  private final Set<CanonicalField> availableFields;
  private final PlausibleTimestamps plausible;

  private RuleEvaluation(
      List<RuleOutcome> outcomes,
      Dataset<Row> findings,
      Dataset<Row> placements,
      Map<Rule, RulePredicate> applicable,
      Set<CanonicalField> availableFields,
      PlausibleTimestamps plausible) {
    this.plausible = plausible;
    this.outcomes = List.copyOf(outcomes);
    this.findings = findings;
    this.placements = placements;
    this.applicable = applicable;
    this.availableFields = Set.copyOf(availableFields);
  }

  /** One outcome per rule given, in the order given. */
  public List<RuleOutcome> outcomes() {
    return outcomes;
  }

  /** One row per (record, failed rule), persisted; columns {@link #FINDING_COLUMNS}. */
  public Dataset<Row> findings() {
    return findings;
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
   * AuditStage#COLUMN_RULES} and {@link AuditStage#PERSON_RULES} to {@code stages} (the last one
   * is left open).
   */
  public static RuleEvaluation run(
      Dataset<Row> placements,
      Set<CanonicalField> availableFields,
      List<Rule> rules,
      RuleContext context,
      StageTracker stages) {
    stages.begin(AuditStage.COLUMN_RULES);
    Map<Rule, String> missing = new HashMap<>();
    for (Rule rule : rules) {
      String lacking = lacking(rule, availableFields, context);
      if (!lacking.isEmpty()) {
        missing.put(rule, lacking);
      }
    }
    boolean needsConflicts =
        rules.stream()
            .filter(rule -> !missing.containsKey(rule))
            .anyMatch(
                rule ->
                    rule.kind() == RuleKind.FACILITY_CODE_SEVERAL_NAMES
                        || rule.kind() == RuleKind.FACILITY_NAME_SEVERAL_CODES);
    FacilityNameConflicts conflicts = FacilityNameConflicts.none();
    if (needsConflicts) {
      long started = System.nanoTime();
      conflicts = FacilityNameConflicts.of(placements);
      LOG.info(
          "Found {} facility code(s) under several names and {} name(s) under several codes in {} s",
          conflicts.codesWithSeveralNames().size(),
          conflicts.namesWithSeveralCodes().size(),
          seconds(started));
    }
    FacilityNameLookup names = FacilityNameLookup.byCode();
    boolean byName =
        !availableFields.contains(CanonicalField.FACILITY_CODE)
            && availableFields.contains(CanonicalField.FACILITY_NAME);
    if (byName
        && rules.stream()
            .filter(rule -> !missing.containsKey(rule))
            .anyMatch(rule -> rule.kind().oneOfFields().contains(CanonicalField.FACILITY_NAME))) {
      long started = System.nanoTime();
      names = FacilityNameLookup.byName(placements, context.facilities());
      LOG.info(
          "Looked up {} facility name(s) in the facility reference in {} s",
          names.matches().size(),
          seconds(started));
    }
    Map<Rule, RulePredicate> applicable = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (!missing.containsKey(rule)) {
        applicable.put(rule, RulePredicates.of(rule, context, conflicts, names));
      }
    }

    Map<String, String> deequPredicates = new LinkedHashMap<>();
    applicable.forEach(
        (rule, predicate) -> {
          deequPredicates.put(checkedKey(rule), "coalesce((" + predicate.checkedSql() + "), false)");
          if (rule.kind().scope() == RuleScope.RECORD) {
            deequPredicates.put(failedKey(rule), predicate.failedWhereCheckedSql());
          }
        });
    deequPredicates.put(ROWS_KEY, "true"); // the number of placements, for the per-person sort
    long started = System.nanoTime();
    Map<String, Long> deequCounts = DeequPredicateCounter.count(placements, deequPredicates);
    LOG.info(
        "Counted {} rule predicates in one Deequ scan in {} s",
        deequPredicates.size(),
        seconds(started));

    stages.begin(AuditStage.PERSON_RULES);
    started = System.nanoTime();
    Dataset<Row> findings = findings(placements, applicable, deequCounts.get(ROWS_KEY));
    findings.persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Long> findingCounts = new HashMap<>();
    for (Row row : findings.groupBy("rule_id").count().collectAsList()) {
      findingCounts.put(row.getString(0), row.getLong(1));
    }
    LOG.info(
        "Built {} findings (one per-person sort) in {} s",
        findingCounts.values().stream().mapToLong(Long::longValue).sum(),
        seconds(started));

    List<RuleOutcome> outcomes = new ArrayList<>();
    for (Rule rule : rules) {
      if (missing.containsKey(rule)) {
        outcomes.add(RuleOutcome.notApplicable(rule, missing.get(rule)));
        continue;
      }
      long checked = deequCounts.get(checkedKey(rule));
      long failed = findingCounts.getOrDefault(rule.id(), 0L);
      if (rule.kind().scope() == RuleScope.RECORD && deequCounts.get(failedKey(rule)) != failed) {
        throw new IllegalStateException(
            "Cannot reconcile counts for rule "
                + rule.id()
                + ": the column scan counted "
                + deequCounts.get(failedKey(rule))
                + " failures but the findings hold "
                + failed
                + "; this is a bug in detention-audit, please report it");
      }
      outcomes.add(RuleOutcome.judged(rule, checked, failed));
    }
    return new RuleEvaluation(
        outcomes, findings, placements, applicable, availableFields, context.plausible());
  }

  private static Dataset<Row> findings(
      Dataset<Row> placements, Map<Rule, RulePredicate> applicable, long rows) {
    List<String> columns = new ArrayList<>(FINDING_COLUMNS);
    if (applicable.isEmpty()) {
      return placements
          .limit(0)
          .withColumn("rule_id", lit(null).cast("string"))
          .withColumn("detail", lit(null).cast("string"))
          .select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
    }
    boolean needsPerson =
        applicable.keySet().stream().anyMatch(r -> r.kind().scope() == RuleScope.PERSON);
    Dataset<Row> flagged = needsPerson ? PersonOrdering.addPersonColumns(placements, rows) : placements;
    Column[] failures =
        applicable.entrySet().stream()
            .map(
                e ->
                    when(
                        expr(e.getValue().failedWhereCheckedSql()),
                        struct(
                            lit(e.getKey().id()).as("rule_id"),
                            expr(e.getValue().detailSql()).as("detail"))))
            .toArray(Column[]::new);
    return flagged
        .withColumn("_f", array(failures))
        .withColumn("_failure", explode(expr("filter(_f, x -> x IS NOT NULL)")))
        .select(
            col("_failure.rule_id").as("rule_id"),
            col("source_file"),
            col("source_row"),
            col("person_id"),
            col("stay_book_in"),
            col("book_in"),
            col("book_out"),
            col("facility_code"),
            col("facility_name"),
            col("_failure.detail").as("detail"));
  }

  /**
   * The {@code breakdown.parquet} table (lazy): per (rule, fiscal year of book-in, facility code,
   * facility name) the records the rule judged ({@code records}) and those that failed; plus, with a
   * null {@code rule_id}, the records loaded per (fiscal year, facility), so those rows sum to the
   * records loaded. Fiscal year and facility are null where book_in or the facility is null (the
   * fiscal year also where book_in is implausible, {@link PlausibleTimestamps}). On the
   * count-only rows {@code records_failed} is null. Groups a rule did not judge are left out. One
   * scan of the placements and one of the (small) findings.
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
    Column fiscalYear = FiscalYear.of(plausible.plausible(col("book_in"))).as("fiscal_year");
    List<Column> sums = new ArrayList<>();
    List<Column> perRule = new ArrayList<>();
    perRule.add(
        struct(lit(null).cast("string").as("rule_id"), col("_records").as("records")));
    int i = 0;
    for (Map.Entry<Rule, RulePredicate> e : applicable.entrySet()) {
      String name = "_checked_" + i++;
      sums.add(sum(when(expr(e.getValue().checkedSql()), 1L).otherwise(0L)).as(name));
      perRule.add(struct(lit(e.getKey().id()).as("rule_id"), col(name).as("records")));
    }
    Dataset<Row> checked =
        placements
            .groupBy(fiscalYear, col("facility_code"), col("facility_name"))
            .agg(count(lit(1)).as("_records"), sums.toArray(Column[]::new))
            .select(
                col("fiscal_year"),
                col("facility_code"),
                col("facility_name"),
                explode(array(perRule.toArray(Column[]::new))).as("_r"))
            .select(
                col("_r.rule_id").as("rule_id"),
                col("fiscal_year"),
                col("facility_code"),
                col("facility_name"),
                col("_r.records").as("records"))
            .where(col("records").gt(0));
    Dataset<Row> failed =
        findings
            .groupBy(
                col("rule_id").as("f_rule_id"),
                FiscalYear.of(plausible.plausible(col("book_in"))).as("f_fiscal_year"),
                col("facility_code").as("f_facility_code"),
                col("facility_name").as("f_facility_name"))
            .agg(count(lit(1)).as("f_failed"));
    Column sameGroup =
        checked
            .col("rule_id")
            .eqNullSafe(failed.col("f_rule_id"))
            .and(checked.col("fiscal_year").eqNullSafe(failed.col("f_fiscal_year")))
            .and(checked.col("facility_code").eqNullSafe(failed.col("f_facility_code")))
            .and(checked.col("facility_name").eqNullSafe(failed.col("f_facility_name")));
    return checked
        .join(failed, sameGroup, "left_outer")
        .select(
            col("rule_id"),
            col("fiscal_year"),
            col("facility_code"),
            col("facility_name"),
            col("records"),
            when(col("rule_id").isNull(), lit(null).cast("long"))
                .otherwise(coalesce(col("f_failed"), lit(0L)))
                .as("records_failed"),
            lit(missingDimensions).as("missing_fields"));
  }

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

package org.detentionaudit.core.sort;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.core.load.PlacementSchema;

/**
 * The second and last pass over the records: one repartition by person and sort ({@link
 * PersonPass}), the rules judged on each record in one projection, and one plain-Java pass ({@link
 * JudgedRecords}) that writes the findings to Parquet and counts everything else that needs the
 * person ordering or the judgement: findings per rule, the breakdown, per-facility records, failing
 * records and bed-days ({@link RecordTally}), people and stays ({@link PersonTally}). One Spark job:
 * the write; the counts come back in its accumulators (exact under retries, {@link
 * TallyAccumulator}).
 */
public final class SortPass {
  /** The findings' columns, in order. */
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

  /** The schema of {@code findings.parquet}: rule_id, the record's finding columns, detail. */
  public static final StructType FINDINGS_SCHEMA = findingsSchema(PlacementSchema.PLACEMENTS);

  private SortPass() {}

  /** A rule as the sort pass judges it: Spark SQL over the placement and person columns. */
  public record JudgedRule(String id, String checkedSql, String failedSql, String detailSql) {}

  /**
   * What the sort pass measures on each record besides the rules, as columns over the placements:
   * the fiscal year of book-in and the facility key of the breakdown and facility tables, the
   * trimmed facility name, whether bed-days can be measured, and the first and end day (days since
   * 1970-01-01) of a measurable record.
   */
  public record RecordMeasures(
      Column fiscalYear, Column facilityKey, Column name, Column measurable, Column startDay, Column endDay) {}

  /** What the pass counted. */
  public record Result(RecordTally records, PersonTally persons) {}

  /**
   * Runs the pass: writes the findings into {@code location} (a folder that must not exist) and
   * returns the counts.
   *
   * @param rows the number of placements (sizes the partitions, {@link PersonPass#partitionsFor})
   * @param needsPerson whether any rule reads the {@link PersonColumns}; without, no shuffle, and
   *     people and stays are not counted (empty tally)
   */
  public static Result run(
      Dataset<Row> placements,
      long rows,
      List<JudgedRule> rules,
      boolean needsPerson,
      RecordMeasures measures,
      PlausibleTimestamps plausible,
      String location) {
    SparkSession spark = placements.sparkSession();
    TallyAccumulator<PersonTally> persons = PersonPass.personTally(spark);
    TallyAccumulator<RecordTally> records = new TallyAccumulator<>(new RecordTally(rules.size()));
    spark.sparkContext().register(records, "records judged");
    Dataset<Row> flagged =
        needsPerson ? PersonPass.addPersonColumns(placements, rows, plausible, persons) : placements;
    // Every rule is a plain expression in one generated projection: per rule whether it judged
    // and failed the record, and the detail of a failure (null otherwise). No higher-order
    // function (such as filter over an array of structs) may take part: Spark evaluates those,
    // and every expression below them, interpreted, which cost the pass about a fifth of its time.
    List<Column> details = new ArrayList<>();
    List<Column> checked = new ArrayList<>();
    List<Column> failed = new ArrayList<>();
    List<String> ruleIds = new ArrayList<>();
    for (JudgedRule rule : rules) {
      ruleIds.add(rule.id());
      Column fails = expr(rule.failedSql());
      details.add(when(fails, expr(rule.detailSql()).cast("string")));
      checked.add(expr("coalesce((" + rule.checkedSql() + "), false)"));
      failed.add(fails);
    }
    List<Column> columns = new ArrayList<>();
    FINDING_COLUMNS.subList(1, FINDING_COLUMNS.size() - 1).forEach(c -> columns.add(col(c)));
    columns.add(arrayOf(details, "string").as("_details"));
    columns.add(arrayOf(checked, "boolean").as("_checked"));
    columns.add(arrayOf(failed, "boolean").as("_failed"));
    columns.add(measures.fiscalYear().cast("int").as("_fiscal_year"));
    columns.add(measures.facilityKey().cast("string").as("_facility_key"));
    columns.add(measures.name().cast("string").as("_name"));
    columns.add(measures.measurable().cast("boolean").as("_measurable"));
    columns.add(measures.startDay().cast("int").as("_start_day"));
    columns.add(measures.endDay().cast("int").as("_end_day"));
    Dataset<Row> judged = flagged.select(columns.toArray(Column[]::new));
    judged
        .mapPartitions(new JudgedRecords(ruleIds, records), Encoders.row(findingsSchema(judged.schema())))
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(location);
    return new Result(records.value(), needsPerson ? persons.value() : null);
  }

  /** {@code values} as one array column of {@code type} (an empty one when there are none). */
  private static Column arrayOf(List<Column> values, String type) {
    return values.isEmpty()
        ? expr("cast(array() as array<" + type + ">)")
        : array(values.toArray(Column[]::new));
  }

  /** The findings' schema: rule_id, the finding columns as {@code columns} types them, detail. */
  private static StructType findingsSchema(StructType columns) {
    StructType schema = new StructType().add("rule_id", DataTypes.StringType, false);
    for (String column : FINDING_COLUMNS.subList(1, FINDING_COLUMNS.size() - 1)) {
      schema = schema.add(columns.apply(column));
    }
    return schema.add("detail", DataTypes.StringType, true);
  }
}

package org.detentionaudit.core.scan;

import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.core.check.deequ.DeequPredicateCounter;
import org.detentionaudit.core.measure.DatasetFacts;
import org.detentionaudit.rules.CanonicalField;

/**
 * The first of the two passes over the records: one aggregation (one Spark job, one read of the
 * records) that yields the dataset facts ({@link DatasetFacts}: dates, the extract-date
 * inference, open placements, lengths), the Deequ counts of every rule predicate that can be
 * written before the records are read ({@link DeequPredicateCounter}), and the distinct (code,
 * name) pairs of facilities, which the facility-name rules need.
 */
public final class ScanPass {
  private ScanPass() {}

  /** A facility as the records write it, folded: upper-cased, trimmed code and name (either null). */
  public record FacilityPair(String code, String name) {}

  /**
   * What the scan found.
   *
   * @param facts the record facts (people and stays come from the sort pass)
   * @param counts per predicate name, the records it holds for (Deequ)
   * @param pairs the distinct folded (code, name) pairs with a code or a name; empty unless asked
   */
  public record Result(DatasetFacts facts, Map<String, Long> counts, List<FacilityPair> pairs) {}

  /**
   * Runs the scan.
   *
   * @param predicates name to Spark SQL predicate over the placement columns, counted by Deequ
   * @param withPairs whether to collect the facility pairs
   */
  public static Result run(
      Dataset<Row> placements,
      Set<CanonicalField> available,
      PlausibleTimestamps plausible,
      Map<String, String> predicates,
      boolean withPairs) {
    List<Column> aggregates = new ArrayList<>(DatasetFacts.aggregates(plausible));
    int factColumns = aggregates.size();
    DeequPredicateCounter deequ = new DeequPredicateCounter(predicates);
    List<Column> deequColumns = deequ.aggregates();
    aggregates.addAll(deequColumns);
    if (withPairs) {
      aggregates.add(
          collect_set(
              when(
                  expr("facility_code IS NOT NULL OR facility_name IS NOT NULL"),
                  struct(
                      expr("upper(trim(facility_code))").as("code"),
                      expr("upper(trim(facility_name))").as("name")))));
    }
    Row row =
        DatasetFacts.withMeasuredColumns(placements, plausible)
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
            .first();
    List<FacilityPair> pairs = new ArrayList<>();
    if (withPairs) {
      for (Row pair : row.<Row>getList(factColumns + deequColumns.size())) {
        pairs.add(new FacilityPair(pair.getString(0), pair.getString(1)));
      }
    }
    return new Result(
        DatasetFacts.fromAggregates(row, 0, available), deequ.read(row, factColumns), pairs);
  }
}

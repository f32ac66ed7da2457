package org.detentionaudit.core.scan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
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
import org.detentionaudit.core.load.LoadedDataset;
import org.detentionaudit.core.load.PlacementSchema;
import org.detentionaudit.core.load.ProfiledInput;
import org.detentionaudit.core.load.RawColumns;
import org.detentionaudit.core.measure.DatasetFacts;
import org.detentionaudit.core.profile.ColumnProfile;
import org.detentionaudit.rules.CanonicalField;

/**
 * The first of the two passes over the records: one aggregation (one Spark job, one read of the
 * records) that yields the dataset facts ({@link DatasetFacts}: dates, the extract-date
 * inference, open placements, lengths), the Deequ counts of every rule predicate that can be
 * written before the records are read ({@link DeequPredicateCounter}), the distinct (code,
 * name) pairs of facilities, which the facility-name rules need, and, when the inputs are read
 * directly (Parquet), the column profile of every row read ({@link ColumnProfile}).
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
   * @param profileCounts the column counts of every input row, for {@link
   *     ColumnProfile#fromCounts}, when the scan read the inputs directly; else null (the profile
   *     is then counted apart: {@link ColumnProfile#of(org.apache.spark.sql.SparkSession,
   *     org.detentionaudit.core.load.RawColumns)})
   */
  public record Result(
      DatasetFacts facts, Map<String, Long> counts, List<FacilityPair> pairs, String profileCounts) {}

  /**
   * Runs the scan over the loaded records. When the inputs are read directly ({@link
   * LoadedDataset#scanRows()}: Parquet), the one aggregation reads every row: it profiles all of
   * them, checks the rows read against the files' footers, and counts the facts, predicates and
   * pairs over the loaded records only (when the load counted quarantined rows, each such aggregate
   * filtered, as SQL's {@code FILTER (WHERE NOT quarantined)}: {@link AggregateFilter}). Otherwise
   * it reads the cached placements.
   *
   * @param predicates name to Spark SQL predicate over the placement columns, counted by Deequ
   * @param withPairs whether to collect the facility pairs
   */
  public static Result run(
      LoadedDataset loaded,
      PlausibleTimestamps plausible,
      Map<String, String> predicates,
      boolean withPairs) {
    if (loaded.scanRows() == null) {
      return run(loaded.placements(), loaded.availableFields(), plausible, predicates, withPairs);
    }
    Column isLoaded = not(col(PlacementSchema.QUARANTINED));
    Aggregates record = recordAggregates(plausible, predicates, withPairs);
    // The load counted the quarantined rows: when there are none, every row read is loaded and the
    // record aggregates need no filter.
    boolean anyQuarantined = loaded.inputs().stream().anyMatch(input -> input.rowsQuarantined() > 0);
    List<Column> aggregates = new ArrayList<>();
    for (Column aggregate : record.columns()) {
      aggregates.add(anyQuarantined ? AggregateFilter.where(aggregate, isLoaded) : aggregate);
    }
    int profileAt = aggregates.size();
    List<ProfiledInput> inputs = loaded.rawColumns().inputs();
    aggregates.add(
        ColumnProfile.aggregate(
            inputs,
            col(PlacementSchema.INPUT_UNIT),
            col(RawColumns.CELLS),
            lit(null).cast(RawColumns.SCHEMA.apply(RawColumns.ERRORS).dataType()),
            col(RawColumns.TIMESTAMPS)));
    for (ProfiledInput input : inputs) {
      aggregates.add(count(when(col(PlacementSchema.INPUT_UNIT).equalTo(input.unitIndex()), 1)));
    }
    Row row = aggregate(loaded.scanRows(), plausible, aggregates);
    for (int i = 0; i < inputs.size(); i++) {
      long read = row.getLong(profileAt + 1 + i);
      long expected = loaded.inputs().get(i).rowsRead();
      if (read != expected) {
        throw new IllegalStateException(
            "The scan pass read "
                + read
                + " rows of input '"
                + loaded.inputs().get(i).path()
                + "', its files' footers count "
                + expected
                + ": this is a bug");
      }
    }
    return record.result(row, loaded.availableFields(), row.getString(profileAt));
  }

  /**
   * Runs the scan over {@code placements} (no profile).
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
    Aggregates record = recordAggregates(plausible, predicates, withPairs);
    Row row = aggregate(placements, plausible, record.columns());
    return record.result(row, available, null);
  }

  /** The one aggregation of the pass: {@code aggregates} over {@code rows} and their measured columns. */
  private static Row aggregate(Dataset<Row> rows, PlausibleTimestamps plausible, List<Column> aggregates) {
    return DatasetFacts.withMeasuredColumns(rows, plausible)
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
        .first();
  }

  /** The aggregates over the loaded records, which the result's row holds from its start. */
  private record Aggregates(
      List<Column> columns, int factColumns, DeequPredicateCounter deequ, boolean withPairs) {
    Result result(Row row, Set<CanonicalField> available, String profileCounts) {
      List<FacilityPair> pairs = new ArrayList<>();
      if (withPairs) {
        for (Row pair : row.<Row>getList(factColumns + deequ.aggregates().size())) {
          pairs.add(new FacilityPair(pair.getString(0), pair.getString(1)));
        }
      }
      return new Result(
          DatasetFacts.fromAggregates(row, 0, available),
          deequ.read(row, factColumns),
          pairs,
          profileCounts);
    }
  }

  private static Aggregates recordAggregates(
      PlausibleTimestamps plausible, Map<String, String> predicates, boolean withPairs) {
    List<Column> aggregates = new ArrayList<>(DatasetFacts.aggregates(plausible));
    int factColumns = aggregates.size();
    DeequPredicateCounter deequ = new DeequPredicateCounter(predicates);
    aggregates.addAll(deequ.aggregates());
    if (withPairs) {
      aggregates.add(
          collect_set(
              when(
                  expr("facility_code IS NOT NULL OR facility_name IS NOT NULL"),
                  struct(
                      expr("upper(trim(facility_code))").as("code"),
                      expr("upper(trim(facility_name))").as("name")))));
    }
    return new Aggregates(aggregates, factColumns, deequ, withPairs);
  }
}

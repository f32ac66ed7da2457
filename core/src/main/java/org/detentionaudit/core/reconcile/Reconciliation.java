package org.detentionaudit.core.reconcile;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The records set beside the release's own totals: the rows of {@code reconciliation.parquet} and
 * the {@code summary.json} block that sums them up.
 *
 * @param rows the comparisons, Summary-sheet blocks first (block order, then fiscal year), then
 *     the {@code --published} file's figures in file order
 * @param summary the sources and counts
 */
public record Reconciliation(List<ReconciliationRow> rows, ReconciliationSummary summary) {
  /** The schema of {@code reconciliation.parquet}. */
  public static final StructType SCHEMA =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("table", DataTypes.StringType, false)
          .add("measure", DataTypes.StringType, false)
          .add("fiscal_year", DataTypes.IntegerType, true)
          .add("facility", DataTypes.StringType, true)
          .add("published", DataTypes.DoubleType, true)
          .add("computed", DataTypes.DoubleType, true)
          .add("difference", DataTypes.DoubleType, true)
          .add("relative_difference", DataTypes.DoubleType, true)
          .add("status", DataTypes.StringType, false)
          .add("reason", DataTypes.StringType, true);

  public Reconciliation {
    rows = List.copyOf(rows);
  }

  /** Nothing to reconcile. */
  public static Reconciliation none() {
    return new Reconciliation(List.of(), ReconciliationSummary.none());
  }

  /** The {@code reconciliation.parquet} table (small: built on the driver). */
  public Dataset<Row> table(SparkSession spark) {
    List<Row> out = new ArrayList<>();
    for (ReconciliationRow r : rows) {
      out.add(
          RowFactory.create(
              r.source(),
              r.table(),
              r.measure(),
              r.fiscalYear(),
              r.facility(),
              r.published(),
              r.computed(),
              r.difference(),
              r.relativeDifference(),
              r.status(),
              r.reason()));
    }
    return spark.createDataFrame(out, SCHEMA);
  }
}

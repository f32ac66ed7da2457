package org.detentionaudit.core.report;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Builds the {@code summary.parquet} table: one row per rule, in catalog order. */
public final class SummaryTable {
  /** The schema of {@code summary.parquet}; the contract's columns first (docs/output-contract.md). */
  public static final StructType SCHEMA =
      new StructType()
          .add("rule_id", DataTypes.StringType, false)
          .add("title", DataTypes.StringType, false)
          .add("question", DataTypes.StringType, false)
          .add("severity", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("records_checked", DataTypes.LongType, true)
          .add("records_failed", DataTypes.LongType, true)
          .add("failed_ratio", DataTypes.DoubleType, true)
          .add("warn_at", DataTypes.DoubleType, false)
          .add("fail_at", DataTypes.DoubleType, false)
          .add("meaning", DataTypes.StringType, false)
          .add("rationale", DataTypes.StringType, false)
          .add("missing_fields", DataTypes.StringType, false);

  private SummaryTable() {}

  /** A small driver-side table (one row per rule). */
  public static Dataset<Row> of(SparkSession spark, List<RuleSummaryRow> rows) {
    List<Row> data =
        rows.stream()
            .map(
                r ->
                    RowFactory.create(
                        r.ruleId(),
                        r.title(),
                        r.question(),
                        r.severity(),
                        r.status(),
                        r.recordsChecked(),
                        r.recordsFailed(),
                        r.failedRatio(),
                        r.warnAt(),
                        r.failAt(),
                        r.meaning(),
                        r.rationale(),
                        r.missingFields()))
            .toList();
    return spark.createDataFrame(data, SCHEMA);
  }
}

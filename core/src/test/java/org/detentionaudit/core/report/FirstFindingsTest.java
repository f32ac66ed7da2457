package org.detentionaudit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class FirstFindingsTest {
  private static final StructType FINDINGS =
      new StructType()
          .add("rule_id", DataTypes.StringType, false)
          .add("source_file", DataTypes.StringType, false)
          .add("source_row", DataTypes.LongType, false)
          .add("detail", DataTypes.StringType, true);

  @Test
  void keepsEachRulesFirstRowsInInputOrderAcrossPartitions(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (long row = 100; row >= 1; row--) {
      rows.add(RowFactory.create("rule.a", "b.csv", row, "b" + row));
      rows.add(RowFactory.create("rule.a", "a.csv", row + 50, "a" + row));
    }
    rows.add(RowFactory.create("rule.b", "b.csv", 7L, "only"));
    List<Row> first =
        FirstFindings.of(spark.createDataFrame(rows, FINDINGS).repartition(4), 3);

    assertThat(first)
        .extracting(r -> r.getAs("rule_id") + " " + r.getAs("source_file") + ":" + r.getAs("source_row") + " " + r.getAs("detail"))
        .containsExactly(
            "rule.a a.csv:51 a1", "rule.a a.csv:52 a2", "rule.a a.csv:53 a3", "rule.b b.csv:7 only");
  }

  @Test
  void noFindingsGiveNoRows(SparkSession spark) {
    assertThat(FirstFindings.of(spark.createDataFrame(List.of(), FINDINGS), 5)).isEmpty();
  }
}

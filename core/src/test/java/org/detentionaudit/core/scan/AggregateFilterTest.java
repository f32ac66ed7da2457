package org.detentionaudit.core.scan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.check.deequ.DeequPredicateCounter;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class AggregateFilterTest {

  private static Dataset<Row> rows(SparkSession spark) {
    StructType schema =
        new StructType()
            .add("x", DataTypes.IntegerType, true)
            .add("name", DataTypes.StringType, true)
            .add("q", DataTypes.BooleanType, false);
    return spark.createDataFrame(
        List.of(
            RowFactory.create(1, "a", false),
            RowFactory.create(2, "b", false),
            RowFactory.create(null, "c", false),
            // Quarantined rows: the largest x, a name of their own, a null x.
            RowFactory.create(50, "z", true),
            RowFactory.create(null, "z", true)),
        schema);
  }

  @Test
  void filteredAggregatesEqualTheSameAggregatesOverTheFilteredRows(SparkSession spark) {
    Dataset<Row> rows = rows(spark);
    Map<String, String> predicates = new LinkedHashMap<>();
    predicates.put("x missing", "x IS NULL");
    predicates.put("x over 1", "x > 1");
    DeequPredicateCounter deequ = new DeequPredicateCounter(predicates);
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)).as("records"));
    aggregates.add(max(col("x")).as("largest"));
    aggregates.add(count(when(col("x").isNull(), 1)));
    aggregates.add(expr("count(name)")); // an unresolved function call, written in SQL text
    aggregates.add(expr("sum(x) FILTER (WHERE x > 1)")); // one with a filter of its own
    aggregates.add(collect_set(col("name")));
    aggregates.addAll(deequ.aggregates());

    Column loaded = not(col("q"));
    List<Column> filtered = aggregates.stream().map(a -> AggregateFilter.where(a, loaded)).toList();
    List<Column> both = new ArrayList<>(filtered);
    both.add(count(lit(1)).as("read")); // unfiltered, in the same aggregation
    Row once = rows.agg(both.get(0), both.subList(1, both.size()).toArray(Column[]::new)).first();
    Row reference =
        rows.filter(loaded)
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
            .first();

    for (int i = 0; i < aggregates.size(); i++) {
      if (i == 5) {
        assertThat(once.<String>getList(i)).containsExactlyInAnyOrderElementsOf(reference.getList(i));
      } else {
        assertThat(once.get(i)).as("aggregate %d", i).isEqualTo(reference.get(i));
      }
    }
    assertThat(once.getLong(0)).isEqualTo(3);
    assertThat(once.getInt(1)).as("the quarantined 50 is not seen").isEqualTo(2);
    assertThat(once.getLong(3)).as("count(name) over loaded rows").isEqualTo(3);
    assertThat(once.getLong(4)).as("both filters hold").isEqualTo(2);
    assertThat(once.<String>getList(5)).doesNotContain("z");
    assertThat(deequ.read(once, 6)).containsExactly(Map.entry("x missing", 1L), Map.entry("x over 1", 1L));
    assertThat(once.getLong(both.size() - 1)).as("rows read, unfiltered").isEqualTo(5);
  }
}

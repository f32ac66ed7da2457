package org.detentionaudit.core.report;

import static org.apache.spark.sql.functions.broadcast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The report's example rows: each rule's first findings in input order ({@code source_file}, then
 * {@code source_row}).
 *
 * <p>Without a sort of all findings (tens of millions of rows when a facility rule fails most
 * records): each partition keeps its own first few keys per rule in a bounded heap, the driver
 * merges those, and one broadcast join fetches the chosen rows.
 */
public final class FirstFindings {
  private static final Comparator<Row> INPUT_ORDER =
      Comparator.<Row, String>comparing(r -> r.getString(1)).thenComparingLong(r -> r.getLong(2));

  private FirstFindings() {}

  /**
   * @param findings the findings table (rule_id, source_file, source_row, ...)
   * @param perRule how many rows per rule at most
   * @return the chosen finding rows, ordered by rule id, source file, source row
   */
  public static List<Row> of(Dataset<Row> findings, int perRule) {
    Dataset<Row> keys = findings.select("rule_id", "source_file", "source_row");
    StructType keySchema = keys.schema();
    List<Row> partial =
        keys.mapPartitions(new FirstPerPartition(perRule), Encoders.row(keySchema)).collectAsList();
    List<Row> chosen = new ArrayList<>(first(partial.iterator(), perRule));
    if (chosen.isEmpty()) {
      return List.of();
    }
    Dataset<Row> chosenKeys =
        findings.sparkSession().createDataFrame(chosen, keySchema).toDF("k_rule_id", "k_source_file", "k_source_row");
    Column sameKey =
        findings
            .col("rule_id")
            .equalTo(chosenKeys.col("k_rule_id"))
            .and(findings.col("source_file").equalTo(chosenKeys.col("k_source_file")))
            .and(findings.col("source_row").equalTo(chosenKeys.col("k_source_row")));
    List<Row> rows =
        new ArrayList<>(findings.join(broadcast(chosenKeys), sameKey).select(findings.col("*")).collectAsList());
    rows.sort(
        Comparator.<Row, String>comparing(r -> r.getAs("rule_id"))
            .thenComparing(r -> r.<String>getAs("source_file"))
            .thenComparingLong(r -> r.<Long>getAs("source_row")));
    return rows;
  }

  /** Each rule's first {@code perRule} keys among {@code keys}, ordered by rule and input order. */
  private static List<Row> first(Iterator<Row> keys, int perRule) {
    Map<String, PriorityQueue<Row>> byRule = new HashMap<>();
    while (keys.hasNext()) {
      Row key = keys.next();
      PriorityQueue<Row> kept =
          byRule.computeIfAbsent(key.getString(0), r -> new PriorityQueue<>(INPUT_ORDER.reversed()));
      kept.add(RowFactory.create(key.getString(0), key.getString(1), key.getLong(2)));
      if (kept.size() > perRule) {
        kept.poll(); // drops the latest
      }
    }
    List<Row> result = new ArrayList<>();
    for (String rule : byRule.keySet().stream().sorted().toList()) {
      List<Row> rows = new ArrayList<>(byRule.get(rule));
      rows.sort(INPUT_ORDER);
      result.addAll(rows);
    }
    return result;
  }

  /** Keeps each rule's first keys of one partition. */
  private static final class FirstPerPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int perRule;

    FirstPerPartition(int perRule) {
      this.perRule = perRule;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> keys) {
      return first(keys, perRule).iterator();
    }
  }
}

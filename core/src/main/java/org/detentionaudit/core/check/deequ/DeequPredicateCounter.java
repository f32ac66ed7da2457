package org.detentionaudit.core.check.deequ;

import com.amazon.deequ.analyzers.NumMatches;
import com.amazon.deequ.analyzers.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Counts, for many named SQL predicates at once, the rows that satisfy each one, with Deequ's
 * {@code Size(where)} analyzers. Deequ's analysis runner would run them in a job of their own;
 * here their aggregation functions (Deequ's scan-shareable analyzer API) join the scan pass's one
 * aggregation ({@link #aggregates}), and Deequ reads its states back from the result ({@link
 * #read}).
 */
public final class DeequPredicateCounter {
  /** Per distinct predicate, its analyzer, in order; rules that share a predicate share one. */
  private final Map<String, Size> analyzers = new LinkedHashMap<>();
  private final Map<String, String> predicates;

  /**
   * @param predicates name to Spark SQL boolean expression; a row counts when the expression is
   *     true (NULL counts as false)
   */
  public DeequPredicateCounter(Map<String, String> predicates) {
    this.predicates = new LinkedHashMap<>(predicates);
    predicates.values().forEach(sql -> analyzers.computeIfAbsent(sql, s -> new Size(Option.apply(s))));
  }

  /** The aggregate columns of every analyzer, in order, for one shared aggregation. */
  public List<Column> aggregates() {
    List<Column> columns = new ArrayList<>();
    for (Size size : analyzers.values()) {
      columns.addAll(JavaConverters.seqAsJavaList(size.aggregationFunctions()));
    }
    return columns;
  }

  /**
   * Reads the counts from the shared aggregation's result, whose analyzer columns start at {@code
   * offset}.
   *
   * @return name to the number of rows satisfying its predicate, in the order given
   * @throws IllegalStateException when Deequ could not read a state
   */
  public Map<String, Long> read(Row result, int offset) {
    Map<String, Long> bySql = new LinkedHashMap<>();
    int at = offset;
    for (Map.Entry<String, Size> entry : analyzers.entrySet()) {
      Option<NumMatches> state = entry.getValue().fromAggregationResult(result, at);
      bySql.put(entry.getKey(), state.isEmpty() ? 0L : state.get().numMatches());
      at += entry.getValue().aggregationFunctions().size();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    predicates.forEach((name, sql) -> counts.put(name, bySql.get(sql)));
    return counts;
  }

}

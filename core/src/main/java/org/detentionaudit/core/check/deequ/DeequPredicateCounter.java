package org.detentionaudit.core.check.deequ;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.runners.AnalysisRunner;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Option;
import scala.collection.JavaConverters;
import scala.util.Try;

/**
 * Counts, for many named SQL predicates at once, the rows that satisfy each one, with Deequ's
 * {@code Size(where)} analyzers sharing a single scan of the data.
 */
public final class DeequPredicateCounter {

  private DeequPredicateCounter() {}

  /**
   * Runs every predicate in one Deequ analysis pass.
   *
   * @param data the rows to scan
   * @param predicates name to Spark SQL boolean expression; a row counts when the expression is
   *     true (NULL counts as false)
   * @return name to the number of rows satisfying it, in the order given
   * @throws IllegalStateException when Deequ could not compute a metric (the message carries
   *     Deequ's reason, e.g. an SQL error in a predicate)
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Map<String, Long> count(Dataset<Row> data, Map<String, String> predicates) {
    // Deequ refuses duplicate analyzers: rules that share a predicate share one analyzer.
    Map<String, Size> analyzers = new LinkedHashMap<>();
    predicates.values().forEach(sql -> analyzers.computeIfAbsent(sql, s -> new Size(Option.apply(s))));
    Map<String, Long> bySql = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    if (analyzers.isEmpty()) {
      return counts;
    }
    List<Analyzer<?, Metric<?>>> list = new ArrayList<>();
    for (Size size : analyzers.values()) {
      list.add((Analyzer) size);
    }
    AnalyzerContext context =
        AnalysisRunner.onData(data)
            .addAnalyzers(JavaConverters.asScalaBufferConverter(list).asScala().toSeq())
            .run();
    for (Map.Entry<String, Size> entry : analyzers.entrySet()) {
      Option<Metric<?>> metric = context.metric((Analyzer) entry.getValue());
      if (metric.isEmpty() || !(metric.get() instanceof DoubleMetric doubleMetric)) {
        throw new IllegalStateException(
            "Cannot count rows where " + entry.getKey() + ": Deequ returned no metric");
      }
      Try<Object> value = doubleMetric.value();
      if (value.isFailure()) {
        throw new IllegalStateException(
            "Cannot count rows where " + entry.getKey() + ": " + value.failed().get().getMessage(),
            value.failed().get());
      }
      bySql.put(entry.getKey(), Math.round((Double) value.get()));
    }
    predicates.forEach((name, sql) -> counts.put(name, bySql.get(sql)));
    return counts;
  }
}

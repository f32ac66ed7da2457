package org.detentionaudit.benchmark;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.metrics.Metric;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Function1;
import scala.Option;
import scala.collection.JavaConverters;
import scala.util.Try;

/**
 * One column rule as a data engineer writes it with Deequ: a {@link Check} holding one ratio
 * constraint (completeness, containment or a SQL predicate) and a size constraint, run by its own
 * {@link VerificationSuite} over the whole data set; the failed count is read back from the
 * metrics as {@code rows - round(ratio * rows)}.
 *
 * <p>The count is exact: Deequ computes each ratio as {@code matches / rows} in double precision,
 * and rounding {@code ratio * rows} recovers {@code matches} for any {@code rows} below 2^52. With
 * no rows at all nothing fails (0), whatever Deequ says of the empty ratio.
 *
 * <p>The only class of the benchmark that sees Deequ or Scala types.
 */
final class NaiveDeequCheck {
  /** Deequ asserts on the size; the baseline only reads the metric, so any size passes. */
  private static final Function1<Object, Object> ANY_SIZE =
      (Function1<Object, Object> & Serializable) size -> Boolean.TRUE;

  private final String name;
  private final UnaryOperator<Check> ratioConstraint;

  private NaiveDeequCheck(String name, UnaryOperator<Check> ratioConstraint) {
    this.name = name;
    this.ratioConstraint = ratioConstraint;
  }

  /** Fails the rows where {@code column} is null ({@code isComplete}). */
  static NaiveDeequCheck isComplete(String name, String column) {
    return new NaiveDeequCheck(
        name, check -> check.isComplete(column, Option.empty(), Option.empty()));
  }

  /**
   * Fails the rows where {@code column} is not null and not one of {@code allowed} ({@code
   * isContainedIn}; compared exactly, so fold both sides first).
   */
  static NaiveDeequCheck isContainedIn(String name, String column, Collection<String> allowed) {
    String[] values = allowed.toArray(new String[0]);
    return new NaiveDeequCheck(name, check -> check.isContainedIn(column, values));
  }

  /**
   * Fails the rows where the Spark SQL predicate {@code failingSql} is true; NULL counts as not
   * failing (the check is {@code satisfies(NOT coalesce(failingSql, false))}).
   */
  static NaiveDeequCheck failsWhere(String name, String failingSql) {
    String passing = "NOT coalesce(" + failingSql + ", false)";
    return new NaiveDeequCheck(
        name,
        check ->
            check.satisfies(
                passing,
                name,
                check.satisfies$default$3(),
                Option.empty(),
                check.satisfies$default$5(),
                Option.empty()));
  }

  /**
   * Runs this check in its own Deequ verification (one scan of {@code data}) and returns the
   * number of rows that fail it.
   *
   * @throws IllegalStateException when Deequ could not compute a metric (its reason is in the
   *     message, e.g. an SQL error in the predicate)
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  long failedRows(Dataset<Row> data) {
    Check empty = new Check(CheckLevel.Error(), name, Check.apply$default$3());
    Check check = ratioConstraint.apply(empty).hasSize(ANY_SIZE, Option.empty());
    VerificationResult result = new VerificationSuite().onData(data).addCheck(check).run();
    Metric<?> size = null;
    Metric<?> ratio = null;
    Map<Analyzer<?, Metric<?>>, Metric<?>> metrics = JavaConverters.mapAsJavaMap(result.metrics());
    for (Map.Entry<Analyzer<?, Metric<?>>, Metric<?>> entry : metrics.entrySet()) {
      if ((Object) entry.getKey() instanceof Size) {
        size = entry.getValue();
      } else {
        ratio = entry.getValue();
      }
    }
    if (size == null || ratio == null) {
      throw new IllegalStateException(
          "Cannot count failed rows of " + name + ": Deequ returned the metrics " + metrics.values());
    }
    long rows = Math.round(value(size));
    if (rows == 0) {
      return 0; // the ratio of no rows is undefined, and nothing failed
    }
    return rows - Math.round(value(ratio) * rows);
  }

  private static double value(Metric<?> metric) {
    Try<?> value = metric.value();
    if (value.isFailure()) {
      Throwable cause = value.failed().get();
      throw new IllegalStateException(
          "Cannot read Deequ metric " + metric.name() + " of " + metric.instance() + ": " + cause.getMessage(),
          cause);
    }
    return ((Number) value.get()).doubleValue();
  }
}

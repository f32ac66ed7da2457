package org.detentionaudit.core.scan;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateExpression;
import scala.Function1;
import scala.Option;

/**
 * Restricts aggregates to the rows a condition holds for, as SQL's {@code agg(...) FILTER (WHERE
 * condition)} does, so that one aggregation over all rows of a read can count some aggregates over
 * every row (rows read, the column profile) and others over a subset (the facts and rule counts,
 * over the loaded records only). Spark's Column API has no {@code FILTER}; this sets it on every
 * aggregate call inside the column (an {@link AggregateExpression}, or a function call not yet
 * resolved, such as one written in SQL text), and Spark's hash aggregation evaluates it per row.
 */
final class AggregateFilter {
  private AggregateFilter() {}

  /**
   * {@code aggregate} with every aggregate call in it counting only the rows where {@code
   * condition} is true (an aggregate that already has a filter keeps both, joined by AND).
   */
  static Column where(Column aggregate, Column condition) {
    return new Column(restrict(aggregate.expr(), condition.expr()));
  }

  private static Expression restrict(Expression e, Expression filter) {
    if (e instanceof AggregateExpression a) {
      return a.copy(
          a.aggregateFunction(),
          a.mode(),
          a.isDistinct(),
          Option.apply(and(a.filter(), filter)),
          a.resultId());
    }
    if (e instanceof UnresolvedFunction f) {
      return f.copy(
          f.nameParts(),
          f.arguments(),
          f.isDistinct(),
          Option.apply(and(f.filter(), filter)),
          f.ignoreNulls());
    }
    Function1<Expression, Expression> inner = child -> restrict(child, filter);
    return e.mapChildren(inner);
  }

  private static Expression and(Option<Expression> existing, Expression filter) {
    return existing.isDefined()
        ? new org.apache.spark.sql.catalyst.expressions.And(existing.get(), filter)
        : filter;
  }
}

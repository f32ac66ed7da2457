package org.detentionaudit.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

/** The physical plans Spark ran, for tests that count the scans and exchanges of a pass. */
public final class ExecutedPlans {
  private ExecutedPlans() {}

  /** The executed plans (as text) of every query that succeeded while {@code work} ran. */
  public static List<String> during(SparkSession spark, Callable<?> work) throws Exception {
    List<String> plans = Collections.synchronizedList(new ArrayList<>());
    QueryExecutionListener listener =
        new QueryExecutionListener() {
          @Override
          public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            plans.add(qe.executedPlan().toString());
          }

          @Override
          public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
        };
    spark.listenerManager().register(listener);
    try {
      work.call();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.listenerManager().unregister(listener);
    }
    return List.copyOf(plans);
  }

  /** The plan Spark ran: with adaptive execution, the final plan (the text also shows the initial one). */
  public static String finalPlan(String plan) {
    int start = plan.indexOf("== Final Plan ==");
    int end = plan.indexOf("== Initial Plan ==");
    return start < 0 ? plan : plan.substring(start, end < 0 ? plan.length() : end);
  }

  /** How many times {@code regex} occurs in {@code text}. */
  public static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.detentionaudit.core.progress.AuditProgress;
import org.detentionaudit.core.progress.StageTracker;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of the catalog, judged on records read from Parquet, costs two passes over them, by
 * their executed plans: the scan pass reads the records once and shuffles none of them (only its
 * one-row partial aggregates), the sort pass reads them once and shuffles them once, by person.
 * Nothing else reads them.
 */
@ExtendWith(SharedSpark.class)
class TwoPassPlanTest {

  @Test
  void theRecordsAreScannedTwiceAndShuffledOnce(SparkSession spark, @TempDir Path dir) throws Exception {
    Placements p = new Placements()
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-02 00:00", null, "F", "Transferred", null)
        .add("A", "2024-01-01 00:00", "2024-01-02 00:00", null, null, "G", null, null)
        .add("B", "2024-02-01 00:00", "2024-02-01 00:00", "2024-02-03 00:00", "2024-02-03 00:00", "F", "Removed", "Removed");
    Path input = dir.resolve("records.parquet");
    p.toDataset(spark).write().parquet(input.toString());
    Dataset<Row> records = spark.read().parquet(input.toString());

    List<String> plans = new ArrayList<>();
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
      RuleEvaluation.run(
          records,
          Set.of(CanonicalField.values()),
          RuleCatalog.builtIn().enabled(),
          RuleContext.of(Optional.empty()),
          new StageTracker(AuditProgress.NONE));
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.listenerManager().unregister(listener);
    }

    String scanOfRecords = "FileScan parquet [^\\n]*" + Pattern.quote(input.getFileName().toString());
    List<String> reading = plans.stream().filter(plan -> count(plan, scanOfRecords) > 0).toList();
    assertThat(reading).as(String.join("\n----\n", plans)).hasSize(2);
    String scanPass = finalPlan(reading.get(0));
    String sortPass = finalPlan(reading.get(1));
    assertThat(count(scanPass, scanOfRecords)).as(scanPass).isEqualTo(1);
    assertThat(count(scanPass, "Exchange hashpartitioning")).as(scanPass).isZero();
    assertThat(count(sortPass, scanOfRecords)).as(sortPass).isEqualTo(1);
    assertThat(count(sortPass, "Exchange hashpartitioning\\(_person_key")).as(sortPass).isEqualTo(1);
    assertThat(count(sortPass, "Exchange ")).as(sortPass).isEqualTo(1);
  }

  /** The plan Spark ran: with adaptive execution, the final plan (the string also shows the initial one). */
  private static String finalPlan(String plan) {
    int start = plan.indexOf("== Final Plan ==");
    int end = plan.indexOf("== Initial Plan ==");
    return start < 0 ? plan : plan.substring(start, end < 0 ? plan.length() : end);
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

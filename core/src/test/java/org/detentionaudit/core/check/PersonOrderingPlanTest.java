package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every per-person column comes from one exchange, one sort and one window operator. */
@ExtendWith(SharedSpark.class)
class PersonOrderingPlanTest {

  @Test
  void onePartitioningOneSortOneWindow(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-02 00:00", null, "F", "Transferred", null)
        .add("A", "2024-01-01 00:00", "2024-01-02 00:00", null, null, "F", null, null);
    String plan =
        PersonOrdering.addPersonColumns(p.toDataset(spark)).queryExecution().executedPlan().toString();
    assertThat(count(plan, "Exchange hashpartitioning")).as(plan).isEqualTo(1);
    assertThat(count(plan, "\\bSort \\[")).as(plan).isEqualTo(1);
    assertThat(count(plan, "\\bWindow \\[")).as(plan).isEqualTo(1);
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

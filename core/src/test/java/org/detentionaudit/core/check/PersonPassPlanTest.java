package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detentionaudit.core.testing.ExecutedPlans.count;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.sort.PersonPass;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every per-person column comes from one exchange and one sort, then the plain-Java state machine
 * (no window operator), however many partitions.
 */
@ExtendWith(SharedSpark.class)
class PersonPassPlanTest {

  @Test
  void onePartitioningOneSortNoWindow(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-02 00:00", null, "F", "Transferred", null)
        .add("A", "2024-01-01 00:00", "2024-01-02 00:00", null, null, "F", null, null);
    String plan =
        PersonPass.addPersonColumns(p.toDataset(spark), 0).queryExecution().executedPlan().toString();
    assertThat(count(plan, "Exchange hashpartitioning")).as(plan).isEqualTo(1);
    assertThat(count(plan, "\\bSort \\[")).as(plan).isEqualTo(1);
    assertThat(count(plan, "\\bWindow \\[")).as(plan).isZero();
  }

  @Test
  void aLargeInputGetsMorePartitionsStillOneExchangeAndSort(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-02 00:00", null, "F", "Transferred", null)
        .add("A", "2024-01-01 00:00", "2024-01-02 00:00", null, null, "F", null, null);
    int configured = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    long rows = (configured + 3L) * PersonPass.ROWS_PER_PARTITION;
    Dataset<Row> flagged = PersonPass.addPersonColumns(p.toDataset(spark), rows);
    String plan = flagged.queryExecution().executedPlan().toString();
    assertThat(count(plan, "Exchange hashpartitioning")).as(plan).isEqualTo(1);
    assertThat(plan).contains(", " + (configured + 3) + "), REPARTITION_BY_NUM");
    assertThat(count(plan, "\\bSort \\[")).as(plan).isEqualTo(1);
    assertThat(count(plan, "\\bWindow \\[")).as(plan).isZero();
    // The same rows and columns as with the configured partitions.
    assertThat(flagged.collectAsList())
        .containsExactlyInAnyOrderElementsOf(PersonPass.addPersonColumns(p.toDataset(spark), 0).collectAsList());
  }

  @Test
  void partitionsGrowWithTheRowsNeverBelowTheSetting() {
    long per = PersonPass.ROWS_PER_PARTITION;
    assertThat(PersonPass.partitionsFor(0, 8)).isEqualTo(8);
    assertThat(PersonPass.partitionsFor(-1, 8)).isEqualTo(8);
    assertThat(PersonPass.partitionsFor(8 * per, 8)).isEqualTo(8);
    assertThat(PersonPass.partitionsFor(8 * per + 1, 8)).isEqualTo(9);
    assertThat(PersonPass.partitionsFor(200 * per, 8)).isEqualTo(200);
    assertThat(PersonPass.partitionsFor(200 * per, 400)).isEqualTo(400);
    assertThat(PersonPass.partitionsFor(5, 0)).isEqualTo(1);
    assertThat(PersonPass.partitionsFor(Long.MAX_VALUE, 8)).isEqualTo(Integer.MAX_VALUE);
  }
}

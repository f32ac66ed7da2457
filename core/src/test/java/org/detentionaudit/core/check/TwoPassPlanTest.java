package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detentionaudit.core.testing.ExecutedPlans.count;
import static org.detentionaudit.core.testing.ExecutedPlans.finalPlan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.progress.AuditProgress;
import org.detentionaudit.core.progress.StageTracker;
import org.detentionaudit.core.testing.ExecutedPlans;
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

    List<String> plans =
        ExecutedPlans.during(
            spark,
            () ->
                RuleEvaluation.run(
                    records,
                    Set.of(CanonicalField.values()),
                    RuleCatalog.builtIn().enabled(),
                    RuleContext.of(Optional.empty()),
                    new StageTracker(AuditProgress.NONE)));

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
}

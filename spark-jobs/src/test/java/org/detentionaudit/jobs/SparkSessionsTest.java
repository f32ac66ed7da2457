package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.SparkConf;
import org.detentionaudit.core.InputException;
import org.junit.jupiter.api.Test;

/** Which master a command runs on, with and without spark-submit's {@code spark.master}. */
class SparkSessionsTest {
  private static final SparkConf DIRECT = new SparkConf(false);
  private static final SparkConf SUBMITTED = new SparkConf(false).set("spark.master", "spark://10.0.0.5:7077");

  @Test
  void runDirectlyWithoutMasterIsLocal() {
    assertThat(SparkSessions.effectiveMaster(null, DIRECT)).isEqualTo("local[*]");
  }

  @Test
  void runDirectlyTheCommandsMasterIsUsed() {
    assertThat(SparkSessions.effectiveMaster("local[2]", DIRECT)).isEqualTo("local[2]");
  }

  @Test
  void underSparkSubmitTheSubmittedMasterIsUsed() {
    assertThat(SparkSessions.effectiveMaster(null, SUBMITTED)).isEqualTo("spark://10.0.0.5:7077");
    assertThat(SparkSessions.effectiveMaster("spark://10.0.0.5:7077", SUBMITTED)).isEqualTo("spark://10.0.0.5:7077");
  }

  @Test
  void underSparkSubmitAnotherMasterIsRefused() {
    assertThatThrownBy(() -> SparkSessions.effectiveMaster("local[*]", SUBMITTED))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot use --master local[*]: spark-submit already set the master to spark://10.0.0.5:7077."
                + " Give the master to spark-submit only, and leave --master out of the audit command.");
  }

  @Test
  void generatedMethodsAreKeptWithinWhatHotSpotCompilesUnlessSetOtherwise() {
    assertThat(SparkSessions.settings("local[*]", DIRECT)).containsEntry("spark.sql.codegen.hugeMethodLimit", "8000");
    assertThat(SparkSessions.settings("spark://10.0.0.5:7077", SUBMITTED))
        .containsEntry("spark.sql.codegen.hugeMethodLimit", "8000")
        .containsEntry("spark.sql.session.timeZone", "UTC")
        .doesNotContainKeys("spark.driver.host", "spark.sql.shuffle.partitions");
    SparkConf given = new SparkConf(false).set("spark.sql.codegen.hugeMethodLimit", "65535");
    assertThat(SparkSessions.settings("local[2]", given)).containsEntry("spark.sql.codegen.hugeMethodLimit", "65535");
  }

  @Test
  void embeddedSessionsKeepTheirLocalDefaultsAndTheUsersSettings() {
    SparkConf given = new SparkConf(false).set("spark.sql.shuffle.partitions", "3");
    assertThat(SparkSessions.settings("local[2]", given))
        .containsEntry("spark.sql.shuffle.partitions", "3")
        .containsEntry("spark.ui.enabled", "false")
        .containsEntry("spark.driver.bindAddress", "127.0.0.1");
  }
}

package org.detentionaudit.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.detentionaudit.core.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class ReleaseMetricsTest {
  @TempDir static Path dir;
  private static Path audit;

  @BeforeAll
  static void auditTheSample() {
    audit = SampleAudit.folder();
  }

  @Test
  void readsTheRunTheRulesTheColumnsAndTheRecordsOfAnAuditOutput(SparkSession spark) {
    ReleaseMetrics m = ReleaseMetrics.read(spark, audit.toString());

    assertThat(m.run().records()).isEqualTo(2500);
    assertThat(m.run().inputs()).singleElement().satisfies(i -> {
      assertThat(i.layout()).isEqualTo("ddp-2025");
      assertThat(i.rowsRead()).isEqualTo(2500);
    });
    assertThat(m.run().toolVersion()).isEqualTo(DetentionAudit.toolVersion());
    assertThat(m.run().extractDate()).isNotNull();
    assertThat(m.run().firstBookIn()).isLessThan(m.run().lastBookIn());
    assertThat(m.rules()).hasSizeGreaterThan(10);
    // A DDP layout gives no release window start: the one rule needing it is NOT_APPLICABLE.
    assertThat(m.rules())
        .filteredOn(r -> r.ruleId().equals("stay.implausibly_early"))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.applicable()).isFalse();
          assertThat(r.failedRatio()).isNull();
        });
    assertThat(m.columns()).hasSize(37);
    assertThat(m.columns()).allSatisfy(c -> assertThat(c.cells()).isEqualTo(2500));
    assertThat(m.recordsByFiscalYear().stream().mapToLong(ReleaseMetrics.YearRecords::records).sum())
        .isEqualTo(2500);
    assertThat(m.recordsByFacilityYear().stream().mapToLong(ReleaseMetrics.FacilityYearRecords::records).sum())
        .isEqualTo(2500);
    assertThat(m.facilities().stream().mapToLong(ReleaseMetrics.FacilityMetric::records).sum()).isEqualTo(2500);
  }

  @Test
  void columnsAreKeyedByTheirCanonicalFieldAndTheMetricsNameEveryNumber(SparkSession spark) {
    ReleaseMetrics m = ReleaseMetrics.read(spark, audit.toString());

    assertThat(m.columnShares()).extracting(ReleaseMetrics.ColumnShare::key).contains("book_out", "facility_code");
    ReleaseMetrics.ColumnShare bookOut =
        m.columnShares().stream().filter(c -> c.key().equals("book_out")).findFirst().orElseThrow();
    assertThat(bookOut.header()).isEqualTo("Detention Book Out Date Time");
    assertThat(bookOut.missingShare()).isGreaterThan(0).isLessThan(0.2);
    assertThat(m.metrics())
        .contains(new ReleaseMetrics.Metric("dataset", "records", "records", 2500))
        .anySatisfy(x -> assertThat(x).extracting("kind", "key", "measure").containsExactly("column", "book_out", "missing_share"))
        .anySatisfy(x -> assertThat(x.kind()).isEqualTo("records"))
        .noneSatisfy(x -> assertThat(x.key()).isEqualTo("stay.implausibly_early"));
  }

  @Test
  void aFolderThatIsNotAnAuditOutputIsRefused(SparkSession spark) throws IOException {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> ReleaseMetrics.read(spark, missing.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ReleaseMetrics.read(spark, empty.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not an audit output folder (it has no summary.json)");
    Path file = Files.writeString(dir.resolve("a-file.txt"), "x");
    assertThatThrownBy(() -> ReleaseMetrics.read(spark, file.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is a file");
  }

  @Test
  void anOlderAuditLackingATableIsRefusedNamingTheFileAndTheVersion(SparkSession spark) throws IOException {
    Path older = Folders.copy(audit, dir.resolve("older"));
    Folders.delete(older.resolve("breakdown.parquet"));
    String summary = Files.readString(older.resolve("summary.json"));
    Files.writeString(
        older.resolve("summary.json"),
        summary.replaceFirst("\"tool_version\"\\s*:\\s*\"[^\"]*\"", "\"tool_version\": \"0.0.9\""));

    assertThatThrownBy(() -> ReleaseMetrics.read(spark, older.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("has no breakdown.parquet")
        .hasMessageContaining("detention-audit 0.0.9")
        .hasMessageContaining("Run the audit again with this version (" + DetentionAudit.toolVersion() + ")");
  }

  @Test
  void aDamagedSummaryJsonIsRefused(SparkSession spark) throws IOException {
    Path damaged = Folders.copy(audit, dir.resolve("damaged"));
    Files.writeString(damaged.resolve("summary.json"), "{\"tool_version\": ");

    assertThatThrownBy(() -> ReleaseMetrics.read(spark, damaged.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("summary.json is not valid JSON");
  }
}

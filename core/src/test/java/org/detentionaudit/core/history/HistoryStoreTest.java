package org.detentionaudit.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.compare.ReleaseMetrics.Metric;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
  private static final Configuration CONF = new Configuration();
  @TempDir Path dir;

  static HistoryRun run(String label, LocalDateTime extract, Instant started, int metrics) {
    List<Metric> list = new ArrayList<>();
    for (int i = 0; i < metrics; i++) {
      list.add(new Metric("rule", "rule." + i, "failed_ratio", i / 100.0));
    }
    return new HistoryRun(
        UUID.randomUUID().toString(), label, extract, "given", started, "1.0-test",
        LocalDateTime.of(2011, 10, 1, 8, 0), extract == null ? null : extract.minusDays(1), list);
  }

  @Test
  void aRunAppendedIsReadBackWithItsKeyFactsAndEveryMetric() throws IOException {
    Path history = dir.resolve("history");
    HistoryStore store = HistoryStore.open(history.toString(), CONF);
    assertThat(history).isDirectory(); // created when missing
    assertThat(store.read()).isEmpty();
    HistoryRun run =
        new HistoryRun(
            "id-1", "DDP 2025-06", LocalDateTime.of(2025, 6, 26, 23, 59, 59), "workbook summary",
            Instant.parse("2026-12-08T01:02:03.456789Z"), "1.0", LocalDateTime.of(2011, 10, 1, 0, 1),
            null, List.of(new Metric("column", "book_out", "missing_share", 0.0912), new Metric("records", "unknown", "records", 3)));

    String file = store.append(run);

    assertThat(file).isEqualTo("run-20261208T010203Z-id-1.parquet");
    try (Stream<Path> files = Files.list(history)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(file); // no .crc, no staging
    }
    assertThat(HistoryStore.open(history.toString(), CONF).read()).containsExactly(run);
  }

  @Test
  void twoRunsAppendingAtOnceBothLandWhole() throws Exception {
    String history = dir.resolve("history").toString();
    int runs = 8;
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HistoryRun>> appended = new ArrayList<>();
    Instant sameSecond = Instant.parse("2026-12-08T01:00:00Z");
    try {
      for (int i = 0; i < runs; i++) {
        int n = i;
        appended.add(
            pool.submit(
                () -> {
                  HistoryStore store = HistoryStore.open(history, CONF);
                  HistoryRun run = run("release " + n, LocalDateTime.of(2025, 1, 1, 0, 0), sameSecond, 200 + n);
                  start.await();
                  store.append(run);
                  return run;
                }));
      }
      start.countDown();
      List<HistoryRun> expected = new ArrayList<>();
      for (Future<HistoryRun> f : appended) {
        expected.add(f.get());
      }
      List<HistoryRun> read = HistoryStore.open(history, CONF).read();
      assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(read.stream().mapToInt(r -> r.metrics().size()).sum()).isEqualTo(runs * 200 + 28);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hiddenFilesARunBeingWrittenAndSparkMarkersAreIgnored() throws IOException {
    Path history = dir.resolve("history");
    HistoryStore store = HistoryStore.open(history.toString(), CONF);
    HistoryRun run = run("A", LocalDateTime.of(2025, 1, 1, 0, 0), Instant.now(), 3);
    String file = store.append(run);
    // A run killed while writing leaves a partial hidden file; Spark leaves _SUCCESS.
    byte[] whole = Files.readAllBytes(history.resolve(file));
    Files.write(history.resolve(".writing-run-x.parquet"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(history.resolve("_SUCCESS"), "");
    Files.writeString(history.resolve(".DS_Store"), "junk");

    assertThat(HistoryStore.open(history.toString(), CONF).read()).containsExactly(run);
  }

  @Test
  @ExtendWith(SharedSpark.class)
  void sparkReadsTheHistoryFolderAsOneTable(SparkSession spark) {
    String history = dir.resolve("history").toString();
    HistoryStore store = HistoryStore.open(history, CONF);
    store.append(run("A", LocalDateTime.of(2025, 1, 1, 0, 0), Instant.parse("2026-01-01T00:00:00Z"), 4));
    store.append(run("B", null, Instant.parse("2026-02-01T00:00:00Z"), 5));

    List<Row> rows = spark.read().parquet(history).groupBy("label").count().orderBy("label").collectAsList();

    assertThat(rows).extracting(r -> r.getString(0) + "=" + r.getLong(1)).containsExactly("A=4", "B=5");
    assertThat(spark.read().parquet(history).schema().apply("extract_date").dataType().typeName())
        .isEqualTo("timestamp_ntz");
  }

  @Test
  void aFolderHoldingOtherFilesIsNotAHistory() throws IOException {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("ddp-2025.csv"), "a,b\n");
    Files.createDirectories(other.resolve("audit-out"));

    assertThatThrownBy(() -> HistoryStore.open(other.toString(), CONF))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Cannot use history folder " + other)
        .hasMessageContaining("not a detention-audit history")
        .hasMessageContaining("audit-out/, ddp-2025.csv")
        .hasMessageContaining("Give --history a new or empty folder");
    assertThat(other.resolve("ddp-2025.csv")).exists();
  }

  @Test
  void aFileIsNotAHistoryFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("history.parquet"), "x");
    assertThatThrownBy(() -> HistoryStore.open(file.toString(), CONF))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("it is a file, not a folder");
  }

  @Test
  void aFolderBelowAFileCannotBeCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThatThrownBy(() -> HistoryStore.open(file.resolve("history").toString(), CONF))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("history folder " + file.resolve("history"));
  }

  @Test
  void aFolderThatCannotBeWrittenIsRefused() throws IOException {
    assumeThat(System.getProperty("user.name")).as("root writes anywhere").isNotEqualTo("root");
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> HistoryStore.open(locked.toString(), CONF))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("Cannot write history folder " + locked)
          .hasMessageContaining("fix its permissions");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aDamagedOrForeignParquetFileIsReportedByName() throws IOException {
    Path history = dir.resolve("history");
    HistoryStore store = HistoryStore.open(history.toString(), CONF);
    store.append(run("A", LocalDateTime.of(2025, 1, 1, 0, 0), Instant.now(), 3));
    Files.writeString(history.resolve("copied.parquet"), "not parquet at all");

    assertThatThrownBy(store::read)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Cannot read history folder " + history)
        .hasMessageContaining("its file copied.parquet cannot be read as Parquet")
        .hasMessageContaining("Move that file out of the folder");
  }

  @Test
  @ExtendWith(SharedSpark.class)
  void aParquetFileOfAnotherTableIsReportedByName(SparkSession spark) throws IOException {
    Path history = dir.resolve("history");
    HistoryStore store = HistoryStore.open(history.toString(), CONF);
    Path table = dir.resolve("table");
    spark.range(3).coalesce(1).write().parquet(table.toString());
    try (Stream<Path> parts = Files.list(table)) {
      Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.copy(part, history.resolve("numbers.parquet"));
    }

    assertThatThrownBy(store::read)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("its file numbers.parquet is not a history file (it has no column 'run_id')");
  }
}

package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.report.RunSummary;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Text inputs on the command line: stray quotes cost one line; encodings are detected or given. */
@ExtendWith(SharedSpark.class)
class TextInputEndToEndTest {
  private static final Path SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025", "ddp-2025.csv");

  @TempDir Path dir;

  @Test
  void aStrayQuoteOnLine101KeepsEveryLaterFindingOnItsSpreadsheetRow(SparkSession spark) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8));
    int dataRows = lines.size() - 1;
    String line101 = lines.get(100);
    int lastComma = line101.lastIndexOf(',');
    lines.set(100, line101.substring(0, lastComma + 1) + '"' + line101.substring(lastComma + 1));
    Path csv = Files.write(dir.resolve("line-101.csv"), lines, StandardCharsets.UTF_8);
    Path output = dir.resolve("out");

    RunSummary.InputSummary input = AuditRun.of(output, "--input", csv.toString()).summary().inputs().get(0);

    assertThat(input.rowsRead()).isEqualTo(dataRows);
    assertThat(input.rowsLoaded()).isEqualTo(dataRows - 1);
    assertThat(input.rowsQuarantined()).isEqualTo(1);
    assertThat(input.physicalLines()).isEqualTo(dataRows);
    assertThat(input.multiLineRecords()).isZero();
    List<Row> findings =
        spark.read().parquet(output.resolve("findings.parquet").toString()).select("source_row", "person_id").collectAsList();
    assertThat(findings).filteredOn(r -> r.getLong(0) > 100).isNotEmpty();
    // The person of each finding is the one on that row of the file (the last column; null when
    // the file redacts it).
    assertThat(findings).filteredOn(r -> !r.isNullAt(1)).hasSizeGreaterThan(1000).allSatisfy(r -> {
      String row = lines.get((int) r.getLong(0));
      assertThat(row.substring(row.lastIndexOf(',') + 1)).isEqualTo(r.getString(1));
    });
  }

  @Test
  void aWindows1252ExportIsReadAsWindows1252AndSaysSo(SparkSession spark) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).subList(0, 200));
    String[] cells = lines.get(1).split(",", -1);
    cells[2] = "CENTRO DE DETENCI\u00d3N";
    lines.set(1, String.join(",", cells));
    Path csv = dir.resolve("cp1252.csv");
    Files.write(csv, (String.join("\r\n", lines) + "\r\n").getBytes(Charset.forName("windows-1252")));
    Path output = dir.resolve("out");

    AuditRun run = AuditRun.of(output, "--input", csv.toString());

    RunSummary.InputSummary input = run.summary().inputs().get(0);
    assertThat(input.encoding()).isEqualTo("windows-1252");
    assertThat(input.encodingOrigin()).isEqualTo("detected: not valid UTF-8");
    assertThat(input.rowsQuarantined()).isZero();
    assertThat(Files.readString(output.resolve("summary.json")))
        .contains("\"encoding\" : \"windows-1252\"", "\"encoding_origin\" : \"detected: not valid UTF-8\"");
    assertThat(Files.readString(output.resolve("report.html")))
        .contains("windows-1252 (detected: not valid UTF-8)");
    List<Row> names =
        spark.read().parquet(output.resolve("facilities.parquet").toString())
            .selectExpr("explode(names_seen)").collectAsList();
    assertThat(names).extracting(r -> r.getString(0)).contains("CENTRO DE DETENCI\u00d3N")
        .noneMatch(name -> name.contains("\uFFFD"));
  }

  @Test
  void aGivenEncodingIsUsedAndNamed() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).subList(0, 50));
    Path csv = dir.resolve("latin1.csv");
    Files.write(csv, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    RunSummary.InputSummary input =
        AuditRun.of(dir.resolve("out"), "--input", csv.toString(), "--encoding", "ISO-8859-1").summary().inputs().get(0);
    assertThat(input.encoding()).isEqualTo("ISO-8859-1");
    assertThat(input.encodingOrigin()).isEqualTo("given with --encoding");
  }

  @Test
  void anUnknownEncodingExits2BeforeReadingAnything() {
    Path output = dir.resolve("out");
    CommandRun run =
        CommandRun.of("audit", "--input", dir.resolve("not-even-there.csv").toString(), "--output", output.toString(),
            "--encoding", "klingon-8");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("Cannot use --encoding klingon-8: this is not a character encoding Java knows.")
        .doesNotContain("does not exist")
        .doesNotContain("\tat ");
    assertThat(output).doesNotExist();
  }
}

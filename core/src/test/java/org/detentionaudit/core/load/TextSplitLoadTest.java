package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detentionaudit.core.load.Ddp2025Rows.headerLine;
import static org.detentionaudit.core.load.Ddp2025Rows.placement;
import static org.detentionaudit.core.load.Ddp2025Rows.preamble;
import static org.detentionaudit.core.load.Ddp2025Rows.rowLine;
import static org.detentionaudit.core.load.Ddp2025Rows.with;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.profile.ColumnProfile;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text file read by several tasks, one per byte range ({@link TextFileSplitter}), loads exactly
 * as when one task reads it: the same placements, quarantine (with reasons), {@code source_row}s,
 * per-row line counts, column profile (counted in the parse tasks) and accounting.
 */
@ExtendWith(SharedSpark.class)
class TextSplitLoadTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  /**
   * Three blank lines of 1,500 bytes: a range of 400 to 1,500 bytes ends inside them, or holds
   * nothing else.
   */
  private static final String LONG_BLANK_LINES = (" ".repeat(1500) + "\n").repeat(3);

  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();
  private final InputLoader loader = new InputLoader(spark, LayoutCatalog.builtIn());

  /** What a load gives, as text, in the order the tasks return it. */
  record Loaded(
      List<String> parsed,
      List<String> placements,
      List<String> quarantine,
      List<String> profile,
      List<InputAccounting> accounting,
      int partitions) {}

  /** Loads {@code file} with the given split size in bytes (null: the default, files this small are not split). */
  private Loaded load(Path file, Long splitBytes, TextEncoding encoding) {
    if (splitBytes != null) {
      spark.conf().set(TextFileSplitter.SPLIT_BYTES_KEY, splitBytes);
    }
    LoadedDataset dataset = null;
    try {
      dataset = loader.load(List.of(file.toString()), Optional.empty(), Optional.empty(), encoding);
      return new Loaded(
          text(dataset.cached().collectAsList()),
          text(dataset.placements().collectAsList()),
          text(dataset.quarantine().collectAsList()),
          text(ColumnProfile.of(spark, dataset.rawColumns()).collectAsList()),
          dataset.inputs(),
          dataset.cached().rdd().getNumPartitions());
    } finally {
      spark.conf().unset(TextFileSplitter.SPLIT_BYTES_KEY);
      if (dataset != null) {
        dataset.unpersist();
      }
    }
  }

  private static List<String> text(List<Row> rows) {
    return rows.stream().map(Row::toString).toList();
  }

  /** Asserts that every split size gives the unsplit result, and returns that result. */
  private Loaded assertSplitsLoadAsOneTask(Path file, TextEncoding encoding, long... splitSizes) {
    Loaded whole = load(file, null, encoding);
    assertThat(whole.partitions()).isEqualTo(1);
    for (long size : splitSizes) {
      Loaded split = load(file, size, encoding);
      assertThat(split.partitions()).as("partitions at %d bytes", size).isGreaterThan(1);
      assertThat(split.parsed()).as("parse output at %d bytes", size).isEqualTo(whole.parsed());
      assertThat(split.placements()).as("placements at %d bytes", size).isEqualTo(whole.placements());
      assertThat(split.quarantine()).as("quarantine at %d bytes", size).isEqualTo(whole.quarantine());
      assertThat(split.profile()).as("column profile at %d bytes", size).isEqualTo(whole.profile());
      assertThat(split.accounting()).as("accounting at %d bytes", size).isEqualTo(whole.accounting());
    }
    return whole;
  }

  /**
   * A preamble, then rows with every line end (LF, CRLF, CR), runs of blank lines (at the start
   * of the data, inside, and at the end; some longer than a range), a byte that is not UTF-8, quoted values with commas,
   * stray quotes that close on their line, wrong field counts and a bad date. Holds about 45 kB.
   */
  private Path everything(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : preamble(6)) {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.write((headerLine(',', false) + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.write("\n  \n".getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i <= 240; i++) {
      Map<String, String> row = placement("P" + i);
      String line;
      switch (i % 12) {
        case 1 -> line = rowLine(with(row, "Detention Facility", "JAIL, NORTH \"ANNEX\""), ',', false);
        case 3 -> line = rowLine(with(row, "Detention Facility", "CENTRO DE DETENCI\u00d3N"), ',', false);
        case 5 -> line = rowLine(row, ',', false).replace("ADLNTCA", "\"ADLNTCA\"x");
        case 7 -> line = rowLine(row, ',', false) + ",extra";
        case 9 -> line = rowLine(with(row, "Book In Date Time", "13/45/2020 25:61"), ',', false);
        case 11 -> line = rowLine(row, ',', false).replace("Male", "M\"ale");
        default -> line = rowLine(row, ',', false);
      }
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      if (i % 17 == 0) {
        bytes = line.replace("Removed", "Remov\u0001d").getBytes(StandardCharsets.UTF_8);
        for (int b = 0; b < bytes.length; b++) {
          bytes[b] = bytes[b] == 1 ? (byte) 0xFF : bytes[b];
        }
      }
      out.write(bytes);
      out.write((i % 4 == 0 ? "\r\n" : i % 10 == 3 ? "\r" : "\n").getBytes(StandardCharsets.US_ASCII));
      if (i % 23 == 0) {
        out.write((i % 2 == 0 ? "\n\n" : " \t\r\n\n").getBytes(StandardCharsets.US_ASCII));
      }
      if (i % 50 == 0) {
        out.write(LONG_BLANK_LINES.getBytes(StandardCharsets.US_ASCII));
      }
    }
    out.write(("\n \n\n" + LONG_BLANK_LINES).getBytes(StandardCharsets.US_ASCII));
    Path file = dir.resolve(name);
    Files.write(file, out.toByteArray());
    return file;
  }

  @Test
  void aFileSplitIntoManyRangesLoadsAsOneTaskLoadsIt() throws IOException {
    Path file = everything("everything.csv");
    // Given as UTF-8 (detection would take the file for windows-1252, for its 0xFF bytes).
    Loaded whole = assertSplitsLoadAsOneTask(file, TextEncoding.given("UTF-8"), 400, 1500, 6000);
    // The fixture holds what it claims.
    assertThat(whole.quarantine()).anyMatch(r -> r.contains("cannot read the line as UTF-8"));
    assertThat(whole.quarantine()).anyMatch(r -> r.contains("broken quoting"));
    assertThat(whole.quarantine()).anyMatch(r -> r.contains("wrong number of fields"));
    InputAccounting.Text text = whole.accounting().get(0).text();
    assertThat(whole.accounting().get(0).rowsRead()).isEqualTo(240);
    assertThat(text.blankLines()).isEqualTo(2 + 10 * 2 + 4 * 3 + 3 + 3);
    assertThat(text.physicalLines()).isEqualTo(240 + 40);
  }

  @Test
  void aWindows1252FileSplitLoadsAsOneTaskLoadsIt() throws IOException {
    StringBuilder text = new StringBuilder(headerLine(',', false)).append("\r\n");
    for (int i = 1; i <= 120; i++) {
      String facility = i % 3 == 0 ? "CENTRO DE DETENCI\u00d3N" : i % 3 == 1 ? "ESTACI\u00d3N DE PE\u00d1UELAS" : "ADELANTO";
      text.append(rowLine(with(placement("P" + i), "Detention Facility", facility), ',', false)).append("\r\n");
      if (i % 31 == 0) {
        text.append("\r\n");
      }
    }
    Path file = Files.write(dir.resolve("cp1252.csv"), text.toString().getBytes(CP1252));
    Loaded whole = assertSplitsLoadAsOneTask(file, null, 100, 777, 5000);
    assertThat(whole.accounting().get(0).text().encoding()).isEqualTo("windows-1252");
    assertThat(whole.placements()).anyMatch(r -> r.contains("ESTACI\u00d3N DE PE\u00d1UELAS"));
    // Given rather than detected, the same.
    assertSplitsLoadAsOneTask(file, TextEncoding.given("windows-1252"), 100);
  }

  /**
   * A quoted value spanning lines across a range end, and a stray quote left open at the end of a
   * line: the file is read by one task, and loads as before.
   */
  @Test
  void aFileWithALineEndingInsideQuotesIsReadByOneTask() throws IOException {
    StringBuilder text = new StringBuilder(headerLine(',', false)).append('\n');
    for (int i = 1; i <= 60; i++) {
      Map<String, String> row = placement("P" + i);
      if (i == 30) {
        row = with(row, "Detention Facility", "JAIL\nNORTH\nWING");
      }
      String line = rowLine(row, ',', false);
      if (i == 45) {
        line = line.replace("Removed", "\"Removed");
      }
      text.append(line).append('\n');
    }
    Path file = Files.write(dir.resolve("spanning.csv"), text.toString().getBytes(StandardCharsets.UTF_8));
    int spanningRecordAt = text.indexOf("JAIL\nNORTH");
    Loaded whole = load(file, null, null);
    for (long size : new long[] {64, 500, spanningRecordAt - 200L}) {
      Loaded split = load(file, size, null);
      assertThat(split.partitions()).isEqualTo(1);
      assertThat(split).isEqualTo(whole);
    }
    assertThat(whole.accounting().get(0).text().multiLineRecords()).isEqualTo(1);
    assertThat(whole.quarantine()).singleElement().asString().contains(DelimitedRecordReader.UNCLOSED_QUOTE);
  }

  /** A gzipped file and a UTF-16 file are read by one task whatever their size. */
  @Test
  void gzipAndUtf16FilesAreReadByOneTask() throws IOException {
    StringBuilder text = new StringBuilder(headerLine(',', false)).append('\n');
    for (int i = 1; i <= 50; i++) {
      text.append(rowLine(placement("P" + i), ',', false)).append('\n');
    }
    Path gz = dir.resolve("rows.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    Path utf16 = dir.resolve("utf16.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.write(text.toString().getBytes(StandardCharsets.UTF_16LE));
    Files.write(utf16, bytes.toByteArray());
    Path plain = Files.writeString(dir.resolve("rows.csv"), text);
    for (Path file : List.of(gz, utf16)) {
      Loaded split = load(file, 64L, null);
      assertThat(split.partitions()).as(file.toString()).isEqualTo(1);
      assertThat(split.accounting().get(0).rowsLoaded()).isEqualTo(50);
    }
    assertThat(load(plain, 64L, null).partitions()).isGreaterThan(1);
  }
}

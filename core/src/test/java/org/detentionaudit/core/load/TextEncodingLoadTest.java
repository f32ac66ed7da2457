package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.detentionaudit.core.load.Ddp2025Rows.headerLine;
import static org.detentionaudit.core.load.Ddp2025Rows.placement;
import static org.detentionaudit.core.load.Ddp2025Rows.rowLine;
import static org.detentionaudit.core.load.Ddp2025Rows.with;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Text inputs are decoded in their real encoding, and no byte is ever replaced silently. */
@ExtendWith(SharedSpark.class)
class TextEncodingLoadTest {
  private static final String CENTRO = "CENTRO DE DETENCI\u00d3N";
  private static final Charset CP1252 = Charset.forName("windows-1252");

  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();
  private final InputLoader loader = new InputLoader(spark, LayoutCatalog.builtIn());
  private final List<LoadedDataset> loaded = new ArrayList<>();

  @AfterEach
  void unpersist() {
    loaded.forEach(LoadedDataset::unpersist);
  }

  private LoadedDataset load(Path file, TextEncoding encoding) {
    LoadedDataset dataset =
        loader.load(List.of(file.toString()), Optional.empty(), Optional.empty(), encoding);
    loaded.add(dataset);
    return dataset;
  }

  private static List<String> lines(int rows, String facility) {
    List<String> lines = new ArrayList<>();
    lines.add(headerLine(',', false));
    for (int i = 1; i <= rows; i++) {
      lines.add(rowLine(with(placement("P" + i), "Detention Facility", i == 2 ? facility : "ADELANTO"), ',', false));
    }
    return lines;
  }

  private Path write(String name, List<String> lines, Charset charset) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, (String.join("\n", lines) + "\n").getBytes(charset));
    return file;
  }

  private static List<String> facilityNames(LoadedDataset dataset) {
    return dataset.placements().orderBy("source_row").collectAsList().stream()
        .map(r -> r.<String>getAs("facility_name"))
        .toList();
  }

  @Test
  void windows1252IsDetectedAndAccentedNamesLoadExactly() throws IOException {
    LoadedDataset dataset = load(write("cp1252.csv", lines(3, CENTRO), CP1252), null);
    assertThat(facilityNames(dataset)).containsExactly("ADELANTO", CENTRO, "ADELANTO");
    InputAccounting.Text text = dataset.inputs().get(0).text();
    assertThat(text.encoding()).isEqualTo("windows-1252");
    assertThat(text.encodingOrigin()).isEqualTo("detected: not valid UTF-8");
  }

  @Test
  void utf8WithAccentsStaysUtf8() throws IOException {
    LoadedDataset dataset = load(write("utf8.csv", lines(3, CENTRO), StandardCharsets.UTF_8), null);
    assertThat(facilityNames(dataset)).containsExactly("ADELANTO", CENTRO, "ADELANTO");
    assertThat(dataset.inputs().get(0).text().encoding()).isEqualTo("UTF-8");
    assertThat(dataset.inputs().get(0).text().encodingOrigin()).isEqualTo("detected: valid UTF-8");
  }

  @Test
  void aGivenEncodingIsHonoured() throws IOException {
    // \u00c9 in ISO-8859-1 is 0xC9, which is also the windows-1252 byte: read as given, not detected.
    LoadedDataset dataset =
        load(write("latin1.csv", lines(2, "\u00c9COLE"), StandardCharsets.ISO_8859_1), TextEncoding.given("latin1"));
    assertThat(facilityNames(dataset)).containsExactly("ADELANTO", "\u00c9COLE");
    assertThat(dataset.inputs().get(0).text().encoding()).isEqualTo("ISO-8859-1");
    assertThat(dataset.inputs().get(0).text().encodingOrigin()).isEqualTo("given with --encoding");
  }

  @Test
  void anUnknownEncodingNameIsRefusedWithTheFix() {
    assertThatThrownBy(() -> TextEncoding.given("klingon-8"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Cannot use --encoding klingon-8: this is not a character encoding Java knows.")
        .hasMessageContaining("windows-1252");
    assertThat(TextEncoding.given("auto")).isNull();
    assertThat(TextEncoding.given("cp1252").charsetName()).isEqualTo("windows-1252");
  }

  @Test
  void gzippedWindows1252IsDetectedAfterGunzip() throws IOException {
    Path gz = dir.resolve("cp1252.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write((String.join("\n", lines(3, CENTRO)) + "\n").getBytes(CP1252));
    }
    LoadedDataset dataset = load(gz, null);
    assertThat(facilityNames(dataset)).containsExactly("ADELANTO", CENTRO, "ADELANTO");
    assertThat(dataset.inputs().get(0).text().encoding()).isEqualTo("windows-1252");
    assertThat(dataset.inputs().get(0).format()).isEqualTo("csv.gz");
  }

  @Test
  void aWindows1252BytePastTheSampleIsQuarantinedNeverReplaced() throws IOException {
    // More than 4 MiB of ASCII (so the sample is valid UTF-8), then one cp1252 line.
    List<String> lines = lines(1, "ADELANTO");
    String filler = rowLine(with(placement("F"), "Detention Facility", "ADELANTO"), ',', false);
    int fillerRows = TextEncoding.SAMPLE_BYTES / filler.length() + 10;
    for (int i = 0; i < fillerRows; i++) {
      lines.add(filler);
    }
    lines.add(rowLine(with(placement("LATE"), "Detention Facility", CENTRO), ',', false));
    lines.add(rowLine(placement("AFTER"), ',', false));
    LoadedDataset dataset = load(write("late-cp1252.csv", lines, CP1252), null);

    InputAccounting accounting = dataset.inputs().get(0);
    assertThat(accounting.text().encoding()).isEqualTo("UTF-8");
    assertThat(accounting.rowsRead()).isEqualTo(fillerRows + 3);
    assertThat(accounting.rowsQuarantined()).isEqualTo(1);
    Row quarantined = dataset.quarantine().collectAsList().get(0);
    assertThat(quarantined.<Long>getAs("source_row")).isEqualTo(fillerRows + 2L);
    assertThat(quarantined.<String>getAs("raw")).contains("CENTRO DE DETENCI\\xD3N").doesNotContain("\uFFFD");
    assertThat(quarantined.<String>getAs("reason"))
        .contains("not valid UTF-8", "0xD3", "--encoding windows-1252");
    assertThat(dataset.placements().filter("facility_name like '%\uFFFD%'").count()).isZero();
    assertThat(dataset.placements().filter("person_id = 'AFTER'").count()).isEqualTo(1);
  }

  @Test
  void aUtf8ByteOrderMarkDecidesEvenAgainstAGivenEncoding() throws IOException {
    byte[] body = (String.join("\n", lines(2, CENTRO)) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Path file = dir.resolve("bom.csv");
    Files.write(file, bytes);
    LoadedDataset dataset = load(file, TextEncoding.given("windows-1252"));
    assertThat(facilityNames(dataset)).containsExactly("ADELANTO", CENTRO);
    assertThat(dataset.inputs().get(0).text().encodingOrigin()).isEqualTo("byte-order mark");
  }

  @Test
  void utf16WithAByteOrderMarkIsRead() throws IOException {
    byte[] body = (String.join("\r\n", lines(2, CENTRO)) + "\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    Path file = dir.resolve("utf16.csv");
    Files.write(file, bytes);
    LoadedDataset dataset = load(file, null);
    assertThat(facilityNames(dataset)).containsExactly("ADELANTO", CENTRO);
    assertThat(dataset.inputs().get(0).text().encoding()).isEqualTo("UTF-16LE");
  }

  @Test
  void anUndecodableUtf16LineStopsTheLoadNamingFileAndLine() throws IOException {
    List<String> lines = lines(3, "X");
    String text = String.join("\n", lines) + "\n";
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    // Line 3 (the second data row) starts with a lone high surrogate: not valid UTF-16.
    int thirdLine = (lines.get(0).length() + lines.get(1).length() + 2) * 2;
    byte[] bytes = new byte[body.length + 4];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, thirdLine);
    bytes[2 + thirdLine] = 0x00;
    bytes[3 + thirdLine] = (byte) 0xD8;
    System.arraycopy(body, thirdLine, bytes, 4 + thirdLine, body.length - thirdLine);
    Path file = dir.resolve("broken-utf16.csv");
    Files.write(file, bytes);
    assertThatThrownBy(() -> load(file, null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Cannot read file '" + file + "': line 3 (counting from the first line of the file) is not valid UTF-16LE")
        .hasMessageContaining("--encoding");
  }

  @Test
  void workbooksAndParquetHaveNoTextAccount() {
    assertThat(new InputAccounting("a.xlsx", "xlsx", "ddp-2025", 2, 2, 0).text()).isNull();
  }
}

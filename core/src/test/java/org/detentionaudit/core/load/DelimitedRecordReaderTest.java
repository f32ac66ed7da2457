package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DelimitedRecordReaderTest {
  private static final TextEncoding UTF8 = new TextEncoding("UTF-8", TextEncoding.VALID_UTF8);

  static List<SourceRecord> read(byte[] bytes, TextEncoding encoding, int fields) {
    DelimitedRecordReader reader =
        new DelimitedRecordReader(
            new ByteLineReader(new ByteArrayInputStream(bytes), encoding), ',', fields);
    List<SourceRecord> records = new ArrayList<>();
    reader.forEachRemaining(records::add);
    return records;
  }

  static List<SourceRecord> read(String text, int fields) {
    return read(text.getBytes(StandardCharsets.UTF_8), UTF8, fields);
  }

  /** Row {@code i}: three fields, the second quoted with a comma inside on every third row. */
  private static String row(int i) {
    return "P" + i + "," + (i % 3 == 0 ? "\"JAIL, NORTH\"" : "JAIL") + ",2020-01-0" + (1 + i % 9);
  }

  private static long physicalLines(List<SourceRecord> records) {
    return records.stream().mapToLong(r -> 1 + r.continuationLines() + r.blankLines()).sum();
  }

  @Test
  void aStrayQuoteAtTheEndOfALineCostsThatLineOnly() {
    List<String> lines = new ArrayList<>(IntStream.rangeClosed(1, 200).mapToObj(DelimitedRecordReaderTest::row).toList());
    // Row 100 ends with an opening quote; row 102 holds a quoted value, so before the fix rows
    // 100 to 102 were joined and quarantined as one record, and every later row was numbered 2 short.
    lines.set(99, "P100,JAIL,\"2020-01-02");
    List<SourceRecord> records = read(String.join("\n", lines) + "\n", 3);

    assertThat(records).hasSize(200);
    assertThat(physicalLines(records)).isEqualTo(200);
    SourceRecord broken = records.get(99);
    assertThat(broken.sourceRow()).isEqualTo(100);
    assertThat(broken.raw()).isEqualTo("P100,JAIL,\"2020-01-02");
    assertThat(broken.problem()).isEqualTo(DelimitedRecordReader.UNCLOSED_QUOTE);
    assertThat(records.stream().filter(r -> r.problem() != null)).hasSize(1);
    for (int i = 101; i <= 200; i++) {
      SourceRecord record = records.get(i - 1);
      assertThat(record.sourceRow()).isEqualTo(i);
      assertThat(record.fields().get(0)).isEqualTo("P" + i);
    }
  }

  @Test
  void aStrayQuoteClosedLaterWithTheWrongFieldCountCostsOneLine() {
    // The quote opened on line 2 closes on line 3 before a delimiter: the joined text splits into
    // 4 fields, not 3, so it is no record; line 3 alone is a valid row (a quote inside an unquoted
    // value is a plain character).
    String text = "P1,A,1\nP2,X,\"B\nP3,C\",3\nP4,D,4\n";
    List<SourceRecord> records = read(text, 3);
    assertThat(records).extracting(SourceRecord::sourceRow).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(1).problem()).isEqualTo(DelimitedRecordReader.UNCLOSED_QUOTE);
    assertThat(records.get(1).raw()).isEqualTo("P2,X,\"B");
    assertThat(records.get(2).fields()).containsExactly("P3", "C\"", "3");
    assertThat(records.get(3).fields()).containsExactly("P4", "D", "4");
  }

  @Test
  void aQuoteNeverClosedBeforeTheEndCostsOneLine() {
    List<SourceRecord> records = read("P1,A,1\nP2,\"B,2\nP3,C,3\n", 3);
    assertThat(records).extracting(SourceRecord::sourceRow).containsExactly(1L, 2L, 3L);
    assertThat(records.get(1).problem()).isEqualTo(DelimitedRecordReader.UNCLOSED_QUOTE);
    assertThat(records.get(2).fields()).containsExactly("P3", "C", "3");
  }

  @Test
  void aQuotedValueSpanningLinesThatParsesIsOneRowWithOneNumber() {
    List<SourceRecord> records = read("P1,\"LINE ONE\nLINE TWO\nLINE THREE\",1\nP2,B,2\n", 3);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).fields()).containsExactly("P1", "LINE ONE\nLINE TWO\nLINE THREE", "1");
    assertThat(records.get(0).continuationLines()).isEqualTo(2);
    assertThat(records.get(1).sourceRow()).isEqualTo(2);
    assertThat(physicalLines(records)).isEqualTo(4);
  }

  @Test
  void blankLinesAreNumberedButNotRowsAndAreAccountedWithTheRecords() {
    List<SourceRecord> records = read("\nP1,A,1\n  \n\nP2,B,2\n\n\n", 3);
    assertThat(records).extracting(SourceRecord::sourceRow).containsExactly(2L, 5L);
    assertThat(records).extracting(SourceRecord::blankLines).containsExactly(1, 4);
    assertThat(physicalLines(records)).isEqualTo(7);
  }

  @Test
  void aLineTheEncodingCannotReadIsItsOwnRecordWithTheByteNamed() {
    byte[] bytes = "P1,A,1\nP2,CENTRO DE DETENCI\u00d3N,2\nP3,C,3\n".getBytes(StandardCharsets.ISO_8859_1);
    List<SourceRecord> records = read(bytes, UTF8, 3);
    assertThat(records).extracting(SourceRecord::sourceRow).containsExactly(1L, 2L, 3L);
    SourceRecord bad = records.get(1);
    assertThat(bad.raw()).isEqualTo("P2,CENTRO DE DETENCI\\xD3N,2").doesNotContain("\uFFFD");
    assertThat(bad.problem())
        .startsWith("cannot read the line as UTF-8: byte 0xD3 at byte 21 of the line is not valid UTF-8")
        .contains("--encoding windows-1252");
    assertThat(records.get(2).fields()).containsExactly("P3", "C", "3");
  }

  @Test
  void anUndecodableLineInsideAQuotedValueEndsTheJoinAndIsItsOwnRecord() {
    byte[] bytes = "P1,\"A\nB\u00d3\",1\nP2,B,2\n".getBytes(StandardCharsets.ISO_8859_1);
    List<SourceRecord> records = read(bytes, UTF8, 3);
    assertThat(records).extracting(SourceRecord::sourceRow).containsExactly(1L, 2L, 3L);
    assertThat(records.get(0).problem()).isEqualTo(DelimitedRecordReader.UNCLOSED_QUOTE);
    assertThat(records.get(1).problem()).contains("0xD3");
    assertThat(records.get(2).fields()).containsExactly("P2", "B", "2");
  }

  @Test
  void windows1252UndefinedBytesAreReportedNotReplaced() {
    TextEncoding cp1252 = new TextEncoding("windows-1252", TextEncoding.NOT_UTF8);
    byte[] bytes = {'P', '1', ',', (byte) 0xC9, ',', '1', '\n', 'P', '2', ',', (byte) 0x81, ',', '2'};
    List<SourceRecord> records = read(bytes, cp1252, 3);
    assertThat(records.get(0).fields()).containsExactly("P1", "\u00c9", "1");
    assertThat(records.get(1).raw()).isEqualTo("P2,\\x81,2");
    assertThat(records.get(1).problem()).contains("byte 0x81", "windows-1252", "--encoding ISO-8859-1");
  }
}

package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Reading a file by byte ranges ({@link TextFileSplitter}, {@link ByteLineReader#range}) gives
 * exactly what reading it whole gives: the same lines, and the same records with the same numbers,
 * raw text, problems and blank lines.
 */
class TextFileSplitterTest {
  private static final TextEncoding UTF8 = new TextEncoding("UTF-8", TextEncoding.VALID_UTF8);
  private static final int FIELDS = 3;

  /** Ranges cut at any bytes give every line once, in order, decoded as the whole reader does. */
  @Property(tries = 500)
  void rangesGiveEveryLineOnce(
      @ForAll("texts") byte[] bytes, @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 400) Integer> cuts)
      throws IOException {
    List<TextLine> whole = lines(new ByteLineReader(new ByteArrayInputStream(bytes), UTF8));
    List<TextLine> split = new ArrayList<>();
    for (long[] range : ranges(bytes.length + 1, cuts)) {
      split.addAll(lines(range(bytes, range)));
    }
    assertThat(split).isEqualTo(whole);
  }

  /**
   * When no line ends inside quotes, the records of the ranges, each read with the start computed
   * from the counts of all ranges, are the records of the whole file (blank lines included).
   */
  @Property(tries = 1000)
  void rangesGiveTheRecordsOfTheWholeFile(
      @ForAll("texts") byte[] bytes, @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 400) Integer> cuts)
      throws IOException {
    List<SourceRecord> whole = records(new ByteLineReader(new ByteArrayInputStream(bytes), UTF8), TextFileSplit.Start.WHOLE_FILE);
    List<long[]> ranges = ranges(bytes.length + 1, cuts);
    List<TextFileSplitter.RangeLines> counts = new ArrayList<>();
    for (long[] range : ranges) {
      counts.add(TextFileSplitter.count(range(bytes, range), ','));
    }
    boolean opensQuote = counts.stream().anyMatch(TextFileSplitter.RangeLines::opensQuote);
    Assume.that(!opensQuote);
    List<TextFileSplit.Start> starts = TextFileSplitter.starts(counts);
    List<SourceRecord> split = new ArrayList<>();
    for (int r = 0; r < ranges.size(); r++) {
      split.addAll(records(range(bytes, ranges.get(r)), starts.get(r)));
    }
    assertThat(split).isEqualTo(whole);
  }

  /** The counting job flags a line that ends inside quotes, in whichever range it falls. */
  @Test
  void aLineEndingInsideQuotesIsFlagged() throws IOException {
    byte[] bytes = "a,b,c\n\"x\ny\",b,c\na,b,c\n".getBytes(StandardCharsets.UTF_8);
    assertThat(TextFileSplitter.count(range(bytes, new long[] {1, 6}), ',').opensQuote()).isFalse();
    assertThat(TextFileSplitter.count(range(bytes, new long[] {6, Long.MAX_VALUE}), ',').opensQuote()).isTrue();
    // A stray quote that closes on its line, and a quote inside an unquoted field, open nothing.
    byte[] closed = "a,\"b\"x,c\na\"b,c,d\n".getBytes(StandardCharsets.UTF_8);
    assertThat(TextFileSplitter.count(range(closed, new long[] {1, Long.MAX_VALUE}), ',').opensQuote()).isFalse();
  }

  @Test
  void bigDataAreCutIntoAtLeastOneRangePerCoreOfAtMostTheLargestRange() {
    long mib = 1L << 20;
    assertThat(TextFileSplitter.byteRanges(100, 100 + 64 * mib, 64 * mib, 128 * mib, 2)).isEmpty();
    List<long[]> two = TextFileSplitter.byteRanges(100, 100 + 100 * mib, 64 * mib, 128 * mib, 2);
    assertThat(two).hasSize(2);
    assertThat(two.get(0)).containsExactly(100, 100 + 50 * mib);
    assertThat(two.get(1)).containsExactly(100 + 50 * mib, Long.MAX_VALUE);
    List<long[]> many = TextFileSplitter.byteRanges(0, 1500 * mib, 64 * mib, 128 * mib, 2);
    assertThat(many).hasSize(12);
    assertThat(many.get(1)[0] - many.get(0)[0]).isLessThanOrEqualTo(128 * mib);
    assertThat(TextFileSplitter.byteRanges(10, 20, 4, 4, 1)).hasSize(3);
  }

  // ---- helpers ----

  /**
   * Lines of three fields from a small alphabet: blank lines (spaces, tabs), LF, CRLF and CR line
   * ends, quoted fields with delimiters inside, stray quotes, wrong field counts, a byte that is
   * not UTF-8 (0xFF) and a two-byte character.
   */
  @Provide
  Arbitrary<byte[]> texts() {
    Arbitrary<String> field =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars('a', 'b', 'é', ' ').ofMaxLength(3),
            Arbitraries.of("\"x,y\"", "\"q\"\"q\"", "\"s\"t", "u\"v", "\u00ff"));
    Arbitrary<String> record =
        Arbitraries.oneOf(
            field.list().ofSize(FIELDS).map(f -> String.join(",", f)),
            field.list().ofMinSize(1).ofMaxSize(5).map(f -> String.join(",", f)),
            Arbitraries.of("", " ", "\t ", "a,\"b", "\"open"));
    Arbitrary<String> end = Arbitraries.of("\n", "\n", "\r\n", "\r");
    Arbitrary<String> line = Combinators.combine(record, end).as(String::concat);
    return Combinators.combine(line.list().ofMaxSize(25), Arbitraries.of("", "a,b,c"))
        .as((lines, last) -> bytes(String.join("", lines) + last));
  }

  /** The text as UTF-8, with each {@code ÿ} written as the lone byte 0xFF (not UTF-8). */
  private static byte[] bytes(String text) {
    byte[] utf8 = text.replace('\u00ff', '\u0001').getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == 1) {
        utf8[i] = (byte) 0xFF;
      }
    }
    return utf8;
  }

  /**
   * Ranges of the bytes {@code [1, fileLength)} cut at the given offsets (the header line is one
   * byte, at 0).
   */
  private static List<long[]> ranges(int fileLength, List<Integer> cuts) {
    TreeSet<Long> starts = new TreeSet<>();
    starts.add(1L);
    for (int cut : cuts) {
      if (cut < fileLength) {
        starts.add((long) cut);
      }
    }
    List<Long> ordered = new ArrayList<>(starts);
    List<long[]> ranges = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      long to = i + 1 < ordered.size() ? ordered.get(i + 1) : Long.MAX_VALUE;
      ranges.add(new long[] {ordered.get(i), to});
    }
    return ranges;
  }

  /** A reader of {@code range} of a file whose first byte is a one-byte header line ("\n"). */
  private static ByteLineReader range(byte[] data, long[] range) throws IOException {
    byte[] file = withHeader(data);
    int before = (int) Math.min(range[0] - 1, file.length);
    return ByteLineReader.range(
        new ByteArrayInputStream(file, before, file.length - before), UTF8, range[0], range[1]);
  }

  private static byte[] withHeader(byte[] data) {
    byte[] file = new byte[data.length + 1];
    file[0] = '\n';
    System.arraycopy(data, 0, file, 1, data.length);
    return file;
  }

  private static List<TextLine> lines(TextLineSource source) throws IOException {
    List<TextLine> lines = new ArrayList<>();
    TextLine line;
    while ((line = source.readLine()) != null) {
      lines.add(line);
    }
    return lines;
  }

  private static List<SourceRecord> records(TextLineSource source, TextFileSplit.Start start) {
    List<SourceRecord> records = new ArrayList<>();
    new DelimitedRecordReader(source, ',', FIELDS, start).forEachRemaining(records::add);
    return records;
  }
}

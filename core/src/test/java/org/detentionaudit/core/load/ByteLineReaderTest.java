package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class ByteLineReaderTest {
  private static final TextEncoding UTF8 = new TextEncoding("UTF-8", TextEncoding.VALID_UTF8);

  /** Splits lines exactly as BufferedReader does (LF, CRLF, CR), across any read size. */
  @Property(tries = 300)
  void splitsLinesAsBufferedReaderDoes(
      @ForAll @StringLength(max = 300) @Chars({'\n', '\r', 'a', ',', '"', 'é', '€'}) @CharRange(from = 'x', to = 'z')
          String text,
      @ForAll @IntRange(min = 1, max = 7) int chunk)
      throws IOException {
    List<String> expected = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = reader.readLine()) != null) {
        expected.add(line);
      }
    }
    List<String> actual = new ArrayList<>();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (ByteLineReader reader = new ByteLineReader(trickle(bytes, chunk), UTF8)) {
      TextLine line;
      while ((line = reader.readLine()) != null) {
        assertThat(line.problem()).isNull();
        actual.add(line.text());
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  /** The UTF-16 reader splits the same way. */
  @Property(tries = 200)
  void streamLineReaderSplitsLinesAsBufferedReaderDoes(
      @ForAll @StringLength(max = 300) @Chars({'\n', '\r', 'a', ',', '"', 'é', '€'}) String text,
      @ForAll @IntRange(min = 1, max = 7) int chunk)
      throws IOException {
    List<String> expected = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = reader.readLine()) != null) {
        expected.add(line);
      }
    }
    List<String> actual = new ArrayList<>();
    TextEncoding utf16 = new TextEncoding("UTF-16LE", TextEncoding.BYTE_ORDER_MARK);
    try (StreamLineReader reader =
        new StreamLineReader(trickle(text.getBytes(StandardCharsets.UTF_16LE), chunk), utf16)) {
      TextLine line;
      while ((line = reader.readLine()) != null) {
        actual.add(line.text());
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  /** A stream that returns at most {@code chunk} bytes per read, to cross buffer ends. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }
}

package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens a text input for streaming through Hadoop {@link FileSystem}: gunzips {@code .gz} files and
 * decodes lines strictly in the file's {@link TextEncoding} (never replacing a byte it cannot read:
 * see {@link ByteLineReader} and {@link StreamLineReader}). A leading byte-order mark is removed by
 * {@link #stripByteOrderMark}.
 */
final class TextFileOpener {
  private static final int BUFFER_BYTES = 1 << 16;

  private TextFileOpener() {}

  static TextLineSource open(
      Configuration configuration, String qualifiedPath, boolean gzip, TextEncoding encoding)
      throws IOException {
    InputStream in = openBytes(configuration, qualifiedPath, gzip);
    try {
      return encoding.asciiCompatible()
          ? new ByteLineReader(in, encoding)
          : new StreamLineReader(in, encoding);
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * The lines of a plain (not gzipped) file that begin at a byte offset in {@code [fromByte,
   * toByte)}: see {@link ByteLineReader#range}. Only for {@link TextEncoding#asciiCompatible()}
   * encodings.
   */
  static TextLineSource openRange(
      Configuration configuration,
      String qualifiedPath,
      TextEncoding encoding,
      long fromByte,
      long toByte)
      throws IOException {
    Path path = new Path(URI.create(qualifiedPath));
    FSDataInputStream in = path.getFileSystem(configuration).open(path, BUFFER_BYTES);
    try {
      in.seek(fromByte - 1);
      return ByteLineReader.range(in, encoding, fromByte, toByte);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * The byte offset of the first data line of a plain file: past its first {@code linesBeforeData}
   * lines (preamble and header), as {@link ByteLineReader} splits them.
   */
  static long dataOffset(
      Configuration configuration, String qualifiedPath, TextEncoding encoding, int linesBeforeData)
      throws IOException {
    try (ByteLineReader reader =
        new ByteLineReader(openBytes(configuration, qualifiedPath, false), encoding)) {
      for (int i = 0; i < linesBeforeData; i++) {
        reader.readLine();
      }
      return reader.nextLineStart();
    }
  }

  /**
   * The encoding of a text file, from its first {@link TextEncoding#SAMPLE_BYTES} bytes (after
   * gunzip); see {@link TextEncoding#detect}.
   *
   * @param given the user's encoding, or null to detect
   */
  static TextEncoding encodingOf(
      Configuration configuration, String qualifiedPath, boolean gzip, TextEncoding given)
      throws IOException {
    try (InputStream in = openBytes(configuration, qualifiedPath, gzip)) {
      byte[] sample = new byte[TextEncoding.SAMPLE_BYTES];
      int length = 0;
      int read = 0;
      while (length < sample.length && (read = in.read(sample, length, sample.length - length)) >= 0) {
        length += read;
      }
      boolean wholeFile = read < 0 || in.read() < 0;
      return TextEncoding.detect(Arrays.copyOf(sample, length), wholeFile, given);
    }
  }

  private static InputStream openBytes(Configuration configuration, String qualifiedPath, boolean gzip)
      throws IOException {
    Path path = new Path(URI.create(qualifiedPath));
    FileSystem fs = path.getFileSystem(configuration);
    InputStream in = fs.open(path, BUFFER_BYTES);
    try {
      return gzip ? new GZIPInputStream(in, BUFFER_BYTES) : in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  static String stripByteOrderMark(String firstLine) {
    return firstLine != null && !firstLine.isEmpty() && firstLine.charAt(0) == '\uFEFF'
        ? firstLine.substring(1)
        : firstLine;
  }
}

package org.detentionaudit.core.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens a text input for streaming through Hadoop {@link FileSystem}: gunzips {@code .gz} files and
 * decodes UTF-8, replacing malformed bytes (Windows-1252 exports) instead of failing. A leading
 * byte-order mark is removed by {@link #stripByteOrderMark}.
 */
final class TextFileOpener {
  private static final int BUFFER_BYTES = 1 << 16;

  private TextFileOpener() {}

  static BufferedReader open(Configuration configuration, String qualifiedPath, boolean gzip)
      throws IOException {
    Path path = new Path(URI.create(qualifiedPath));
    FileSystem fs = path.getFileSystem(configuration);
    InputStream in = fs.open(path, BUFFER_BYTES);
    try {
      InputStream decompressed = gzip ? new GZIPInputStream(in, BUFFER_BYTES) : in;
      return new BufferedReader(
          new InputStreamReader(
              decompressed,
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPLACE)
                  .onUnmappableCharacter(CodingErrorAction.REPLACE)),
          BUFFER_BYTES);
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

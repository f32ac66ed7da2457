package org.detentionaudit.jobs.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log file, headed by what it is, for failure messages. */
final class LogTail {
  private LogTail() {}

  /**
   * The last {@code lines} lines of {@code file}, read leniently (a log may hold bytes that are not
   * UTF-8); a missing or unreadable file is said so, never thrown.
   */
  static String of(String title, Path file, int lines) {
    List<String> all;
    try {
      all = Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      return "--- " + title + " (" + file + "): unreadable: " + e + "\n";
    }
    List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
    return "--- last " + tail.size() + " lines of " + title + " (" + file + "):\n" + String.join("\n", tail) + "\n";
  }
}

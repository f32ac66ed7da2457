package org.detentionaudit.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What an audit leaves beside its output folder. */
final class OutputFolders {
  private OutputFolders() {}

  /**
   * The hidden entries of {@code parent} a run may leave: staging ({@code .DIR.writing-*}),
   * set-aside ({@code .DIR.replaced-*}) folders, lock files ({@code .DIR.lock}) and probe files.
   */
  static List<Path> hiddenLeftovers(Path parent) {
    try (var files = Files.list(parent)) {
      return files
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.contains(".writing-")
                    || name.contains(".replaced-")
                    || name.endsWith(".lock")
                    || name.contains(".lock.stale-")
                    || name.startsWith(".detention-audit-probe-");
              })
          .toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Every file under {@code folder} whose name starts with a dot (e.g. Hadoop's .crc files). */
  static List<Path> hiddenFilesInside(Path folder) {
    try (var files = Files.walk(folder)) {
      return files.filter(p -> !p.equals(folder) && p.getFileName().toString().startsWith(".")).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

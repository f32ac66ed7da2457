package org.detentionaudit.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copying and deleting whole folders in tests (an audit output to alter, a table to remove). */
public final class Folders {
  private Folders() {}

  /** Copies {@code from} and everything below it to {@code to}; returns {@code to}. */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }

  /** Deletes {@code path} and everything below it. */
  public static void delete(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(f);
      }
    }
  }
}

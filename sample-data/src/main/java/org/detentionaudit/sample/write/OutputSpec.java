package org.detentionaudit.sample.write;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to write: a layout, a format, and a path relative to the output folder.
 *
 * @param relativePath relative, without {@code ..}; parent folders are created
 */
public record OutputSpec(Layout layout, OutputFormat format, String relativePath) {

  public OutputSpec {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(relativePath, "relativePath");
    Path path = Path.of(relativePath).normalize();
    if (relativePath.isBlank() || path.isAbsolute() || path.startsWith("..")) {
      throw new IllegalArgumentException(
          "Cannot write output '" + relativePath + "': the path must be relative to the output folder");
    }
  }

  /** The layout's id plus the format's extension, e.g. {@code ddp-2025.csv.gz}. */
  public static OutputSpec of(Layout layout, OutputFormat format) {
    return new OutputSpec(layout, format, layout.id() + format.extension());
  }
}

package org.detentionaudit.core.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.detentionaudit.core.InputException;

/**
 * An output folder that appears whole or not at all.
 *
 * <p>Everything is written into a hidden sibling folder ({@code .DIR.writing-<random>}) on the same
 * file system, then renamed to {@code DIR} by {@link #commit()}. {@link #abort()} deletes the
 * temporary folder. With {@code overwrite}, an existing {@code DIR} is moved aside just before the
 * rename and deleted after it; without it, an existing {@code DIR} is refused up front, before any
 * work. Works on any Hadoop file system (local, HDFS, object stores with rename).
 */
public final class AtomicOutputFolder implements AutoCloseable {
  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final boolean overwrite;
  private boolean committed;

  private AtomicOutputFolder(FileSystem fs, Path target, Path staging, boolean overwrite) {
    this.fs = fs;
    this.target = target;
    this.staging = staging;
    this.overwrite = overwrite;
  }

  /**
   * Checks that {@code dir} may be written and creates the staging folder.
   *
   * @throws InputException when {@code dir} exists and {@code overwrite} is false, or it cannot be
   *     created
   */
  public static AtomicOutputFolder open(String dir, boolean overwrite, Configuration conf) {
    checkWritable(dir, overwrite, conf);
    try {
      Path target = new Path(dir);
      FileSystem fs = target.getFileSystem(conf);
      target = fs.makeQualified(target);
      Path staging =
          new Path(target.getParent(), "." + target.getName() + ".writing-" + UUID.randomUUID());
      if (!fs.mkdirs(staging)) {
        throw new IOException("mkdirs returned false");
      }
      return new AtomicOutputFolder(fs, target, staging, overwrite);
    } catch (IOException e) {
      throw new InputException(
          "Cannot create output folder " + dir + ": " + e.getMessage() + ". Check the path and permissions.", e);
    }
  }

  /**
   * Refuses an existing output folder unless {@code overwrite}: call before any data are read so
   * the user learns at once.
   */
  public static void checkWritable(String dir, boolean overwrite, Configuration conf) {
    try {
      Path target = new Path(dir);
      FileSystem fs = target.getFileSystem(conf);
      if (!overwrite && fs.exists(target)) {
        throw new InputException(
            "Cannot write output folder "
                + dir
                + ": it already exists. Choose another --output folder, or add --overwrite to replace it.");
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot check output folder " + dir + ": " + e.getMessage() + ". Check the path and permissions.", e);
    }
  }

  /** The staging folder, as a string Spark writers accept. */
  public String stagingPath(String child) {
    return new Path(staging, child).toString();
  }

  /** Writes a small text file (JSON, HTML) into the staging folder. */
  public void writeText(String child, String text) throws IOException {
    try (OutputStream out = fs.create(new Path(staging, child), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Moves the staging folder into place, replacing an existing folder when allowed. */
  public void commit() throws IOException {
    Path aside = null;
    if (fs.exists(target)) {
      if (!overwrite) {
        throw new InputException(
            "Cannot write output folder " + target + ": it appeared while the audit ran. Use --overwrite.");
      }
      aside = new Path(target.getParent(), "." + target.getName() + ".replaced-" + UUID.randomUUID());
      if (!fs.rename(target, aside)) {
        throw new IOException("Cannot move the old output folder " + target + " aside");
      }
    }
    if (!fs.rename(staging, target)) {
      if (aside != null) {
        fs.rename(aside, target);
      }
      throw new IOException("Cannot rename " + staging + " to " + target);
    }
    committed = true;
    if (aside != null) {
      fs.delete(aside, true);
    }
  }

  /** Deletes the staging folder unless committed; safe to call more than once. */
  public void abort() {
    if (!committed) {
      try {
        fs.delete(staging, true);
      } catch (IOException ignored) {
        // Nothing more can be done; the folder is hidden and named as temporary.
      }
    }
  }

  @Override
  public void close() {
    abort();
  }
}

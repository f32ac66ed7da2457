package org.detentionaudit.core.outputs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.util.ShutdownHookManager;
import org.detentionaudit.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output folder that appears whole or not at all, written by one run at a time.
 *
 * <p>{@link #reserve} runs before any data are read: it refuses an existing {@code DIR} (unless
 * {@code overwrite}) and a parent that is not a writable folder (it creates and deletes a small
 * probe file there), takes the lock {@code .DIR.lock} ({@link OutputLock}: a second run is refused
 * with the owner's process id and host), removes the staging folders of runs that died, and creates
 * this run's staging folder {@code .DIR.writing-<pid>@<host>-<random>}. Everything is written
 * there; {@link #commit()} drops Hadoop's {@code .crc} checksum files and renames it to {@code
 * DIR}, never onto an existing path: with {@code overwrite} an existing {@code DIR} is first moved
 * aside ({@code .DIR.replaced-...}, deleted after), and after the rename the folder is checked to
 * hold what was staged rather than the staging folder nested inside it. {@link #close()} deletes
 * the staging folder unless committed and releases the lock; so does a JVM shutdown (Ctrl-C). A run
 * killed outright leaves its staging folder and lock, removed by the next run on {@code DIR}. Works
 * on any Hadoop file system (local, HDFS, object stores with rename).
 */
public final class AtomicOutputFolder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicOutputFolder.class);
  /** Before Hadoop closes its file systems at shutdown (higher runs first). */
  private static final int SHUTDOWN_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 1;

  private final FileSystem fs;
  private final String shownDir;
  private final Path target;
  private final Path staging;
  private final boolean overwrite;
  private final OutputLock lock;
  private final Runnable shutdownCleanup;
  private boolean committed;
  private boolean closed;

  private AtomicOutputFolder(
      FileSystem fs, String shownDir, Path target, Path staging, boolean overwrite, OutputLock lock) {
    this.fs = fs;
    this.shownDir = shownDir;
    this.target = target;
    this.staging = staging;
    this.overwrite = overwrite;
    this.lock = lock;
    this.shutdownCleanup = this::abort;
    ShutdownHookManager.get().addShutdownHook(shutdownCleanup, SHUTDOWN_PRIORITY);
  }

  /**
   * Checks that {@code dir} may be written, locks it and creates the staging folder: call before
   * any data are read, so that the user learns at once.
   *
   * @throws InputException when {@code dir} exists and {@code overwrite} is false, its parent is
   *     not a writable folder, or another run holds its lock
   */
  public static AtomicOutputFolder reserve(String dir, boolean overwrite, Configuration conf) {
    checkWritable(dir, overwrite, conf);
    OutputLock lock = null;
    try {
      Path target = qualified(dir, conf);
      FileSystem fs = target.getFileSystem(conf);
      lock = OutputLock.acquire(fs, lockPath(target), dir);
      // Under the lock: a run that finished between the check above and the lock wrote DIR.
      checkWritable(dir, overwrite, conf);
      removeLeftovers(fs, target);
      Path staging =
          new Path(
              target.getParent(),
              stagingPrefix(target) + lock.owner().pid() + "@" + lock.owner().host() + "-" + UUID.randomUUID().toString().substring(0, 8));
      if (!fs.mkdirs(staging)) {
        throw new IOException("mkdirs returned false");
      }
      return new AtomicOutputFolder(fs, dir, target, staging, overwrite, lock);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        lock.release();
      }
      if (e instanceof InputException input) {
        throw input;
      }
      throw new InputException(
          "Cannot create output folder " + dir + ": " + e.getMessage() + ". Check the path and permissions.", e);
    }
  }

  /**
   * Refuses an existing output folder unless {@code overwrite}, and a parent folder that is a file
   * or cannot be written (a probe file is created in it and deleted; a missing parent is created,
   * as the write would). Takes no lock.
   */
  public static void checkWritable(String dir, boolean overwrite, Configuration conf) {
    try {
      Path target = qualified(dir, conf);
      FileSystem fs = target.getFileSystem(conf);
      if (!overwrite && fs.exists(target)) {
        throw new InputException(
            "Cannot write output folder "
                + dir
                + ": it already exists. Choose another --output folder, or add --overwrite to replace it.");
      }
      Path parent = target.getParent();
      if (parent == null) {
        throw new InputException(
            "Cannot write output folder " + dir + ": it is the root of its file system. Choose a folder inside it.");
      }
      probe(fs, dir, parent);
    } catch (IOException e) {
      throw new InputException(
          "Cannot check output folder " + dir + ": " + e.getMessage() + ". Check the path and permissions.", e);
    }
  }

  private static void probe(FileSystem fs, String dir, Path parent) throws IOException {
    Path existing = parent;
    while (existing != null && !fs.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !fs.getFileStatus(existing).isDirectory()) {
      throw new InputException(
          "Cannot write output folder "
              + dir
              + ": "
              + shown(existing)
              + " is a file, not a folder. Choose an --output inside a folder.");
    }
    Path probe = new Path(parent, ".detention-audit-probe-" + UUID.randomUUID());
    try {
      fs.mkdirs(parent);
      try (OutputStream out = fs.create(probe, false)) {
        out.write('.');
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write output folder "
              + dir
              + ": its parent folder "
              + shown(parent)
              + " cannot be written ("
              + e.getMessage()
              + "). Choose an --output in a folder you can write to, or fix its permissions.",
          e);
    } finally {
      fs.delete(probe, false);
    }
  }

  /** The output folder as the caller named it. */
  public String shownDir() {
    return shownDir;
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

  /**
   * Moves the staging folder into place, replacing an existing folder when allowed. The rename is
   * never made onto an existing path (a folder rename onto a folder would move the staging folder
   * inside it), and the result is checked.
   */
  public void commit() throws IOException {
    removeChecksums();
    Set<String> staged = childNames(staging);
    Path aside = null;
    if (fs.exists(target)) {
      if (!overwrite) {
        throw new InputException(
            "Cannot write output folder " + shownDir + ": it appeared while the audit ran. Use --overwrite.");
      }
      aside = new Path(target.getParent(), "." + target.getName() + ".replaced-" + UUID.randomUUID());
      if (!fs.rename(target, aside)) {
        throw new IOException("Cannot move the old output folder " + target + " aside");
      }
    }
    if (fs.exists(target)) {
      restore(aside);
      throw new InputException(
          "Cannot write output folder "
              + shownDir
              + ": another program created it while this run held its lock. Nothing was written;"
              + " run again once it is gone.");
    }
    if (!fs.rename(staging, target)) {
      restore(aside);
      throw new IOException("Cannot rename " + staging + " to " + target);
    }
    Path nested = new Path(target, staging.getName());
    if (fs.exists(nested) || !childNames(target).equals(staged)) {
      // Someone ignored the lock and created DIR between the check and the rename.
      if (fs.exists(nested)) {
        fs.rename(nested, staging);
      }
      throw new InputException(
          "Cannot write output folder "
              + shownDir
              + ": another program wrote into it during the commit, so it does not hold this run's"
              + " outputs. Run again once it is gone.");
    }
    committed = true;
    if (aside != null) {
      fs.delete(aside, true);
    }
  }

  private void restore(Path aside) throws IOException {
    if (aside != null && !fs.exists(target)) {
      fs.rename(aside, target);
    }
  }

  /**
   * Deletes the staging folder unless committed, and releases the lock; safe to call more than
   * once.
   */
  public synchronized void abort() {
    if (closed) {
      return;
    }
    closed = true;
    if (!committed) {
      try {
        fs.delete(staging, true);
      } catch (IOException ignored) {
        // The next run on this folder removes it (its owner is then dead).
      }
    }
    lock.release();
  }

  @Override
  public void close() {
    abort();
    try {
      ShutdownHookManager.get().removeShutdownHook(shutdownCleanup);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run.
    }
  }

  /** Hadoop's local file system writes a {@code .NAME.crc} beside each file: not outputs. */
  private void removeChecksums() throws IOException {
    // The checksummed file system hides its .crc files from listings: list the raw one.
    FileSystem raw = fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    List<Path> checksums = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> files = raw.listFiles(staging, true);
    while (files.hasNext()) {
      Path file = files.next().getPath();
      if (file.getName().startsWith(".") && file.getName().endsWith(".crc")) {
        checksums.add(file);
      }
    }
    for (Path file : checksums) {
      raw.delete(file, false);
    }
  }

  private Set<String> childNames(Path folder) throws IOException {
    Set<String> names = new TreeSet<>();
    for (FileStatus status : fs.listStatus(folder)) {
      String name = status.getPath().getName();
      if (!(name.startsWith(".") && name.endsWith(".crc"))) {
        names.add(name);
      }
    }
    return names;
  }

  private static final Pattern OWNER = Pattern.compile("^(\\d+)@(.+)-[0-9a-f]{8}$");

  /**
   * Removes the staging and set-aside folders of runs on {@code target} that died: called under
   * the lock, so no live run is writing them; those naming a live process on this host are kept all
   * the same.
   */
  private static void removeLeftovers(FileSystem fs, Path target) throws IOException {
    String writing = stagingPrefix(target);
    String replaced = "." + target.getName() + ".replaced-";
    for (FileStatus status : fs.listStatus(target.getParent())) {
      String name = status.getPath().getName();
      if (!name.startsWith(writing) && !name.startsWith(replaced)) {
        continue;
      }
      Matcher owner = OWNER.matcher(name.startsWith(writing) ? name.substring(writing.length()) : "");
      if (owner.matches()
          && owner.group(2).equals(OutputLock.localHost())
          && ProcessHandle.of(Long.parseLong(owner.group(1))).map(ProcessHandle::isAlive).orElse(false)) {
        continue;
      }
      LOG.warn("Removing {}, left by an earlier run on {} that did not finish", status.getPath(), target);
      fs.delete(status.getPath(), true);
    }
  }

  private static String stagingPrefix(Path target) {
    return "." + target.getName() + ".writing-";
  }

  private static Path lockPath(Path target) {
    return new Path(target.getParent(), "." + target.getName() + ".lock");
  }

  private static Path qualified(String dir, Configuration conf) throws IOException {
    Path target = new Path(dir);
    return target.getFileSystem(conf).makeQualified(target);
  }

  private static String shown(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }
}

package org.detentionaudit.core.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.detentionaudit.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock file beside an output folder ({@code .DIR.lock}) that keeps two runs from writing the
 * same folder. It is created with create-new semantics (an atomic {@code O_EXCL} create on a local
 * disk, the name node's create-if-absent on HDFS) and holds its owner's process id, host and start
 * time.
 *
 * <p>A second run does not wait: it is refused at once (exit status 2) with the owner's process id
 * and host. A lock is stale, and taken over, when its owner ran on this host and is no longer
 * running (no process with its id, or a process started after the lock was, which reused the id);
 * a lock from another host is never judged, since its process cannot be seen from here, and the
 * message says to delete it by hand when that run is known to be gone. The take-over renames the
 * stale file aside and checks that what it renamed is the stale lock it read, so that two runs
 * taking over at once do not both win.
 */
final class OutputLock {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
  /** A lock file with no owner yet is being written by its creator; after this it is debris. */
  private static final long UNWRITTEN_GRACE_SECONDS = 60;

  private final FileSystem fs;
  private final Path path;
  private final Owner owner;
  private boolean released;

  private OutputLock(FileSystem fs, Path path, Owner owner) {
    this.fs = fs;
    this.path = path;
    this.owner = owner;
  }

  /** Who holds a lock: process id, host and when the lock was taken. */
  record Owner(long pid, String host, Instant started) {
    static Owner current() {
      return new Owner(
          ProcessHandle.current().pid(), localHost(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    String text() {
      return "pid=" + pid + "\nhost=" + host + "\nstarted=" + started + "\n";
    }

    static Optional<Owner> parse(String text) {
      Properties p = new Properties();
      try {
        p.load(new java.io.StringReader(text));
        return Optional.of(
            new Owner(
                Long.parseLong(p.getProperty("pid", "").trim()),
                p.getProperty("host", "").trim(),
                Instant.parse(p.getProperty("started", "").trim())));
      } catch (IOException | NumberFormatException | DateTimeParseException e) {
        return Optional.empty();
      }
    }

    /** True when this owner ran on this host and its process is gone. */
    boolean isDead() {
      if (!host.equals(localHost())) {
        return false;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return true;
      }
      // The id was reused by a process that started after the lock was taken.
      Optional<Instant> processStart = process.get().info().startInstant();
      return processStart.isPresent() && processStart.get().isAfter(started.plusSeconds(1));
    }

    String describe() {
      return "process " + pid + " on host " + host + ", started " + started;
    }
  }

  /**
   * Takes the lock at {@code path}, taking over a stale one.
   *
   * @param shownDir the output folder as the user named it, for messages
   * @throws InputException when another live run holds it (or one on another host)
   */
  static OutputLock acquire(FileSystem fs, Path path, String shownDir) throws IOException {
    Owner me = Owner.current();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (createNew(fs, path, me.text())) {
        return new OutputLock(fs, path, me);
      }
      Optional<String> text = read(fs, path);
      if (text.isEmpty()) {
        continue; // released between our create and our read: try again
      }
      Optional<Owner> holder = Owner.parse(text.get());
      boolean stale =
          holder.map(Owner::isDead).orElseGet(() -> olderThanGrace(fs, path));
      if (!stale) {
        throw busy(shownDir, path, holder);
      }
      if (!takeOver(fs, path, text.get())) {
        throw busy(shownDir, path, holder);
      }
      LOG.warn(
          "Took over the lock of output folder {} left by {}, which is no longer running",
          shownDir,
          holder.map(Owner::describe).orElse("a run that never wrote its owner"));
    }
    throw new InputException(
        "Cannot lock output folder "
            + shownDir
            + ": its lock file "
            + path
            + " keeps appearing (other runs are starting on it). Wait for them, or choose another --output.");
  }

  /** Deletes the lock if it is still this run's; safe to call more than once. */
  void release() {
    if (released) {
      return;
    }
    released = true;
    try {
      Optional<String> text = read(fs, path);
      if (text.isPresent() && text.get().equals(owner.text())) {
        fs.delete(path, false);
      }
    } catch (IOException e) {
      LOG.warn("Cannot delete the lock file {}: {}", path, e.getMessage());
    }
  }

  Owner owner() {
    return owner;
  }

  private static InputException busy(String shownDir, Path path, Optional<Owner> holder) {
    return new InputException(
        "Cannot write output folder "
            + shownDir
            + ": another detention-audit run is writing it ("
            + holder.map(Owner::describe).orElse("its owner is not recorded yet")
            + "; lock file "
            + path
            + "). Wait for that run to finish, or choose another --output. If that run is no longer"
            + " running (its machine was restarted, or it ran on another host), delete the lock file.");
  }

  private static boolean takeOver(FileSystem fs, Path path, String staleText) throws IOException {
    Path aside = new Path(path.getParent(), path.getName() + ".stale-" + UUID.randomUUID());
    if (!fs.rename(path, aside)) {
      return false;
    }
    Optional<String> moved = read(fs, aside);
    if (moved.isPresent() && moved.get().equals(staleText)) {
      fs.delete(aside, false);
      return true;
    }
    // Another run took the lock over and created a fresh one between our read and our rename:
    // give it back.
    if (!fs.exists(path)) {
      fs.rename(aside, path);
    }
    return false;
  }

  private static boolean olderThanGrace(FileSystem fs, Path path) {
    try {
      long modified = fs.getFileStatus(path).getModificationTime();
      return System.currentTimeMillis() - modified > UNWRITTEN_GRACE_SECONDS * 1000;
    } catch (IOException e) {
      return false;
    }
  }

  /** Creates {@code path} with {@code text} unless it exists; false when it exists. */
  private static boolean createNew(FileSystem fs, Path path, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getUri().getScheme())) {
      // Hadoop's local create(overwrite=false) tests then creates; O_EXCL is atomic.
      try {
        Files.write(
            Paths.get(path.toUri()), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException taken) {
      return false;
    }
  }

  private static Optional<String> read(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.FileNotFoundException gone) {
      return Optional.empty();
    }
  }

  private static volatile String localHost;

  /** This machine's host name (the {@code HOSTNAME} variable when it cannot be resolved). */
  static String localHost() {
    String host = localHost;
    if (host == null) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
      }
      localHost = host;
    }
    return host;
  }
}

package org.detentionaudit.core.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.detentionaudit.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's lock and commit, without Spark. */
class AtomicOutputFolderTest {
  private static final Configuration CONF = new Configuration();

  @TempDir Path dir;

  @Test
  void aSecondReservationOfTheSameFolderIsRefusedUntilTheFirstIsClosed() {
    String out = dir.resolve("out").toString();
    try (AtomicOutputFolder first = AtomicOutputFolder.reserve(out, false, CONF)) {
      assertThatThrownBy(() -> AtomicOutputFolder.reserve(out, false, CONF))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("another detention-audit run is writing it (process " + ProcessHandle.current().pid())
          .hasMessageContaining(".out.lock");
      assertThat(dir.resolve(".out.lock")).exists();
    }
    assertThat(dir.resolve(".out.lock")).doesNotExist();
    try (AtomicOutputFolder again = AtomicOutputFolder.reserve(out, false, CONF)) {
      assertThat(dir.resolve(".out.lock")).exists();
    }
  }

  @Test
  void aLockFromAnotherHostIsNeverTakenOver() throws IOException {
    Files.writeString(dir.resolve(".out.lock"), "pid=1\nhost=elsewhere.example\nstarted=" + Instant.now() + "\n");
    assertThatThrownBy(() -> AtomicOutputFolder.reserve(dir.resolve("out").toString(), false, CONF))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("(process 1 on host elsewhere.example")
        .hasMessageContaining("delete the lock file");
  }

  @Test
  void aCommitOntoAFolderThatAppearedIsRefusedAndNeverNests() throws IOException {
    Path target = dir.resolve("out");
    AtomicOutputFolder folder = AtomicOutputFolder.reserve(target.toString(), false, CONF);
    folder.writeText("summary.json", "{}");
    // Another program, ignoring the lock, creates the folder before the commit.
    Files.createDirectories(target);
    Files.writeString(target.resolve("theirs.txt"), "theirs");

    assertThatThrownBy(folder::commit).isInstanceOf(InputException.class).hasMessageContaining("it appeared while the audit ran");
    folder.close();

    try (var children = Files.list(target)) {
      assertThat(children.map(p -> p.getFileName().toString()).toList()).containsExactly("theirs.txt");
    }
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
    }
  }

  @Test
  void overwriteReplacesTheFolderWholeWithoutChecksumFiles() throws IOException {
    Path target = Files.createDirectories(dir.resolve("out"));
    Files.writeString(target.resolve("old.txt"), "old");
    try (AtomicOutputFolder folder = AtomicOutputFolder.reserve(target.toString(), true, CONF)) {
      folder.writeText("summary.json", "{}");
      folder.commit();
    }
    try (var children = Files.list(target)) {
      assertThat(children.map(p -> p.getFileName().toString()).toList()).containsExactly("summary.json");
    }
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("out"));
    }
  }
}

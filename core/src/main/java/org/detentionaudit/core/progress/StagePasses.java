package org.detentionaudit.core.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The passes over the data that one run of an audit stage has made, fed with its Spark stages and
 * their finished tasks, and how far they have got ({@link StageProgress}). No Spark here: {@link
 * StageRowCounter} turns Spark's listener events into these calls. Not thread-safe.
 *
 * <p>Each Spark stage is a pass. One that reads no shuffle (it has no parent stage) is a scan: it
 * handles as many rows as its SQL operators report ({@link TaskRows#handled}) and is expected to
 * handle the input rows. One that reads a shuffle handles the records it reads from it, and the
 * records the stage's passes wrote to shuffles and no pass has read yet are rows still to read: a
 * shuffle's reduce side reads as many rows as its map side wrote. While a pass runs, what it writes
 * is projected to all its tasks (written so far × tasks / tasks finished), so a map side announces
 * its reduce side's rows from its first finished task on.
 *
 * <p>Spark stages that handle few rows next to the stage's largest pass (at most {@link
 * #DATA_PASS_SHARE} of it, such as the final merge of an aggregation's partial results) count
 * towards the work but are not numbered as passes over the data.
 */
final class StagePasses {
  /** A Spark stage is a pass over the data when it handles more than this share of the largest. */
  static final double DATA_PASS_SHARE = 0.01;

  private final OptionalLong inputRows;
  /** By Spark stage id, in the order they were submitted. */
  private final Map<Integer, Pass> passes = new LinkedHashMap<>();

  private static final class Pass {
    final boolean readsShuffle;
    final int tasks;
    int tasksDone;
    long rows;
    long written;
    boolean complete;

    Pass(boolean readsShuffle, int tasks) {
      this.readsShuffle = readsShuffle;
      this.tasks = tasks;
    }

    /** What the pass will have written to shuffles when all its tasks have finished. */
    long projectedWritten() {
      if (complete || tasksDone == 0 || tasksDone >= tasks) {
        return written;
      }
      return Math.round((double) written * tasks / tasksDone);
    }
  }

  /**
   * @param inputRows the rows read from all inputs, which a scan is expected to handle; empty while
   *     loading, which counts them
   */
  StagePasses(OptionalLong inputRows) {
    this.inputRows = inputRows;
  }

  /**
   * A Spark stage of this audit stage was submitted. A stage submitted again (a retry) keeps what
   * its earlier attempts counted: a retry runs only the tasks that did not succeed.
   *
   * @param sparkStage the Spark stage id
   * @param tasks its number of tasks
   * @param readsShuffle whether it reads a shuffle (it has parent stages)
   */
  void submitted(int sparkStage, int tasks, boolean readsShuffle) {
    Pass pass = passes.get(sparkStage);
    if (pass == null) {
      passes.put(sparkStage, new Pass(readsShuffle, Math.max(1, tasks)));
    } else {
      pass.complete = false;
    }
  }

  /** Whether {@code sparkStage} is one of this audit stage's passes. */
  boolean has(int sparkStage) {
    return passes.containsKey(sparkStage);
  }

  /**
   * A task of a pass finished successfully.
   *
   * @param handled the rows its SQL operators handled ({@link TaskRows#handled})
   * @param shuffleRead the records it read from shuffles
   * @param shuffleWritten the records it wrote to a shuffle
   */
  void taskEnded(int sparkStage, long handled, long shuffleRead, long shuffleWritten) {
    Pass pass = passes.get(sparkStage);
    if (pass == null) {
      return;
    }
    pass.tasksDone++;
    pass.rows += pass.readsShuffle ? shuffleRead : handled;
    pass.written += shuffleWritten;
  }

  /** A pass ended with all its tasks done. */
  void completed(int sparkStage) {
    Pass pass = passes.get(sparkStage);
    if (pass != null) {
      pass.complete = true;
    }
  }

  /** How far the stage has got, over all its passes so far. */
  StageProgress progress() {
    long written = 0;
    long read = 0;
    long scanned = 0;
    long scansExpected = 0;
    boolean readerRunning = false;
    for (Pass pass : passes.values()) {
      written += pass.projectedWritten();
      if (pass.readsShuffle) {
        read += pass.rows;
        readerRunning |= !pass.complete;
      } else {
        scanned += pass.rows;
        scansExpected += scanExpected(pass);
      }
    }
    long unread = Math.max(0, written - read);
    long done = scanned + read;
    long expected = Math.max(done, scansExpected + Math.max(written, read));

    List<Pass> all = new ArrayList<>(passes.values());
    long[] passExpected = new long[all.size()];
    long largest = 0;
    for (int i = 0; i < all.size(); i++) {
      Pass pass = all.get(i);
      passExpected[i] =
          pass.readsShuffle ? pass.rows + (pass.complete ? 0 : unread) : scanExpected(pass);
      largest = Math.max(largest, passExpected[i]);
    }
    double least = DATA_PASS_SHARE * largest;
    int dataPasses = 0;
    int latest = -1;
    for (int i = 0; i < all.size(); i++) {
      if (passExpected[i] > least || passExpected[i] == largest) {
        dataPasses++;
        latest = i;
      }
    }
    boolean foreseen = !readerRunning && unread > least;
    int known = dataPasses + (foreseen ? 1 : 0);
    if (latest < 0) {
      return new StageProgress(0, known, 0, inputRows, done, expected);
    }
    Pass current = all.get(latest);
    // A scan is shown against the input rows, as the rows of the input it has read.
    OptionalLong currentExpected =
        current.readsShuffle ? OptionalLong.of(passExpected[latest]) : inputRows;
    return new StageProgress(dataPasses, known, current.rows, currentExpected, done, expected);
  }

  /** A scan is expected to handle the input rows (its own once complete, or while loading). */
  private long scanExpected(Pass pass) {
    if (pass.complete || inputRows.isEmpty()) {
      return pass.rows;
    }
    return Math.max(pass.rows, inputRows.getAsLong());
  }
}

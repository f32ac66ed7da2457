package org.detentionaudit.core.progress;

import java.util.OptionalLong;

/**
 * How far one audit stage has got, counted over all its passes over the data.
 *
 * <p>A stage may make several passes: a shuffle's map side then its reduce side (a sort after a
 * scan), or two scans one after the other. Its work is the rows summed over its passes: a pass
 * that scans the loaded records is expected to handle the input rows, and the records a pass
 * writes to a shuffle are rows that a later pass will read, so they are counted as work to do as
 * soon as they are written (projected to the whole of the writing pass from its finished tasks).
 * A scan that no earlier pass announced is known only once it starts.
 *
 * @param pass which of the stage's passes over the data is the latest to have started, from 1; 0
 *     before any has
 * @param passes how many passes over the data the stage has started or is known to make next (a
 *     shuffle written and not read yet); a later scan can raise it
 * @param passRows the rows the latest pass has handled so far
 * @param passRowsExpected the rows it is expected to handle in all: the input rows for a scan (a
 *     scan may handle more, where an operator makes rows), the rows written to the shuffle and not
 *     read by another pass for a pass reading it; empty when not known (a scan while loading)
 * @param rowsDone the rows handled so far, summed over the stage's passes
 * @param rowsExpected the rows the stage's known passes handle in all, summed likewise; at least
 *     {@code rowsDone}
 */
public record StageProgress(
    int pass,
    int passes,
    long passRows,
    OptionalLong passRowsExpected,
    long rowsDone,
    long rowsExpected) {

  /** Nothing counted yet. */
  public static final StageProgress NONE =
      new StageProgress(0, 0, 0, OptionalLong.empty(), 0, 0);

  /**
   * One pass that has handled {@code rows} of {@code expected} (empty: unknown), as a stage with a
   * single pass reports it.
   */
  public static StageProgress onePass(long rows, OptionalLong expected) {
    long total = expected.isPresent() ? Math.max(rows, expected.getAsLong()) : rows;
    return new StageProgress(1, 1, rows, expected, rows, total);
  }

  /**
   * The share of the stage's known work that is done, from 0 to 1: {@code rowsDone / rowsExpected},
   * 0 when no work is known yet.
   */
  public double share() {
    return rowsExpected <= 0 ? 0 : Math.min(1.0, (double) rowsDone / rowsExpected);
  }
}

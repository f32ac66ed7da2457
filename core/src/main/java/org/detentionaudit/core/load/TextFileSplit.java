package org.detentionaudit.core.load;

import java.io.Serializable;

/**
 * The part of a text file one Spark task reads: the whole file, or the lines that begin in one byte
 * range of it ({@link TextFileSplitter}).
 *
 * @param plan the file
 * @param fromByte the first byte of the range (after the header line), or -1 for the whole file
 * @param toByte the first byte of the next range, {@link Long#MAX_VALUE} for the last range, or -1
 *     for the whole file
 * @param start where the range's lines stand among the file's data lines
 */
record TextFileSplit(TextFilePlan plan, long fromByte, long toByte, Start start)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The whole file, read from its first byte by one task. */
  static TextFileSplit whole(TextFilePlan plan) {
    return new TextFileSplit(plan, -1, -1, Start.WHOLE_FILE);
  }

  /** Whether the task reads the whole file (else the lines beginning in its byte range). */
  boolean wholeFile() {
    return fromByte < 0;
  }

  /**
   * What a range's reader must know of the lines before and after it to number and account its
   * records as the reader of the whole file does (see {@link DelimitedRecordReader}); exact only
   * when no line of the file ends inside a quoted value.
   *
   * @param linesBefore the data lines (after the header) of the ranges before this one
   * @param blankLinesBefore the blank lines just before the range (since the last line that is not
   *     blank), which go to its first record
   * @param holdsLastRecord whether the file's last record is in this range (then it also takes the
   *     blank lines after it, to the end of the file)
   * @param blankLinesAfter the lines of the ranges after this one when it holds the last record (all
   *     blank), else 0
   */
  record Start(long linesBefore, int blankLinesBefore, boolean holdsLastRecord, int blankLinesAfter)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The start of the whole file. */
    static final Start WHOLE_FILE = new Start(0, 0, true, 0);
  }
}

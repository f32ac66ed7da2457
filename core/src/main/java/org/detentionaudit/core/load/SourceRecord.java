package org.detentionaudit.core.load;

import java.util.List;

/**
 * One data record of a text file, before normalization.
 *
 * @param sourceRow 1-based record number after the header, as a spreadsheet numbers rows (blank
 *     lines count; a multi-line record is one number; see {@link DelimitedRecordReader})
 * @param raw the original text (lines of a multi-line record joined with {@code \n})
 * @param fields the split fields, or null when {@code problem} is set
 * @param problem why the record cannot be read (an undecodable byte, broken quoting, a wrong field
 *     count), or null
 * @param continuationLines the physical lines of the record after its first (0 but for a quoted
 *     value spanning lines)
 * @param blankLines the blank lines accounted with this record: those just before it, and after
 *     it when it is the last record of the file
 */
record SourceRecord(
    long sourceRow,
    String raw,
    List<String> fields,
    String problem,
    int continuationLines,
    int blankLines) {
  static SourceRecord readable(long sourceRow, String raw, List<String> fields, int continuationLines) {
    return new SourceRecord(sourceRow, raw, fields, null, continuationLines, 0);
  }

  static SourceRecord unreadable(long sourceRow, String raw, String problem) {
    return new SourceRecord(sourceRow, raw, null, problem, 0, 0);
  }

  SourceRecord withBlankLines(int count) {
    return new SourceRecord(sourceRow, raw, fields, problem, continuationLines, count);
  }
}

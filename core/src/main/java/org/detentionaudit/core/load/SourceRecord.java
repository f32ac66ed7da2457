package org.detentionaudit.core.load;

import java.util.List;

/**
 * One data record of a text file, before normalization.
 *
 * @param sourceRow 1-based record number after the header (blank lines count, see {@link
 *     DelimitedRecordReader})
 * @param raw the original text (lines of a multi-line record joined with {@code \n})
 * @param fields the split fields, or null when {@code problem} is set
 * @param problem why the record cannot be split (broken quoting, wrong field count), or null
 */
record SourceRecord(long sourceRow, String raw, List<String> fields, String problem) {
  static SourceRecord readable(long sourceRow, String raw, List<String> fields) {
    return new SourceRecord(sourceRow, raw, fields, null);
  }

  static SourceRecord unreadable(long sourceRow, String raw, String problem) {
    return new SourceRecord(sourceRow, raw, null, problem);
  }
}

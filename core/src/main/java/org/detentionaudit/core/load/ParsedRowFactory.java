package org.detentionaudit.core.load;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.detentionaudit.core.normalize.NormalizedRecord;
import org.detentionaudit.rules.CanonicalField;

/** Builds rows of {@link PlacementSchema#PARSE_OUTPUT}. */
final class ParsedRowFactory {
  private static final int FIELD_COUNT = CanonicalField.values().length;

  private ParsedRowFactory() {}

  static long inputOrder(int fileIndex, long sourceRow) {
    return fileIndex * PlacementSchema.INPUT_ORDER_FILE_STRIDE + sourceRow;
  }

  /** A placement read from {@code record} of a text file, with the record's line counts. */
  static Row placement(
      String sourceFile,
      SourceRecord record,
      int fileIndex,
      int unitIndex,
      NormalizedRecord.Placement placement) {
    long sourceRow = record.sourceRow();
    Object[] values =
        placementValues(sourceFile, sourceRow, inputOrder(fileIndex, sourceRow), unitIndex, placement);
    return RowFactory.create(withLines(values, record));
  }

  /** A placement row with an explicit {@code input_order} (workbook sheets). */
  static Row placementAt(
      String sourceFile,
      long sourceRow,
      long inputOrder,
      int unitIndex,
      NormalizedRecord.Placement placement) {
    return RowFactory.create(placementValues(sourceFile, sourceRow, inputOrder, unitIndex, placement));
  }

  private static Object[] placementValues(
      String sourceFile,
      long sourceRow,
      long inputOrder,
      int unitIndex,
      NormalizedRecord.Placement placement) {
    Object[] values = new Object[3 + FIELD_COUNT + 7];
    values[0] = sourceFile;
    values[1] = sourceRow;
    values[2] = inputOrder;
    Object[] fieldValues = placement.values();
    System.arraycopy(fieldValues, 0, values, 3, FIELD_COUNT);
    List<String> redacted = placement.redactedFields();
    // A Java array: the Row encoder takes arrays or Scala Seqs, not java.util.List.
    values[3 + FIELD_COUNT] = redacted.isEmpty() ? null : redacted.toArray(new String[0]);
    values[4 + FIELD_COUNT] = unitIndex;
    values[5 + FIELD_COUNT] = false;
    return values;
  }

  /** A quarantined record of a text file, with the record's line counts. */
  static Row quarantined(
      String sourceFile, SourceRecord record, int fileIndex, int unitIndex, String reason) {
    long sourceRow = record.sourceRow();
    Object[] values =
        quarantinedValues(
            sourceFile, sourceRow, inputOrder(fileIndex, sourceRow), unitIndex, record.raw(), reason);
    return RowFactory.create(withLines(values, record));
  }

  /** A quarantined row with an explicit {@code input_order} (workbook sheets). */
  static Row quarantinedAt(
      String sourceFile, long sourceRow, long inputOrder, int unitIndex, String raw, String reason) {
    return RowFactory.create(quarantinedValues(sourceFile, sourceRow, inputOrder, unitIndex, raw, reason));
  }

  private static Object[] quarantinedValues(
      String sourceFile, long sourceRow, long inputOrder, int unitIndex, String raw, String reason) {
    Object[] values = new Object[3 + FIELD_COUNT + 7];
    values[0] = sourceFile;
    values[1] = sourceRow;
    values[2] = inputOrder;
    values[4 + FIELD_COUNT] = unitIndex;
    values[5 + FIELD_COUNT] = true;
    values[6 + FIELD_COUNT] = raw;
    values[7 + FIELD_COUNT] = reason;
    return values;
  }

  private static Object[] withLines(Object[] values, SourceRecord record) {
    values[8 + FIELD_COUNT] = record.blankLines();
    values[9 + FIELD_COUNT] = record.continuationLines();
    return values;
  }
}

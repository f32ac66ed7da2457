package org.detentionaudit.core.sort;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The last step of the sort pass, in plain Java: reads every judged record ({@link #COLUMNS}),
 * counts it into the partition's {@link RecordTally}, and emits one findings row per rule it fails.
 * When the partition is read to its end, the tally goes to the accumulator once.
 */
final class JudgedRecords implements MapPartitionsFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The columns read, in order: the record's finding columns ({@code source_file, source_row,
   * person_id, stay_book_in, book_in, book_out, facility_code, facility_name}), then {@code
   * _details} (per rule, the detail of its failure, else null), {@code _checked} and {@code
   * _failed} (booleans per rule), {@code _fiscal_year}, {@code _facility_key}, {@code _name}, {@code _measurable},
   * {@code _start_day}, {@code _end_day}.
   */
  static final List<String> COLUMNS =
      List.of(
          "_details", "_checked", "_failed", "_fiscal_year", "_facility_key", "_name", "_measurable",
          "_start_day", "_end_day");

  private final List<String> ruleIds;
  private final TallyAccumulator<RecordTally> tally;

  /** @param ruleIds the rules judged, in the order of the per-rule columns */
  JudgedRecords(List<String> ruleIds, TallyAccumulator<RecordTally> tally) {
    this.ruleIds = List.copyOf(ruleIds);
    this.tally = tally;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> records) {
    RecordTally partial = new RecordTally(ruleIds.size());
    int rules = ruleIds.size();
    return new Iterator<>() {
      private final ArrayDeque<Row> ready = new ArrayDeque<>();
      private boolean counted;

      @Override
      public boolean hasNext() {
        while (ready.isEmpty() && records.hasNext()) {
          read(records.next());
        }
        if (ready.isEmpty() && !counted) {
          counted = true;
          tally.add(partial);
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }

      private void read(Row record) {
        List<Object> details = record.getList(8);
        boolean[] checked = booleans(record.getList(9), rules);
        boolean[] failed = booleans(record.getList(10), rules);
        int failures = 0;
        for (boolean fails : failed) {
          failures += fails ? 1 : 0;
        }
        boolean measurable = !record.isNullAt(14) && record.getBoolean(14);
        partial.add(
            new RecordTally.Group(
                record.isNullAt(11) ? null : record.getInt(11), record.getString(6), record.getString(7)),
            checked,
            failed,
            failures,
            record.getString(12),
            record.getString(13),
            measurable,
            measurable ? record.getInt(15) : 0,
            measurable ? record.getInt(16) : 0);
        for (int r = 0; r < rules; r++) {
          if (!failed[r]) {
            continue;
          }
          String ruleId = ruleIds.get(r);
          partial.addFinding(ruleId);
          ready.add(
              RowFactory.create(
                  ruleId,
                  record.get(0),
                  record.get(1),
                  record.get(2),
                  record.get(3),
                  record.get(4),
                  record.get(5),
                  record.get(6),
                  record.get(7),
                  details.get(r)));
        }
      }
    };
  }

  private static boolean[] booleans(List<Object> values, int size) {
    boolean[] out = new boolean[size];
    for (int i = 0; i < size; i++) {
      Object value = values.get(i);
      out[i] = value != null && (Boolean) value;
    }
    return out;
  }
}

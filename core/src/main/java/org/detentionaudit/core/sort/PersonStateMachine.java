package org.detentionaudit.core.sort;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.check.PlausibleTimestamps;

/**
 * The plain-Java pass over one partition of placements sorted by person (the sort pass's state
 * machine): reads a person's placements, in the person ordering, into a small buffer, derives the
 * per-person columns every per-person and per-stay rule reads ({@link PersonColumns}), and emits
 * the placements with those columns appended, person after person. Only one person's rows are held
 * at a time.
 *
 * <p>The rows must arrive grouped by {@link PersonColumns#PERSON_KEY} and, within a person, in the
 * person ordering ({@link PersonPass} sorts them so). The derived values are exactly those of the
 * window-function form ({@link PersonColumns} documents each): a test compares both on the same
 * records.
 */
final class PersonStateMachine implements MapPartitionsFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;
  static final LocalDateTime OPEN_END = LocalDateTime.of(9999, 12, 31, 23, 59, 59);

  private final int keyAt;
  private final int bookInAt;
  private final int bookOutAt;
  private final int stayBookInAt;
  private final int stayBookOutAt;
  private final int codeAt;
  private final int width;
  private final int personIdAt;
  private final PlausibleTimestamps plausible;
  private final TallyAccumulator<PersonTally> tally;

  /**
   * @param input the schema of the rows read: the placements plus {@link PersonColumns#PERSON_KEY}
   * @param plausible the plausible timestamps, for the stays' lengths
   * @param tally where each task adds its partition's people and stays when it has read it all
   */
  PersonStateMachine(StructType input, PlausibleTimestamps plausible, TallyAccumulator<PersonTally> tally) {
    this.plausible = plausible;
    this.tally = tally;
    this.personIdAt = input.fieldIndex("person_id");
    this.keyAt = input.fieldIndex(PersonColumns.PERSON_KEY);
    this.bookInAt = input.fieldIndex("book_in");
    this.bookOutAt = input.fieldIndex("book_out");
    this.stayBookInAt = input.fieldIndex("stay_book_in");
    this.stayBookOutAt = input.fieldIndex("stay_book_out");
    this.codeAt = input.fieldIndex("facility_code");
    this.width = input.size();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    PersonTally partial = new PersonTally();
    return new Iterator<>() {
      private final ArrayDeque<Row> ready = new ArrayDeque<>();
      private final List<Row> person = new ArrayList<>();
      private Row pending;
      private boolean counted;

      @Override
      public boolean hasNext() {
        if (!ready.isEmpty()) {
          return true;
        }
        fill();
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }

      /** Reads the next person's rows (the first was read ahead) and derives their columns. */
      private void fill() {
        if (pending == null) {
          if (!rows.hasNext()) {
            if (!counted) {
              counted = true;
              tally.add(partial);
            }
            return;
          }
          pending = rows.next();
        }
        String key = pending.getString(keyAt);
        person.add(pending);
        pending = null;
        while (rows.hasNext()) {
          Row row = rows.next();
          if (!key.equals(row.getString(keyAt))) {
            pending = row;
            break;
          }
          person.add(row);
        }
        derive(person, ready);
        partial.addPerson(person, personIdAt, stayBookInAt, stayBookOutAt, plausible);
        person.clear();
      }
    };
  }

  /** Appends the derived columns to each of one person's rows (in the person ordering). */
  void derive(List<Row> person, ArrayDeque<Row> out) {
    int n = person.size();
    LocalDateTime personMaxBookIn = null;
    Set<Object> staysWithBookOut = new HashSet<>();
    for (Row row : person) {
      LocalDateTime bookIn = timestamp(row, bookInAt);
      if (bookIn != null && (personMaxBookIn == null || bookIn.isAfter(personMaxBookIn))) {
        personMaxBookIn = bookIn;
      }
      if (!row.isNullAt(stayBookOutAt)) {
        staysWithBookOut.add(stayKey(row));
      }
    }
    // The next placement of the same stay, found walking backwards.
    int[] nextInStay = new int[n];
    Map<Object, Integer> laterOfStay = new HashMap<>();
    for (int i = n - 1; i >= 0; i--) {
      Object stay = stayKey(person.get(i));
      Integer later = laterOfStay.put(stay, i);
      nextInStay[i] = later == null ? -1 : later;
    }
    LocalDateTime prevMaxEnd = null;
    Set<TwinKey> earlier = n > 1 ? new HashSet<>() : Set.of();
    for (int i = 0; i < n; i++) {
      Row row = person.get(i);
      TwinKey twin = new TwinKey(timestamp(row, bookInAt), timestamp(row, bookOutAt), codeKey(row.getString(codeAt)));
      boolean earlierTwin = n > 1 && !earlier.add(twin);
      Row next = nextInStay[i] < 0 ? null : person.get(nextInStay[i]);
      Object[] values = new Object[width + PersonColumns.DERIVED.size()];
      for (int c = 0; c < width; c++) {
        values[c] = row.get(c);
      }
      int at = width;
      values[at++] = prevMaxEnd;
      values[at++] = earlierTwin;
      values[at++] = next != null;
      values[at++] = next == null ? null : codeKey(next.getString(codeAt));
      values[at++] = next == null ? null : timestamp(next, bookInAt);
      values[at++] = staysWithBookOut.contains(stayKey(row));
      values[at] = personMaxBookIn;
      out.add(RowFactory.create(values));
      LocalDateTime bookOut = timestamp(row, bookOutAt);
      LocalDateTime end = bookOut == null ? OPEN_END : bookOut;
      if (prevMaxEnd == null || end.isAfter(prevMaxEnd)) {
        prevMaxEnd = end;
      }
    }
  }

  /** The stay a row belongs to: its stay_book_in, or one shared key for rows without one. */
  private Object stayKey(Row row) {
    Object stayBookIn = row.get(stayBookInAt);
    return stayBookIn == null ? NoStay.INSTANCE : stayBookIn;
  }

  private static LocalDateTime timestamp(Row row, int at) {
    return (LocalDateTime) row.get(at);
  }

  /**
   * A facility code folded as the SQL {@code upper(trim(facility_code))} folds it: Spark's {@code
   * trim} removes leading and trailing space characters (U+0020) only.
   */
  static String codeKey(String code) {
    if (code == null) {
      return null;
    }
    int start = 0;
    int end = code.length();
    while (start < end && code.charAt(start) == ' ') {
      start++;
    }
    while (end > start && code.charAt(end - 1) == ' ') {
      end--;
    }
    return code.substring(start, end).toUpperCase(Locale.ROOT);
  }

  /** The key of "the same placement twice": book-in, book-out and folded code (nulls equal). */
  private record TwinKey(LocalDateTime bookIn, LocalDateTime bookOut, String code) {}

  /** The stay of rows without a stay_book_in (they all share it, as in the window form). */
  private enum NoStay {
    INSTANCE
  }
}

package org.detentionaudit.core.sort;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.core.measure.LengthTally;

/**
 * The people and stays of the placements, counted person by person in the sort pass.
 *
 * <p>People: distinct person ids as written (records without one are no one). Stays: distinct
 * (person id as written, {@code stay_book_in}) pairs of records with a person id; a stay's book-out
 * is the latest plausible {@code stay_book_out} of its records, and its length is unknown when its
 * stay book-in or any of its stay book-outs is implausible ({@link PlausibleTimestamps}). Ids that
 * differ only in case or spaces are different people here (as written), but the same person for the
 * rules; both kinds meet in one partition because the sort pass partitions by the folded id.
 */
public final class PersonTally implements Tally<PersonTally> {
  private static final long serialVersionUID = 1L;

  private long people;
  private long stays;
  private final LengthTally stayLengths = new LengthTally();

  /** Counts one person's placements (all rows of one folded person id). */
  void addPerson(
      List<Row> person, int personIdAt, int stayBookInAt, int stayBookOutAt, PlausibleTimestamps plausible) {
    Set<String> ids = new HashSet<>();
    Map<StayId, Stay> byStay = new HashMap<>();
    for (Row row : person) {
      if (row.isNullAt(personIdAt)) {
        continue;
      }
      String id = row.getString(personIdAt);
      ids.add(id);
      Stay stay = byStay.computeIfAbsent(new StayId(id, (LocalDateTime) row.get(stayBookInAt)), k -> new Stay());
      LocalDateTime out = (LocalDateTime) row.get(stayBookOutAt);
      if (plausible.isImplausible(out)) {
        stay.outSetAside = true;
      } else if (out != null && (stay.out == null || out.isAfter(stay.out))) {
        stay.out = out;
      }
    }
    people += ids.size();
    stays += byStay.size();
    byStay.forEach(
        (id, stay) ->
            stayLengths.add(id.bookIn(), stay.out, stay.outSetAside || plausible.isImplausible(id.bookIn())));
  }

  /** Distinct person ids. */
  public long people() {
    return people;
  }

  /** Distinct (person id, stay book-in) pairs. */
  public long stays() {
    return stays;
  }

  /** The stays' lengths. */
  public LengthTally stayLengths() {
    return stayLengths;
  }

  @Override
  public void merge(PersonTally other) {
    people += other.people;
    stays += other.stays;
    stayLengths.merge(other.stayLengths);
  }

  @Override
  public PersonTally empty() {
    return new PersonTally();
  }

  private record StayId(String personId, LocalDateTime bookIn) implements java.io.Serializable {}

  private static final class Stay {
    LocalDateTime out;
    boolean outSetAside;
  }
}

package org.detentionaudit.sample.generate;

import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.detentionaudit.sample.model.PlacementRecord;

/**
 * The generated placements, one person at a time, in written order: exactly {@code placements}
 * rows in all. Each batch holds every row of one generated person (some of which may have lost their
 * person id to a defect), so a consumer that evaluates per batch streams.
 *
 * <p>Person 0 has a single open placement booked in at the extract date, so the extract date is the
 * largest timestamp of the data; no generated timestamp is later (checked on every row).
 */
public final class PlacementSource implements Iterator<List<PlacementRecord>> {

  /** A person never gets more rows than this (4 stays of 6 placements plus copies fit). */
  private static final int MAX_ROWS_PER_PERSON = 40;

  private final long placements;
  private final LocalDateTime extractDate;
  private final PersonGenerator persons;
  /**
   * False when the {@link Defect#AFTER_EXTRACT} or {@link Defect#IMPLAUSIBLE_DATE} defect is seeded
   * on purpose.
   */
  private final boolean nothingAfterExtract;
  private final SeedCounts counts = new SeedCounts();
  private long rowsGenerated;
  private long nextPerson;

  /**
   * @param seed any long; the same seed, count, extract date and rates give the same rows
   * @param placements rows to generate, at least 1
   */
  public PlacementSource(long seed, long placements, LocalDateTime extractDate, DefectRates rates) {
    this(seed, placements, List.of(extractDate), rates);
  }

  /**
   * The rows of a release series' population: as {@link #PlacementSource(long, long, LocalDateTime,
   * DefectRates)} with the first moment as the extract date, but person i (i &lt; moments) is one
   * open placement booked in at moment i, so that each release's latest timestamp is its extract
   * date.
   *
   * @param extractMoments the extract date, then earlier moments; at least one, none after the first
   */
  public PlacementSource(long seed, long placements, List<LocalDateTime> extractMoments, DefectRates rates) {
    List<LocalDateTime> moments = List.copyOf(Objects.requireNonNull(extractMoments, "extractMoments"));
    if (moments.isEmpty()) {
      throw new IllegalArgumentException("Cannot generate placements: no extract date was given");
    }
    LocalDateTime extractDate = moments.get(0);
    for (LocalDateTime moment : moments) {
      if (moment.isAfter(extractDate)) {
        throw new IllegalArgumentException(
            "Cannot generate placements: moment " + moment + " is after the extract date " + extractDate);
      }
    }
    if (placements < 1) {
      throw new IllegalArgumentException(
          "Cannot generate placements: count must be at least 1, got " + placements);
    }
    this.placements = placements;
    this.extractDate = Objects.requireNonNull(extractDate, "extractDate");
    this.nothingAfterExtract =
        Objects.requireNonNull(rates, "rates").rate(Defect.AFTER_EXTRACT) == 0
            && rates.rate(Defect.IMPLAUSIBLE_DATE) == 0;
    this.persons =
        new PersonGenerator(
            seed, moments, Objects.requireNonNull(rates, "rates"), FacilityCatalog.bundled(), counts);
  }

  /** The extract date (no generated timestamp is later, unless seeded on purpose). */
  public LocalDateTime extractDate() {
    return extractDate;
  }

  @Override
  public boolean hasNext() {
    return rowsGenerated < placements;
  }

  @Override
  public List<PlacementRecord> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("Cannot generate more placements: all " + placements + " were generated");
    }
    int capacity = (int) Math.min(MAX_ROWS_PER_PERSON, placements - rowsGenerated);
    List<PlacementRecord> rows = persons.generate(nextPerson++, capacity);
    if (nothingAfterExtract) {
      for (PlacementRecord row : rows) {
        checkNotAfterExtract(row);
      }
    }
    rowsGenerated += rows.size();
    return rows;
  }

  /** Tallies so far (complete once {@link #hasNext()} is false). */
  public SeedCounts counts() {
    return counts;
  }

  private void checkNotAfterExtract(PlacementRecord row) {
    for (LocalDateTime value :
        new LocalDateTime[] {row.stayBookIn(), row.bookIn(), row.bookOut(), row.stayBookOut()}) {
      if (value != null && value.isAfter(extractDate)) {
        throw new IllegalStateException(
            "Cannot generate placement of person " + row.personIndex() + ": timestamp " + value
                + " is after the extract date " + extractDate + " (generator bug)");
      }
    }
  }
}

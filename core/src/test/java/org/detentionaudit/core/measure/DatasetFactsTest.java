package org.detentionaudit.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detentionaudit.core.measure.MeasureRows.ALL_FIELDS;
import static org.detentionaudit.core.measure.MeasureRows.INITIAL_BOOK_INS;
import static org.detentionaudit.core.measure.MeasureRows.PLAUSIBLE;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.Dataset;
import org.detentionaudit.core.sort.SortPass;
import org.detentionaudit.core.sort.ScratchFolder;
import org.apache.spark.sql.functions;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class DatasetFactsTest {
  /**
   * The facts as the audit measures them: the scan's record facts ({@link DatasetFacts#of}) with the
   * people and stays the sort pass counts.
   */
  private static DatasetFacts facts(
      Dataset<Row> placements,
      java.util.Set<org.detentionaudit.rules.CanonicalField> available,
      org.detentionaudit.core.check.PlausibleTimestamps plausible) {
    SortPass.Result result =
        SortPass.run(
            placements,
            0,
            java.util.List.of(),
            true,
            new SortPass.RecordMeasures(
                functions.lit(null), functions.lit(null), functions.lit(null), functions.lit(false),
                functions.lit(null), functions.lit(null)),
            plausible,
            ScratchFolder.forFindings(placements.sparkSession()));
    return DatasetFacts.of(placements, available, plausible)
        .withPersons(
            available,
            result.persons().people(),
            result.persons().stays(),
            result.persons().stayLengths().summary());
  }

  @Test
  void countsPeopleStaysDatesOpenPlacementsAndOutcomes(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows()
            // P1: one stay of two placements, 10 days in all; the stay ends 2020-01-11 10:00
            .add("P1", "2020-01-01 10:00", "2020-01-01 10:00", "2020-01-03 10:00", "2020-01-11 10:00", "A", "A JAIL", "Transferred")
            .add("P1", "2020-01-01 10:00", "2020-01-03 10:00", "2020-01-11 10:00", "2020-01-11 10:00", "B", "B JAIL", " died ")
            // P1 again: a second stay, still open
            .add("P1", "2021-05-01 00:00", "2021-05-01 00:00", null, null, "A", "A JAIL", null)
            // P2: a half-day placement that ended in escape
            .add("P2", "2020-02-01 08:00", "2020-02-01 08:00", "2020-02-01 20:00", "2020-02-01 20:00", "A", "A JAIL", "Escaped")
            // no person id: a record, not a person or stay; ends before it starts
            .add(null, null, "2020-03-05 00:00", "2020-03-01 00:00", null, "C", "C JAIL", "Removed")
            // no book-in at all
            .add("P3", null, null, "2020-04-01 00:00", null, "C", "C JAIL", "Removed");

    DatasetFacts facts = facts(rows.toDataset(spark), ALL_FIELDS, PLAUSIBLE);

    assertThat(facts.records()).isEqualTo(6);
    assertThat(facts.people()).isEqualTo(3);
    assertThat(facts.stays()).as("(P1, 2020-01-01), (P1, 2021-05-01), (P2, ...), (P3, null)").isEqualTo(4);
    assertThat(facts.firstBookIn()).isEqualTo("2020-01-01T10:00:00");
    assertThat(facts.lastBookIn()).isEqualTo("2021-05-01T00:00:00");
    assertThat(facts.latestTimestamp()).isEqualTo("2021-05-01T00:00:00");
    assertThat(facts.openPlacements()).isEqualTo(1);
    assertThat(facts.died()).as("trimmed, any case").isEqualTo(1);
    assertThat(facts.escaped()).isEqualTo(1);

    LengthSummary placements = facts.placementLengths();
    assertThat(placements.measured()).isEqualTo(3);
    assertThat(placements.open()).isEqualTo(1);
    assertThat(placements.unknown()).as("ends before it starts; no book-in").isEqualTo(2);
    assertThat(placements.maxDays()).isEqualTo(8.0);
    assertThat(placements.medianDays()).isEqualTo(2.0);
    assertThat(placements.buckets()).extracting(LengthSummary.Bucket::records).containsExactly(1L, 1L, 1L, 0L, 0L, 0L, 0L);

    LengthSummary stays = facts.stayLengths();
    assertThat(stays.measured()).isEqualTo(2);
    assertThat(stays.open()).isEqualTo(1);
    assertThat(stays.unknown()).as("P3's stay has no stay book-in").isEqualTo(1);
    assertThat(stays.maxDays()).isEqualTo(10.0);
    assertThat(stays.buckets()).extracting(LengthSummary.Bucket::records).containsExactly(1L, 0L, 1L, 0L, 0L, 0L, 0L);
  }

  @Test
  void implausibleDatesAreSetAsideAsLengthUnknown(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows()
            // a plausible 2-day placement and stay: the only measured ones
            .add("P1", "2020-01-01 00:00", "2020-01-01 00:00", "2020-01-03 00:00", "2020-01-03 00:00", "A", "A", "Removed")
            // a placeholder book-out: neither open nor measured, and not the latest timestamp
            .add("P2", "2020-02-01 00:00", "2020-02-01 00:00", "9999-12-31 23:59", null, "A", "A", "Removed")
            // a book-in typed as year 1: not the first book-in; its stay's length is unknown too
            .add("P3", "0001-01-01 00:00", "0001-01-01 00:00", "2020-03-01 00:00", "2020-03-01 00:00", "A", "A", "Removed")
            // an open placement with an implausible book-in: length unknown, not open
            .add("P4", null, "1900-01-01 00:00", null, null, "A", "A", null)
            // near misses at the bounds: plausible, measured
            .add("P5", "1950-01-01 00:00", "1950-01-01 00:00", "1950-01-02 00:00", "2026-12-07 23:59", "A", "A", "Removed");

    DatasetFacts facts = facts(rows.toDataset(spark), ALL_FIELDS, PLAUSIBLE);

    assertThat(facts.implausibleTimestamps()).isEqualTo(3);
    assertThat(facts.firstBookIn()).isEqualTo("1950-01-01T00:00:00");
    assertThat(facts.lastBookIn()).isEqualTo("2020-02-01T00:00:00");
    assertThat(facts.latestTimestamp()).as("P5's stay book-out, the run date's last minute").isEqualTo("2026-12-07T23:59:00");
    assertThat(facts.openPlacements()).as("P4 has an implausible book-in").isZero();
    LengthSummary placements = facts.placementLengths();
    assertThat(placements.measured()).isEqualTo(2);
    assertThat(placements.open()).isZero();
    assertThat(placements.unknown()).isEqualTo(3);
    assertThat(placements.maxDays()).isEqualTo(2.0);
    LengthSummary stays = facts.stayLengths();
    assertThat(stays.measured()).as("P1, and P5 from 1950 to the run date").isEqualTo(2);
    assertThat(stays.unknown()).as("P3 (year 1), P4 (no stay book-in)").isEqualTo(2);
    assertThat(stays.open()).as("P2's stay has no stay book-out").isEqualTo(1);
  }

  @Test
  void lengthsIgnoreDaylightSavingTime(SparkSession spark) {
    String zone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "America/New_York");
    try {
      MeasureRows rows =
          new MeasureRows()
              // across the March 2020 clock change: wall clock says exactly 2 days
              .add("P1", "2020-03-07 12:00", "2020-03-07 12:00", "2020-03-09 12:00", "2020-03-09 12:00", "A", "A", "Removed");
      assertThat(facts(rows.toDataset(spark), ALL_FIELDS, PLAUSIBLE).placementLengths().maxDays()).isEqualTo(2.0);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
  }

  @Test
  void anEmptyTableHasNoDatesAndNoLengths(SparkSession spark) {
    DatasetFacts facts = facts(new MeasureRows().toDataset(spark), ALL_FIELDS, PLAUSIBLE);
    assertThat(facts.records()).isZero();
    assertThat(facts.firstBookIn()).isNull();
    assertThat(facts.placementLengths().medianDays()).isNull();
    assertThat(facts.stays()).isZero();
  }

  /**
   * An initial book-in table has no book-out, release reason or person id: its records are not
   * "open", not "still held", and not zero people; those measures are null. What it has (records,
   * the book-in range) is still given.
   */
  @Test
  void aLayoutWithoutBookOutsStatesNoOpenPlacementsLengthsOrPeople(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows()
            .add(null, null, "2019-01-02 00:00", null, null, null, "SEATTLE FIELD OFFICE HOLD ROOM", null)
            .add(null, null, "2018-03-04 00:00", null, null, null, "NORTHWEST DETENTION CENTER", null)
            .add(null, null, null, null, null, null, "NORTHWEST DETENTION CENTER", null);

    DatasetFacts facts = facts(rows.toDataset(spark), INITIAL_BOOK_INS, PLAUSIBLE);

    assertThat(facts.records()).isEqualTo(3);
    assertThat(facts.firstBookIn()).isEqualTo("2018-03-04T00:00:00");
    assertThat(facts.lastBookIn()).isEqualTo("2019-01-02T00:00:00");
    assertThat(facts.openPlacements()).as("no book-out column: unknown, not open").isNull();
    assertThat(facts.placementLengths()).isNull();
    assertThat(facts.stayLengths()).isNull();
    assertThat(facts.people()).as("no person id column: unknown, not 0").isNull();
    assertThat(facts.stays()).isNull();
    assertThat(facts.died()).isNull();
    assertThat(facts.escaped()).isNull();
  }

  /** The near miss: the same records in a layout that has book-outs, all blank, are all open. */
  @Test
  void blankBookOutsInALayoutThatHasThemAreOpen(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows()
            .add("P1", null, "2019-01-02 00:00", null, null, "A", "A JAIL", null)
            .add("P2", null, "2018-03-04 00:00", null, null, "A", "A JAIL", null);

    DatasetFacts facts = facts(rows.toDataset(spark), ALL_FIELDS, PLAUSIBLE);

    assertThat(facts.openPlacements()).isEqualTo(2);
    assertThat(facts.placementLengths().open()).isEqualTo(2);
    assertThat(facts.people()).isEqualTo(2);
    assertThat(facts.died()).isZero();
  }

  /** Without a stay book-out (the ICE "History" layout) stays are counted but their length is not. */
  @Test
  void aLayoutWithoutStayBookOutsCountsStaysButNotTheirLength(SparkSession spark) {
    MeasureRows rows =
        new MeasureRows().add("P1", "2020-01-01 10:00", "2020-01-01 10:00", "2020-01-03 10:00", null, "A", "A", "Removed");
    java.util.Set<org.detentionaudit.rules.CanonicalField> history =
        java.util.EnumSet.complementOf(
            java.util.EnumSet.of(
                org.detentionaudit.rules.CanonicalField.STAY_BOOK_OUT,
                org.detentionaudit.rules.CanonicalField.STAY_RELEASE_REASON));

    DatasetFacts facts = facts(rows.toDataset(spark), history, PLAUSIBLE);

    assertThat(facts.stays()).isEqualTo(1);
    assertThat(facts.stayLengths()).isNull();
    assertThat(facts.placementLengths().measured()).isEqualTo(1);
  }
}

package org.detentionaudit.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.detentionaudit.sample.model.Facility;
import org.detentionaudit.sample.model.PersonProfile;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.model.RedactionMarkers;
import org.detentionaudit.sample.oracle.NormalizedPlacement;
import org.detentionaudit.sample.oracle.ReferenceRuleEvaluator;

/**
 * One release's view of a generated person: the rows it holds, as its extract shows them.
 *
 * <ul>
 *   <li>A row is in the release when it was booked in on or before the extract date: its book-in,
 *       else (a defect removed it) its stay book-in, else the book-in its timeline gave it.
 *   <li>In a release before the last, a timestamp after the extract date is not yet known: a later
 *       book-out is blank with its release reason (the placement is open), a later stay book-out is
 *       blank with the stay release reason, a later stay book-in (a defect moved it past the
 *       placement's book-in) is blank; dated profile facts after the extract day are blank too
 *       ({@link PersonProfile#asReleased}). The last release holds the rows as generated.
 *   <li>Identifiers are the release's ({@link ReleaseIds}); a missing or redacted id stays as it is.
 *   <li>In the last release, the {@link PlantedChanges} are applied.
 * </ul>
 */
final class ReleaseView {

  private final LocalDateTime extractDate;
  private final LocalDate extractDay;
  private final boolean truncate;
  private final ReleaseIds ids;
  private final PlantedChanges changes;

  /**
   * @param truncate blank what is after the extract date (every release but the last)
   * @param changes the changes to apply, or null
   */
  ReleaseView(LocalDateTime extractDate, boolean truncate, ReleaseIds ids, PlantedChanges changes) {
    this.extractDate = extractDate;
    this.extractDay = extractDate.toLocalDate();
    this.truncate = truncate;
    this.ids = ids;
    this.changes = changes;
  }

  /** The rows of one person in this release, in the generated order; empty when none is in it. */
  List<PlacementRecord> rows(List<PlacementRecord> person) {
    List<PlacementRecord> rows = new ArrayList<>(person.size());
    PersonProfile profile = null;
    for (PlacementRecord row : person) {
      LocalDateTime dated = datedAt(row);
      if (dated != null && dated.isAfter(extractDate)) {
        continue; // booked in after this extract
      }
      if (changes != null && changes.dropped(row)) {
        continue;
      }
      if (profile == null) {
        profile = released(row.profile());
      }
      rows.add(released(row, profile));
    }
    return rows;
  }

  private PlacementRecord released(PlacementRecord row, PersonProfile profile) {
    LocalDateTime stayBookIn = row.stayBookIn();
    LocalDateTime bookOut = row.bookOut();
    LocalDateTime stayBookOut = row.stayBookOut();
    String reason = row.releaseReason();
    String stayReason = row.stayReleaseReason();
    if (truncate) {
      if (stayBookIn != null && stayBookIn.isAfter(extractDate)) {
        stayBookIn = null;
      }
      if (bookOut != null && bookOut.isAfter(extractDate)) {
        bookOut = null;
        reason = null;
      }
      if (stayBookOut != null && stayBookOut.isAfter(extractDate)) {
        stayBookOut = null;
        stayReason = null;
      }
    }
    String personId = row.personId();
    if (NormalizedPlacement.normalizeText(personId) != null) {
      personId = ids.personId(personId);
    }
    String facilityName = row.facilityName();
    Facility stayFirstFacility = row.stayFirstFacility();
    if (changes != null) {
      facilityName = changes.facilityName(row.facilityCode(), facilityName);
      stayFirstFacility = changes.facility(stayFirstFacility);
    }
    return new PlacementRecord(
        personId,
        stayBookIn,
        row.bookIn(),
        bookOut,
        stayBookOut,
        row.facilityCode(),
        facilityName,
        reason,
        stayReason,
        row.facility(),
        stayFirstFacility,
        profile,
        ids.personIndex(row.personIndex()),
        row.stayIndex(),
        row.generatedBookIn());
  }

  private PersonProfile released(PersonProfile profile) {
    String aNumber = profile.alienFileNumber();
    if (aNumber != null && !RedactionMarkers.isMarker(aNumber)) {
      aNumber = ids.alienFileNumber(aNumber);
    }
    return profile.asReleased(
        truncate ? extractDay : LocalDate.MAX,
        aNumber,
        profile.eidCaseId() == null ? null : ids.eidCaseId(profile.eidCaseId()),
        profile.eidSubjectId() == null ? null : ids.eidSubjectId(profile.eidSubjectId()),
        changes != null && changes.blankColumn() == BlankableColumn.GENDER,
        changes != null && changes.blankColumn() == BlankableColumn.CITIZENSHIP_COUNTRY);
  }

  /**
   * When a row was booked in, for deciding which releases hold it: its book-in, else its stay
   * book-in, else the book-in its timeline gave it (null only when it never had one).
   */
  static LocalDateTime datedAt(PlacementRecord row) {
    if (row.bookIn() != null) {
      return row.bookIn();
    }
    return row.stayBookIn() != null ? row.stayBookIn() : row.generatedBookIn();
  }

  /**
   * The U.S. federal fiscal year of a book-in (FY2012 = 1 October 2011 to 30 September 2012), or null
   * without one or with an implausible one (before 1950), as the audit counts records per year.
   */
  static Integer fiscalYear(LocalDateTime bookIn) {
    if (bookIn == null || bookIn.toLocalDate().isBefore(ReferenceRuleEvaluator.EARLIEST_PLAUSIBLE_DATE)) {
      return null;
    }
    return bookIn.getMonthValue() >= 10 ? bookIn.getYear() + 1 : bookIn.getYear();
  }

  /** A facility code as the audit compares it: trimmed, upper case; null when missing. */
  static String facilityKey(String code) {
    String normal = NormalizedPlacement.normalizeText(code);
    return normal == null ? null : normal.toUpperCase(Locale.ROOT);
  }
}

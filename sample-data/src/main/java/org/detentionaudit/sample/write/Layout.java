package org.detentionaudit.sample.write;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.detentionaudit.sample.generate.FacilityCatalog;
import org.detentionaudit.sample.model.PersonProfile;
import org.detentionaudit.sample.model.PlacementRecord;

/**
 * The released layouts the generator writes (FORMATS.md, "Layout generations"): column headers and
 * order exactly as released, and the date formats real copies of them use.
 */
public enum Layout {
  /** DDP 2025 releases: 37 columns, {@code yyyy-MM-dd HH:mm:ss}, person id {@code Unique Identifier}. */
  DDP_2025("ddp-2025", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", ddp2025Columns("Detention Book Out Date Time", "Unique Identifier", false)),
  /**
   * DDP March 2026 release: 53 columns (DDP 2025 with {@code Book Out Date Time} and {@code
   * Anonymized Identifier} renames, plus book-in site, AOR, race, birth country, entry date, MSC
   * details), ISO {@code yyyy-MM-dd'T'HH:mm:ss'Z'} timestamps.
   */
  DDP_2026_03("ddp-2026-03", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd", ddp2025Columns("Book Out Date Time", "Anonymized Identifier", true)),
  /** UWCHR FY2012-2024: 33 columns, {@code M/d/yyyy H:mm} (month and day not padded). */
  UWCHR_2012_2024("uwchr-2012-2024", "M/d/yyyy H:mm", "M/d/yyyy", uwchrColumns());

  private final String id;
  private final DateTimeFormatter timestampFormat;
  private final DateTimeFormatter dateFormat;
  private final List<LayoutColumn> columns;

  Layout(String id, String timestampPattern, String datePattern, List<LayoutColumn> columns) {
    this.id = id;
    this.timestampFormat = DateTimeFormatter.ofPattern(timestampPattern, Locale.ROOT);
    this.dateFormat = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
    this.columns = List.copyOf(columns);
  }

  /** The layout's name, e.g. {@code ddp-2025}. */
  public String id() {
    return id;
  }

  public List<LayoutColumn> columns() {
    return columns;
  }

  /** Headers as released, in order. */
  public List<String> headers() {
    return columns.stream().map(LayoutColumn::header).collect(Collectors.toList());
  }

  public DateTimeFormatter timestampFormat() {
    return timestampFormat;
  }

  public DateTimeFormatter dateFormat() {
    return dateFormat;
  }

  /** The index of the column with this header (exact), or -1. */
  public int indexOf(String header) {
    return headers().indexOf(header);
  }

  /** The header of the placement book-in column in this layout. */
  public String bookInHeader() {
    return this == UWCHR_2012_2024 ? "Detention Book In Date And Time" : "Book In Date Time";
  }

  /** A cell as text in this layout: null stays null, dates and times use the layout's formats. */
  public String format(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDateTime dateTime) {
      return timestampFormat.format(dateTime);
    }
    if (value instanceof LocalDate date) {
      return dateFormat.format(date);
    }
    return value.toString();
  }

  /**
   * Finds a layout by id, e.g. {@code ddp-2025}.
   *
   * @throws IllegalArgumentException naming the known ids when none matches
   */
  public static Layout byId(String id) {
    for (Layout layout : values()) {
      if (layout.id.equals(id)) {
        return layout;
      }
    }
    throw new IllegalArgumentException(
        "Cannot find layout '" + id + "': known layouts are "
            + Arrays.stream(values()).map(Layout::id).collect(Collectors.joining(", ")));
  }

  private static LayoutColumn timestamp(String header, Function<PlacementRecord, Object> value) {
    return new LayoutColumn(header, ColumnType.TIMESTAMP, value);
  }

  private static LayoutColumn text(String header, Function<PlacementRecord, Object> value) {
    return new LayoutColumn(header, ColumnType.TEXT, value);
  }

  private static LayoutColumn profile(String header, Function<PersonProfile, Object> value) {
    return new LayoutColumn(header, ColumnType.TEXT, row -> value.apply(row.profile()));
  }

  private static List<LayoutColumn> ddp2025Columns(String bookOutHeader, String idHeader, boolean march2026) {
    List<LayoutColumn> columns = new ArrayList<>();
    columns.add(timestamp("Stay Book In Date Time", PlacementRecord::stayBookIn));
    columns.add(timestamp("Book In Date Time", PlacementRecord::bookIn));
    columns.add(text("Detention Facility", PlacementRecord::facilityName));
    columns.add(text("Detention Facility Code", PlacementRecord::facilityCode));
    columns.add(timestamp(bookOutHeader, PlacementRecord::bookOut));
    columns.add(timestamp("Stay Book Out Date Time", PlacementRecord::stayBookOut));
    columns.add(text("Detention Release Reason", PlacementRecord::releaseReason));
    columns.add(
        new LayoutColumn(
            "Stay Book Out Date",
            ColumnType.DATE,
            row -> row.stayBookOut() == null ? null : row.stayBookOut().toLocalDate()));
    columns.add(text("Stay Release Reason", PlacementRecord::stayReleaseReason));
    columns.add(profile("Religion", PersonProfile::religion));
    columns.add(profile("Gender", PersonProfile::gender));
    columns.add(profile("Marital Status", PersonProfile::maritalStatus));
    columns.add(profile("Birth Date", PersonProfile::birthDate));
    columns.add(profile("Birth Year", PersonProfile::birthYear));
    columns.add(profile("Ethnicity", PersonProfile::ethnicity));
    columns.add(profile("Entry Status", PersonProfile::entryStatus));
    columns.add(profile("Felon", PersonProfile::felon));
    columns.add(profile("Bond Posted Date", PersonProfile::bondPostedDate));
    columns.add(profile("Bond Posted Amount", PersonProfile::bondPostedAmount));
    columns.add(profile("Case Status", PersonProfile::caseStatus));
    columns.add(profile("Case Category", PersonProfile::caseCategory));
    columns.add(profile("Final Order Yes No", PersonProfile::finalOrder));
    columns.add(profile("Final Order Date", PersonProfile::finalOrderDate));
    columns.add(profile("Case Threat Level", PersonProfile::caseThreatLevel));
    columns.add(profile("Book In Criminality", PersonProfile::bookInCriminality));
    columns.add(profile("Final Charge", PersonProfile::finalCharge));
    columns.add(profile("Departed Date", PersonProfile::departedDate));
    columns.add(profile("Departure Country", PersonProfile::departureCountry));
    columns.add(profile("Initial Bond Set Amount", PersonProfile::initialBondSetAmount));
    columns.add(profile("Citizenship Country", PersonProfile::citizenshipCountry));
    columns.add(profile("Final Program", PersonProfile::finalProgram));
    columns.add(profile("Most Serious Conviction (MSC) Charge Code", PersonProfile::mscChargeCode));
    columns.add(profile("MSC Charge", PersonProfile::mscCharge));
    columns.add(profile("Alien File Number", PersonProfile::alienFileNumber));
    columns.add(profile("EID Case ID", PersonProfile::eidCaseId));
    columns.add(profile("EID Subject ID", PersonProfile::eidSubjectId));
    if (march2026) {
      columns.add(text("Book In Site", row -> row.stayFirstFacility().name()));
      columns.add(text("Book In AOR", row -> FacilityCatalog.aorName(row.stayFirstFacility().aorCode())));
      columns.add(profile("Race", PersonProfile::race));
      columns.add(profile("Birth Country", PersonProfile::birthCountry));
      columns.add(profile("Entry Date", PersonProfile::entryDate));
      columns.add(profile("MSC Criminal Charge Category", PersonProfile::mscCriminalChargeCategory));
      columns.add(profile("MSC Conviction Date", PersonProfile::mscConvictionDate));
      columns.add(profile("MSC Sentence Days", PersonProfile::mscSentenceDays));
      columns.add(profile("MSC Sentence Months", PersonProfile::mscSentenceMonths));
      columns.add(profile("MSC Sentence Years", PersonProfile::mscSentenceYears));
      columns.add(profile("MSC Crime Class", PersonProfile::mscCrimeClass));
      columns.add(profile("Apprehension Threat Level", PersonProfile::apprehensionThreatLevel));
      columns.add(profile("Apprehension Method", PersonProfile::apprehensionMethod));
      columns.add(profile("Apprehension Date", PersonProfile::apprehensionDate));
      columns.add(profile("Docket Control Office", PersonProfile::docketControlOffice));
      columns.add(text("Detention Facility Type", row -> blankToNull(row.facility().type())));
    }
    columns.add(text(idHeader, PlacementRecord::personId));
    return columns;
  }

  private static List<LayoutColumn> uwchrColumns() {
    return List.of(
        timestamp("Stay Book In Date Time", PlacementRecord::stayBookIn),
        timestamp("Detention Book In Date And Time", PlacementRecord::bookIn),
        timestamp("Detention Book Out Date Time", PlacementRecord::bookOut),
        timestamp("Stay Book Out Date Time", PlacementRecord::stayBookOut),
        profile("Birth Country PER", PersonProfile::birthCountry),
        profile("Birth Country ERO", PersonProfile::birthCountry),
        profile("Citizenship Country", PersonProfile::citizenshipCountry),
        profile("Race", PersonProfile::race),
        profile("Ethnic", PersonProfile::ethnicity),
        profile("Gender", PersonProfile::gender),
        profile("Birth Date", PersonProfile::birthDate),
        profile("Birth Year", PersonProfile::birthYear),
        profile("Entry Date", PersonProfile::entryDate),
        profile("Entry Status", PersonProfile::entryStatus),
        profile("Most Serious Conviction (MSC) Criminal Charge Category", PersonProfile::mscCriminalChargeCategory),
        profile("MSC Charge", PersonProfile::mscCharge),
        profile("MSC Charge Code", PersonProfile::mscChargeCode),
        profile("MSC Conviction Date", PersonProfile::mscConvictionDate),
        profile("MSC Sentence Days", PersonProfile::mscSentenceDays),
        profile("MSC Sentence Months", PersonProfile::mscSentenceMonths),
        profile("MSC Sentence Years", PersonProfile::mscSentenceYears),
        profile("MSC Crime Class", PersonProfile::mscCrimeClass),
        profile("Case Threat Level", PersonProfile::caseThreatLevel),
        profile("Apprehension Threat Level", PersonProfile::apprehensionThreatLevel),
        profile("Final Program", PersonProfile::finalProgram),
        text("Detention Facility Code", PlacementRecord::facilityCode),
        text("Detention Facility", PlacementRecord::facilityName),
        text("Area of Responsibility", row -> FacilityCatalog.aorName(row.facility().aorCode())),
        profile("Docket Control Office", PersonProfile::docketControlOffice),
        text("Detention Release Reason", PlacementRecord::releaseReason),
        text("Stay Release Reason", PlacementRecord::stayReleaseReason),
        profile("Alien File Number", PersonProfile::alienFileNumber),
        text("Anonymized Identifier", PlacementRecord::personId));
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}

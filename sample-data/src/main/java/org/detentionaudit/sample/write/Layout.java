package org.detentionaudit.sample.write;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.detentionaudit.sample.generate.FacilityCatalog;
import org.detentionaudit.sample.model.PersonProfile;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.oracle.KeyField;
import org.detentionaudit.sample.oracle.NormalizedPlacement;

/**
 * The released layouts the generator writes (docs/formats-and-layouts.md, "Layout generations"): column headers and
 * order exactly as released, and the date formats real copies of them use.
 *
 * <p>Every layout writes the same generated records; a field the layout lacks (the 2010 extract has
 * no person id, initial book-in tables no book-out, ...) is simply not written, and date-only
 * layouts write the day of each timestamp. {@link #asWritten} gives the rule fields as a reader of
 * the file sees them, from which the manifest's per-file expectations are computed. Columns docs/formats-and-layouts.md
 * does not name are provisional, as in the core layout files.
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
  UWCHR_2012_2024("uwchr-2012-2024", "M/d/yyyy H:mm", "M/d/yyyy", uwchrColumns()),
  /** The FY2012-2023 release: 33 columns, dates without time ({@code M/d/yyyy}). */
  ICE_2012_2023("ice-2012-2023", "M/d/yyyy", "M/d/yyyy", ice2012Columns()),
  /**
   * TRAC FY2001-2009: 88 columns, {@code Detention Facility Type} twice, {@code M/d/yyyy h:mm:ss a}
   * (Parquet names the repeat {@code detention_facility_type_1}, as pandas does).
   */
  TRAC_2001_2009("trac-2001-2009", "M/d/yyyy h:mm:ss a", "M/d/yyyy", tracColumns()),
  /** The 2010 extract: 18 columns, no person or stay fields, {@code M/d/yy h:mm a}. */
  ICE_2010_EXTRACT("ice-2010-extract", "M/d/yy h:mm a", "M/d/yy", ice2010Columns()),
  /** The FY2010-2014 "History" layout: 17 columns, no stay book-out or stay release reason. */
  ICE_HISTORY_2010_2014("ice-history-2010-2014", "M/d/yyyy H:mm", "M/d/yyyy", historyColumns()),
  /** Initial book-in tables: 7 columns, book-in day ({@code M/d/yyyy}) and facility name only. */
  ICE_INITIAL_BOOK_INS("ice-initial-book-ins", "M/d/yyyy", "M/d/yyyy", initialBookInColumns());

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

  /**
   * The first day of the release window, as the core layout file's {@code covers_from} says
   * (fiscal-year starts for the releases named by fiscal years); empty for the DDP layouts (shared
   * by releases with different windows) and the layouts whose window docs/formats-and-layouts.md does not give.
   */
  public Optional<LocalDate> coversFrom() {
    return switch (this) {
      case UWCHR_2012_2024, ICE_2012_2023 -> Optional.of(LocalDate.of(2011, 10, 1));
      case TRAC_2001_2009 -> Optional.of(LocalDate.of(2000, 10, 1));
      case ICE_HISTORY_2010_2014 -> Optional.of(LocalDate.of(2009, 10, 1));
      case DDP_2025, DDP_2026_03, ICE_2010_EXTRACT, ICE_INITIAL_BOOK_INS -> Optional.empty();
    };
  }

  /**
   * The next layout the same publisher released, if the generator knows one: DDP 2025 is followed
   * by DDP March 2026 (which renames {@code Unique Identifier} to {@code Anonymized Identifier} and
   * {@code Detention Book Out Date Time} to {@code Book Out Date Time}, and adds 16 columns); the
   * other layouts have none.
   */
  public Optional<Layout> successor() {
    return this == DDP_2025 ? Optional.of(DDP_2026_03) : Optional.empty();
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
    return keyColumn(KeyField.BOOK_IN).header();
  }

  /** The rule fields this layout writes. */
  public Set<KeyField> keyFields() {
    Set<KeyField> fields = EnumSet.noneOf(KeyField.class);
    for (LayoutColumn column : columns) {
      if (column.key() != null) {
        fields.add(column.key());
      }
    }
    return fields;
  }

  /** The column holding {@code field}, or null when the layout lacks it. */
  public LayoutColumn keyColumn(KeyField field) {
    for (LayoutColumn column : columns) {
      if (column.key() == field) {
        return column;
      }
    }
    return null;
  }

  /**
   * The column a broken-quoting line breaks: the facility code, else the facility name (a text
   * column every layout has).
   */
  public int brokenQuotingColumn() {
    LayoutColumn column = keyColumn(KeyField.FACILITY_CODE);
    return columns.indexOf(column != null ? column : keyColumn(KeyField.FACILITY_NAME));
  }

  /**
   * The rule fields of {@code row} as written in this layout and read back: a field the layout
   * lacks is null, a date-only column gives midnight of its day, text is normalized as docs/rules.md says.
   */
  public NormalizedPlacement asWritten(PlacementRecord row) {
    Map<KeyField, Object> values = new EnumMap<>(KeyField.class);
    for (LayoutColumn column : columns) {
      if (column.key() != null) {
        Object value = column.value().apply(row);
        values.put(column.key(), value instanceof LocalDate day ? day.atStartOfDay() : value);
      }
    }
    return new NormalizedPlacement(
        (String) values.get(KeyField.PERSON_ID),
        (LocalDateTime) values.get(KeyField.STAY_BOOK_IN),
        (LocalDateTime) values.get(KeyField.BOOK_IN),
        (LocalDateTime) values.get(KeyField.BOOK_OUT),
        (LocalDateTime) values.get(KeyField.STAY_BOOK_OUT),
        (String) values.get(KeyField.FACILITY_CODE),
        (String) values.get(KeyField.FACILITY_NAME),
        (String) values.get(KeyField.RELEASE_REASON),
        (String) values.get(KeyField.STAY_RELEASE_REASON));
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
    return new LayoutColumn(header, ColumnType.TIMESTAMP, value, keyOf(header));
  }

  private static LayoutColumn text(String header, Function<PlacementRecord, Object> value) {
    return new LayoutColumn(header, ColumnType.TEXT, value, keyOf(header));
  }

  private static LayoutColumn key(
      String header, KeyField key, Function<PlacementRecord, LocalDateTime> value) {
    return new LayoutColumn(header, ColumnType.TIMESTAMP, value::apply, key);
  }

  private static LayoutColumn keyText(
      String header, KeyField key, Function<PlacementRecord, String> value) {
    return new LayoutColumn(header, ColumnType.TEXT, value::apply, key);
  }

  /** A timestamp field written as its day only. */
  private static LayoutColumn day(
      String header, KeyField key, Function<PlacementRecord, LocalDateTime> value) {
    return new LayoutColumn(
        header,
        ColumnType.DATE,
        row -> {
          LocalDateTime time = value.apply(row);
          return time == null ? null : time.toLocalDate();
        },
        key);
  }

  /** The rule field of a header of the three DDP/UWCHR layouts, which share these names. */
  private static KeyField keyOf(String header) {
    switch (header) {
      case "Unique Identifier":
      case "Anonymized Identifier":
        return KeyField.PERSON_ID;
      case "Stay Book In Date Time":
        return KeyField.STAY_BOOK_IN;
      case "Book In Date Time":
      case "Detention Book In Date And Time":
        return KeyField.BOOK_IN;
      case "Detention Book Out Date Time":
      case "Book Out Date Time":
        return KeyField.BOOK_OUT;
      case "Stay Book Out Date Time":
        return KeyField.STAY_BOOK_OUT;
      case "Detention Facility Code":
        return KeyField.FACILITY_CODE;
      case "Detention Facility":
        return KeyField.FACILITY_NAME;
      case "Detention Release Reason":
        return KeyField.RELEASE_REASON;
      case "Stay Release Reason":
        return KeyField.STAY_RELEASE_REASON;
      default:
        return null;
    }
  }

  private static LayoutColumn blank(String header) {
    return new LayoutColumn(header, ColumnType.TEXT, row -> null);
  }

  /** A synthetic placement id: a hash of the person, book-in and facility (stable per row). */
  private static String placementId(PlacementRecord row) {
    long h = row.personIndex() * 0x9E3779B97F4A7C15L;
    h ^= row.bookIn() == null ? 0 : row.bookIn().toEpochSecond(java.time.ZoneOffset.UTC);
    h = h * 0xBF58476D1CE4E5B9L ^ row.facility().code().hashCode();
    return Long.toHexString(h ^ (h >>> 31)).toUpperCase(Locale.ROOT);
  }

  /** A synthetic stay id: a hash of the person and stay book-in. */
  private static String stayId(PlacementRecord row) {
    long h = row.personIndex() * 0xD6E8FEB86659FD93L;
    h ^= row.stayBookIn() == null ? 1 : row.stayBookIn().toEpochSecond(java.time.ZoneOffset.UTC);
    return Long.toHexString(h ^ (h >>> 29)).toUpperCase(Locale.ROOT);
  }

  /** The state letters of a 7-letter DETLOC code (5 place letters + state), else null. */
  private static String state(PlacementRecord row) {
    String code = row.facility().code();
    return code.length() == 7 ? code.substring(5) : null;
  }

  private static String aor(PlacementRecord row) {
    return FacilityCatalog.aorName(row.facility().aorCode());
  }

  private static List<LayoutColumn> ice2012Columns() {
    return List.of(
        text("Detention ID", Layout::placementId),
        profile("Case ID", PersonProfile::eidCaseId),
        profile("Subject ID", PersonProfile::eidSubjectId),
        day("Stay Book In Date", KeyField.STAY_BOOK_IN, PlacementRecord::stayBookIn),
        day("Detention Book In Date", KeyField.BOOK_IN, PlacementRecord::bookIn),
        keyText("Detention Facility", KeyField.FACILITY_NAME, PlacementRecord::facilityName),
        keyText("Detention Facility Code", KeyField.FACILITY_CODE, PlacementRecord::facilityCode),
        day("Detention Book Out Date", KeyField.BOOK_OUT, PlacementRecord::bookOut),
        keyText("Detention Release Reason", KeyField.RELEASE_REASON, PlacementRecord::releaseReason),
        day("Stay Book Out Date", KeyField.STAY_BOOK_OUT, PlacementRecord::stayBookOut),
        keyText("Stay Release Reason", KeyField.STAY_RELEASE_REASON, PlacementRecord::stayReleaseReason),
        profile("Gender", PersonProfile::gender),
        profile("Birth Year", PersonProfile::birthYear),
        profile("Citizenship Country", PersonProfile::citizenshipCountry),
        profile("Birth Country", PersonProfile::birthCountry),
        profile("Race", PersonProfile::race),
        profile("Ethnicity", PersonProfile::ethnicity),
        profile("Entry Status", PersonProfile::entryStatus),
        profile("Entry Date", PersonProfile::entryDate),
        profile("Case Status", PersonProfile::caseStatus),
        profile("Case Category", PersonProfile::caseCategory),
        profile("Final Program", PersonProfile::finalProgram),
        profile("Final Order Yes No", PersonProfile::finalOrder),
        profile("Final Order Date", PersonProfile::finalOrderDate),
        profile("Case Threat Level", PersonProfile::caseThreatLevel),
        profile("Apprehension Threat Level", PersonProfile::apprehensionThreatLevel),
        profile("Book In Criminality", PersonProfile::bookInCriminality),
        profile("Most Serious Conviction (MSC) Criminal Charge Category", PersonProfile::mscCriminalChargeCategory),
        profile("MSC Charge", PersonProfile::mscCharge),
        profile("MSC Charge Code", PersonProfile::mscChargeCode),
        text("Area of Responsibility", Layout::aor),
        profile("Docket Control Office", PersonProfile::docketControlOffice),
        keyText("Anonymized Identifier", KeyField.PERSON_ID, PlacementRecord::personId));
  }

  /**
   * TRAC's columns after the rule fields, in the order of the core layout file. (A method: enum
   * constants are built before static fields.)
   */
  private static List<String> tracOtherColumns() {
    return List.of(
          "Detention Stay ID",
          "Detention ID",
          "Detention Facility Type",
          "Detention Facility Type",
          "Detention Facility City",
          "Detention Facility State",
          "Detention Facility AOR",
          "Detention Facility Ownership",
          "Book In DCO",
          "Book In Area of Responsibility",
          "Book Out Area of Responsibility",
          "Detention Length of Stay Days",
          "Stay Length of Stay Days",
          "Gender",
          "Birth Date",
          "Birth Year",
          "Age at Book In",
          "Citizenship Country",
          "Birth Country",
          "Race",
          "Ethnicity",
          "Religion",
          "Marital Status",
          "Entry Status",
          "Entry Date",
          "Port of Entry",
          "Felon",
          "Case ID",
          "Case Status",
          "Case Category",
          "Case Category Description",
          "Case Threat Level",
          "Final Order Yes No",
          "Final Order Date",
          "Final Order Type",
          "Final Charge",
          "Final Charge Section",
          "Final Program",
          "Departed Date",
          "Departure Country",
          "Departure Port",
          "Apprehension Date",
          "Apprehension Method",
          "Apprehension Landmark",
          "Apprehension Threat Level",
          "Apprehension AOR",
          "Apprehension Program",
          "Docket Control Office",
          "Bond Posted Date",
          "Bond Posted Amount",
          "Initial Bond Set Amount",
          "Final Bond Set Amount",
          "Bond Type",
          "Most Serious Conviction (MSC) Charge Code",
          "MSC Charge",
          "MSC Criminal Charge Category",
          "MSC Conviction Date",
          "MSC Sentence Days",
          "MSC Sentence Months",
          "MSC Sentence Years",
          "MSC Crime Class",
          "Book In Criminality",
          "Alien File Number",
          "Subject ID",
          "FIN Number",
          "Encounter ID",
          "Detainer Date",
          "Detainer Prepared",
          "Removal Date",
          "Removal Country",
          "Removal Type",
          "Medical Condition Flag",
          "Juvenile Flag",
          "Family Unit Flag",
          "Book In Officer Office",
          "Book Out Officer Office",
          "Transfer Count in Stay",
          "Placement Sequence in Stay",
          "Final Placement Yes No");
  }

  private static List<LayoutColumn> tracColumns() {
    List<LayoutColumn> columns = new ArrayList<>();
    columns.add(key("Initial Book In Date Time", KeyField.STAY_BOOK_IN, PlacementRecord::stayBookIn));
    columns.add(key("Book in Date And Time", KeyField.BOOK_IN, PlacementRecord::bookIn));
    columns.add(key("Book Out Date Time", KeyField.BOOK_OUT, PlacementRecord::bookOut));
    columns.add(key("Final Book Out Date Time", KeyField.STAY_BOOK_OUT, PlacementRecord::stayBookOut));
    columns.add(keyText("Detention Facility Code", KeyField.FACILITY_CODE, PlacementRecord::facilityCode));
    columns.add(keyText("Detention Facility", KeyField.FACILITY_NAME, PlacementRecord::facilityName));
    columns.add(keyText("Release Reason", KeyField.RELEASE_REASON, PlacementRecord::releaseReason));
    columns.add(keyText("Final Release Reason", KeyField.STAY_RELEASE_REASON, PlacementRecord::stayReleaseReason));
    columns.add(keyText("EID Person ID", KeyField.PERSON_ID, PlacementRecord::personId));
    for (String header : tracOtherColumns()) {
      columns.add(tracOther(header));
    }
    return columns;
  }

  private static LayoutColumn tracOther(String header) {
    switch (header) {
      case "Detention Stay ID": return text(header, Layout::stayId);
      case "Detention ID": return text(header, Layout::placementId);
      case "Detention Facility Type": return text(header, row -> blankToNull(row.facility().type()));
      case "Detention Facility State": return text(header, Layout::state);
      case "Detention Facility AOR": return text(header, Layout::aor);
      case "Book In DCO":
      case "Docket Control Office": return profile(header, PersonProfile::docketControlOffice);
      case "Gender": return profile(header, PersonProfile::gender);
      case "Birth Date": return profile(header, PersonProfile::birthDate);
      case "Birth Year": return profile(header, PersonProfile::birthYear);
      case "Citizenship Country": return profile(header, PersonProfile::citizenshipCountry);
      case "Birth Country": return profile(header, PersonProfile::birthCountry);
      case "Race": return profile(header, PersonProfile::race);
      case "Ethnicity": return profile(header, PersonProfile::ethnicity);
      case "Religion": return profile(header, PersonProfile::religion);
      case "Marital Status": return profile(header, PersonProfile::maritalStatus);
      case "Entry Status": return profile(header, PersonProfile::entryStatus);
      case "Entry Date": return profile(header, PersonProfile::entryDate);
      case "Felon": return profile(header, PersonProfile::felon);
      case "Case ID": return profile(header, PersonProfile::eidCaseId);
      case "Case Status": return profile(header, PersonProfile::caseStatus);
      case "Case Category": return profile(header, PersonProfile::caseCategory);
      case "Case Threat Level": return profile(header, PersonProfile::caseThreatLevel);
      case "Final Order Yes No": return profile(header, PersonProfile::finalOrder);
      case "Final Order Date": return profile(header, PersonProfile::finalOrderDate);
      case "Final Charge": return profile(header, PersonProfile::finalCharge);
      case "Final Program": return profile(header, PersonProfile::finalProgram);
      case "Departed Date": return profile(header, PersonProfile::departedDate);
      case "Departure Country": return profile(header, PersonProfile::departureCountry);
      case "Apprehension Date": return profile(header, PersonProfile::apprehensionDate);
      case "Apprehension Method": return profile(header, PersonProfile::apprehensionMethod);
      case "Apprehension Threat Level": return profile(header, PersonProfile::apprehensionThreatLevel);
      case "Bond Posted Date": return profile(header, PersonProfile::bondPostedDate);
      case "Bond Posted Amount": return profile(header, PersonProfile::bondPostedAmount);
      case "Initial Bond Set Amount": return profile(header, PersonProfile::initialBondSetAmount);
      case "Most Serious Conviction (MSC) Charge Code": return profile(header, PersonProfile::mscChargeCode);
      case "MSC Charge": return profile(header, PersonProfile::mscCharge);
      case "MSC Criminal Charge Category": return profile(header, PersonProfile::mscCriminalChargeCategory);
      case "MSC Conviction Date": return profile(header, PersonProfile::mscConvictionDate);
      case "MSC Sentence Days": return profile(header, PersonProfile::mscSentenceDays);
      case "MSC Sentence Months": return profile(header, PersonProfile::mscSentenceMonths);
      case "MSC Sentence Years": return profile(header, PersonProfile::mscSentenceYears);
      case "MSC Crime Class": return profile(header, PersonProfile::mscCrimeClass);
      case "Book In Criminality": return profile(header, PersonProfile::bookInCriminality);
      case "Alien File Number": return profile(header, PersonProfile::alienFileNumber);
      case "Subject ID": return profile(header, PersonProfile::eidSubjectId);
      default: return blank(header); // provisional columns the generator has no value for
    }
  }

  private static List<LayoutColumn> ice2010Columns() {
    return List.of(
        keyText("Detention Facility", KeyField.FACILITY_NAME, PlacementRecord::facilityName),
        keyText("Detention Facility Code", KeyField.FACILITY_CODE, PlacementRecord::facilityCode),
        blank("City"),
        text("State", Layout::state),
        key("Book In Date", KeyField.BOOK_IN, PlacementRecord::bookIn),
        key("Book Out Date", KeyField.BOOK_OUT, PlacementRecord::bookOut),
        profile("Book In DCO", PersonProfile::docketControlOffice),
        keyText("Release Reason", KeyField.RELEASE_REASON, PlacementRecord::releaseReason),
        profile("Gender", PersonProfile::gender),
        profile("Citizenship Country", PersonProfile::citizenshipCountry),
        profile("Birth Year", PersonProfile::birthYear),
        profile("Entry Status", PersonProfile::entryStatus),
        profile("Case Category", PersonProfile::caseCategory),
        profile("Final Program", PersonProfile::finalProgram),
        profile("MSC Charge", PersonProfile::mscCharge),
        profile("Book In Criminality", PersonProfile::bookInCriminality),
        text("Area of Responsibility", Layout::aor),
        text("Detention Facility Type", row -> blankToNull(row.facility().type())));
  }

  private static List<LayoutColumn> historyColumns() {
    return List.of(
        keyText("History Detention Facility", KeyField.FACILITY_NAME, PlacementRecord::facilityName),
        keyText("History Detention Facility Code", KeyField.FACILITY_CODE, PlacementRecord::facilityCode),
        key("Initial Intake Date", KeyField.STAY_BOOK_IN, PlacementRecord::stayBookIn),
        key("History Intake Date", KeyField.BOOK_IN, PlacementRecord::bookIn),
        key("History Book out Date", KeyField.BOOK_OUT, PlacementRecord::bookOut),
        keyText("History Release Reason", KeyField.RELEASE_REASON, PlacementRecord::releaseReason),
        keyText("Unique Person ID", KeyField.PERSON_ID, PlacementRecord::personId),
        text("Unique Detention Stay ID", Layout::stayId),
        text("History Detention Facility AOR", Layout::aor),
        text("History Detention Facility Type", row -> blankToNull(row.facility().type())),
        profile("Gender", PersonProfile::gender),
        profile("Birth Year", PersonProfile::birthYear),
        profile("Citizenship Country", PersonProfile::citizenshipCountry),
        profile("Entry Status", PersonProfile::entryStatus),
        profile("Case Category", PersonProfile::caseCategory),
        profile("Final Program", PersonProfile::finalProgram),
        profile("History Book In DCO", PersonProfile::docketControlOffice));
  }

  private static List<LayoutColumn> initialBookInColumns() {
    return List.of(
        day("Book In Date", KeyField.BOOK_IN, PlacementRecord::bookIn),
        profile("Date of Birth", PersonProfile::birthDate),
        profile("Gender", PersonProfile::gender),
        profile("Country of Citizenship", PersonProfile::citizenshipCountry),
        keyText("Detention Facility", KeyField.FACILITY_NAME, PlacementRecord::facilityName),
        profile("Apprehension Method", PersonProfile::apprehensionMethod),
        profile("Most Serious Conviction", PersonProfile::mscCharge));
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

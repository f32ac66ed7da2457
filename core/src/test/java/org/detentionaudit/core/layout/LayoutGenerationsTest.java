package org.detentionaudit.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detentionaudit.rules.CanonicalField.BOOK_IN;
import static org.detentionaudit.rules.CanonicalField.BOOK_OUT;
import static org.detentionaudit.rules.CanonicalField.FACILITY_CODE;
import static org.detentionaudit.rules.CanonicalField.FACILITY_NAME;
import static org.detentionaudit.rules.CanonicalField.PERSON_ID;
import static org.detentionaudit.rules.CanonicalField.RELEASE_REASON;
import static org.detentionaudit.rules.CanonicalField.STAY_BOOK_IN;
import static org.detentionaudit.rules.CanonicalField.STAY_BOOK_OUT;
import static org.detentionaudit.rules.CanonicalField.STAY_RELEASE_REASON;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.detentionaudit.rules.CanonicalField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layout generation of docs/formats-and-layouts.md is detected from its header as released, from a
 * snake_case re-save of it, and maps the canonical fields that generation carries (no more).
 */
class LayoutGenerationsTest {
  private static final LayoutCatalog CATALOG = LayoutCatalog.builtIn();

  /** Headers as released (docs/formats-and-layouts.md order where it gives one; the rest as in the layout file). */
  static final List<String> ICE_2012_2023 =
      List.of("Detention ID", "Case ID", "Subject ID", "Stay Book In Date", "Detention Book In Date",
          "Detention Facility", "Detention Facility Code", "Detention Book Out Date",
          "Detention Release Reason", "Stay Book Out Date", "Stay Release Reason", "Gender",
          "Birth Year", "Citizenship Country", "Birth Country", "Race", "Ethnicity", "Entry Status",
          "Entry Date", "Case Status", "Case Category", "Final Program", "Final Order Yes No",
          "Final Order Date", "Case Threat Level", "Apprehension Threat Level",
          "Book In Criminality", "Most Serious Conviction (MSC) Criminal Charge Category",
          "MSC Charge", "MSC Charge Code", "Area of Responsibility", "Docket Control Office",
          "Anonymized Identifier");

  static final List<String> ICE_2010_EXTRACT =
      List.of("Detention Facility", "Detention Facility Code", "City", "State", "Book In Date",
          "Book Out Date", "Book In DCO", "Release Reason", "Gender", "Citizenship Country",
          "Birth Year", "Entry Status", "Case Category", "Final Program", "MSC Charge",
          "Book In Criminality", "Area of Responsibility", "Detention Facility Type");

  static final List<String> ICE_HISTORY =
      List.of("History Detention Facility", "History Detention Facility Code",
          "Initial Intake Date", "History Intake Date", "History Book out Date",
          "History Release Reason", "Unique Person ID", "Unique Detention Stay ID",
          "History Detention Facility AOR", "History Detention Facility Type", "Gender",
          "Birth Year", "Citizenship Country", "Entry Status", "Case Category", "Final Program",
          "History Book In DCO");

  static final List<String> INITIAL_BOOK_INS =
      List.of("Book In Date", "Date of Birth", "Gender", "Country of Citizenship",
          "Detention Facility", "Apprehension Method", "Most Serious Conviction");

  /** The TRAC header: 88 columns, 'Detention Facility Type' twice. */
  static List<String> tracHeader() {
    Layout trac = CATALOG.find("trac-2001-2009").orElseThrow();
    List<String> header = new ArrayList<>();
    trac.fieldAliases().values().forEach(aliases -> header.add(aliases.get(0)));
    header.addAll(trac.otherColumns()); // the layout lists the repeated column twice
    return header;
  }

  static Stream<Arguments> generations() {
    Set<CanonicalField> all = EnumSet.allOf(CanonicalField.class);
    return Stream.of(
        Arguments.of("ice-2012-2023", ICE_2012_2023, 33, all),
        Arguments.of("trac-2001-2009", tracHeader(), 88, all),
        Arguments.of("ice-2010-extract", ICE_2010_EXTRACT, 18,
            EnumSet.of(BOOK_IN, BOOK_OUT, FACILITY_CODE, FACILITY_NAME, RELEASE_REASON)),
        Arguments.of("ice-history-2010-2014", ICE_HISTORY, 17,
            EnumSet.of(PERSON_ID, STAY_BOOK_IN, BOOK_IN, BOOK_OUT, FACILITY_CODE, FACILITY_NAME,
                RELEASE_REASON)),
        Arguments.of("ice-initial-book-ins", INITIAL_BOOK_INS, 7, EnumSet.of(BOOK_IN, FACILITY_NAME)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generations")
  void releasedHeaderIsDetectedWithItsFields(
      String layout, List<String> header, int columns, Set<CanonicalField> fields) {
    assertThat(header).hasSize(columns);
    LayoutMatch match = CATALOG.resolve(header, Optional.empty(), "x.csv");
    assertThat(match.layout().name()).isEqualTo(layout);
    assertThat(match.availableFields()).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(match.missingColumns()).isEmpty();
    assertThat(match.headerShare()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generations")
  void snakeCaseResaveIsDetectedWithItsFields(
      String layout, List<String> header, int columns, Set<CanonicalField> fields) {
    List<String> snake =
        header.stream()
            .map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", ""))
            .toList();
    LayoutMatch match = CATALOG.resolve(snake, Optional.empty(), "x.parquet");
    assertThat(match.layout().name()).isEqualTo(layout);
    assertThat(match.availableFields()).containsExactlyInAnyOrderElementsOf(fields);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generations")
  void forcingTheLayoutByNameWorks(
      String layout, List<String> header, int columns, Set<CanonicalField> fields) {
    Optional<Layout> forced = CATALOG.forcedLayout(Optional.of(layout.toUpperCase(Locale.ROOT)));
    assertThat(forced).map(Layout::name).contains(layout);
    assertThat(CATALOG.resolve(header, forced, "x.csv").availableFields())
        .containsExactlyInAnyOrderElementsOf(fields);
  }

  @Test
  void fieldsMapToTheColumnsFormatsMdNames() {
    assertThat(columnsOf(ICE_2012_2023))
        .containsEntry(PERSON_ID, "Anonymized Identifier")
        .containsEntry(STAY_BOOK_IN, "Stay Book In Date")
        .containsEntry(BOOK_IN, "Detention Book In Date")
        .containsEntry(BOOK_OUT, "Detention Book Out Date")
        .containsEntry(STAY_BOOK_OUT, "Stay Book Out Date")
        .containsEntry(RELEASE_REASON, "Detention Release Reason")
        .containsEntry(STAY_RELEASE_REASON, "Stay Release Reason");
    assertThat(columnsOf(tracHeader()))
        .containsEntry(PERSON_ID, "EID Person ID")
        .containsEntry(STAY_BOOK_IN, "Initial Book In Date Time")
        .containsEntry(BOOK_IN, "Book in Date And Time")
        .containsEntry(BOOK_OUT, "Book Out Date Time")
        .containsEntry(STAY_BOOK_OUT, "Final Book Out Date Time")
        .containsEntry(RELEASE_REASON, "Release Reason")
        .containsEntry(STAY_RELEASE_REASON, "Final Release Reason");
    assertThat(columnsOf(ICE_HISTORY))
        .containsEntry(PERSON_ID, "Unique Person ID")
        .containsEntry(STAY_BOOK_IN, "Initial Intake Date")
        .containsEntry(BOOK_IN, "History Intake Date")
        .containsEntry(BOOK_OUT, "History Book out Date")
        .containsEntry(FACILITY_CODE, "History Detention Facility Code")
        .containsEntry(FACILITY_NAME, "History Detention Facility")
        .containsEntry(RELEASE_REASON, "History Release Reason");
    assertThat(columnsOf(ICE_2010_EXTRACT))
        .containsEntry(BOOK_IN, "Book In Date")
        .containsEntry(BOOK_OUT, "Book Out Date")
        .containsEntry(RELEASE_REASON, "Release Reason")
        .doesNotContainKey(PERSON_ID);
    assertThat(columnsOf(INITIAL_BOOK_INS))
        .containsOnlyKeys(BOOK_IN, FACILITY_NAME)
        .containsEntry(BOOK_IN, "Book In Date");
  }

  @Test
  void repeatedHeaderColumnCountsOnceAndShiftsNothing() {
    List<String> header = tracHeader();
    assertThat(header.stream().filter("Detention Facility Type"::equals)).hasSize(2);
    LayoutMatch match = CATALOG.resolve(header, Optional.empty(), "trac.csv");
    assertThat(match.layout().knownColumnCount()).isEqualTo(87);
    assertThat(match.matchedColumns()).isEqualTo(87);
    assertThat(match.knownHeaderColumns()).isEqualTo(88);
    // A field after the repeated column still points at its own position.
    List<String> reordered = new ArrayList<>(header);
    reordered.remove("EID Person ID");
    reordered.add("EID Person ID");
    LayoutMatch moved = CATALOG.resolve(reordered, Optional.empty(), "trac.csv");
    assertThat(moved.fieldPositions().get(PERSON_ID)).isEqualTo(87);
  }

  @Test
  void pandasRenamedRepeatStillDetectsTrac() {
    // pandas reads a repeated header as 'Detention Facility Type.1'
    List<String> header = new ArrayList<>(tracHeader());
    header.set(header.lastIndexOf("Detention Facility Type"), "Detention Facility Type.1");
    assertThat(CATALOG.resolve(header, Optional.empty(), "trac.csv").layout().name())
        .isEqualTo("trac-2001-2009");
  }

  @Test
  void olderLayoutsDoNotCaptureTheExistingOnes() {
    for (Layout layout : List.of(CATALOG.find("ddp-2025").orElseThrow(),
        CATALOG.find("ddp-2026-03").orElseThrow(), CATALOG.find("uwchr-2012-2024").orElseThrow())) {
      List<String> header = new ArrayList<>();
      layout.fieldAliases().values().forEach(aliases -> header.add(aliases.get(0)));
      header.addAll(layout.otherColumns());
      assertThat(CATALOG.resolve(header, Optional.empty(), "x").layout().name())
          .isEqualTo(layout.name());
    }
  }

  private static Map<CanonicalField, String> columnsOf(List<String> header) {
    LayoutMatch match = CATALOG.resolve(header, Optional.empty(), "x.csv");
    Map<CanonicalField, String> columns = new java.util.EnumMap<>(CanonicalField.class);
    match.fieldPositions().forEach((field, position) -> columns.put(field, header.get(position)));
    return columns;
  }
}

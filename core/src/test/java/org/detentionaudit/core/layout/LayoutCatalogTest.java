package org.detentionaudit.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.detentionaudit.core.InputException;
import org.detentionaudit.rules.CanonicalField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutCatalogTest {
  private final LayoutCatalog catalog = LayoutCatalog.builtIn();

  private static List<String> allColumns(Layout layout) {
    List<String> columns = new ArrayList<>();
    layout.fieldAliases().values().forEach(aliases -> columns.add(aliases.get(0)));
    columns.addAll(layout.otherColumns());
    return columns;
  }

  @Test
  void builtInLayoutsHaveTheirReleasedColumnCounts() {
    assertThat(catalog.layouts()).extracting(Layout::name)
        .containsExactly("ddp-2025", "ddp-2026-03", "ice-2010-extract", "ice-2012-2023",
            "ice-history-2010-2014", "ice-initial-book-ins", "trac-2001-2009", "uwchr-2012-2024");
    assertThat(catalog.find("ddp-2025").orElseThrow().knownColumnCount()).isEqualTo(37);
    assertThat(catalog.find("ddp-2026-03").orElseThrow().knownColumnCount()).isEqualTo(53);
    assertThat(catalog.find("uwchr-2012-2024").orElseThrow().knownColumnCount()).isEqualTo(33);
  }

  @Test
  void eachBuiltInLayoutDetectsItsOwnFullHeader() {
    for (Layout layout : catalog.layouts()) {
      LayoutMatch match = catalog.resolve(allColumns(layout), Optional.empty(), "x.csv");
      assertThat(match.layout().name()).isEqualTo(layout.name());
      assertThat(match.availableFields())
          .containsExactlyInAnyOrderElementsOf(layout.fieldAliases().keySet());
    }
  }

  @Test
  void ddp2025StayBookOutIsTheDateTimeColumnNotTheDateOnlyOne() {
    Layout ddp = catalog.find("ddp-2025").orElseThrow();
    List<String> header = allColumns(ddp);
    LayoutMatch match = ddp.match(header);
    assertThat(header.get(match.fieldPositions().get(CanonicalField.STAY_BOOK_OUT)))
        .isEqualTo("Stay Book Out Date Time");
    assertThat(header.get(match.fieldPositions().get(CanonicalField.BOOK_OUT)))
        .isEqualTo("Detention Book Out Date Time");
    assertThat(header.get(match.fieldPositions().get(CanonicalField.PERSON_ID)))
        .isEqualTo("Unique Identifier");
  }

  @Test
  void renamedColumnsSeparateDdp2026FromDdp2025() {
    List<String> header =
        List.of("Stay Book In Date Time", "Book In Date Time", "Book Out Date Time",
            "Anonymized Identifier", "Detention Facility Code", "Book In AOR");
    assertThat(catalog.resolve(header, Optional.empty(), "x").layout().name())
        .isEqualTo("ddp-2026-03");
  }

  @Test
  void uwchrIsRecognisedByItsBookInSpelling() {
    List<String> header =
        List.of("Stay Book In Date Time", "Detention Book In Date And Time",
            "Detention Book Out Date Time", "Anonymized Identifier", "Detention Facility Code");
    LayoutMatch match = catalog.resolve(header, Optional.empty(), "x");
    assertThat(match.layout().name()).isEqualTo("uwchr-2012-2024");
    assertThat(match.fieldPositions().get(CanonicalField.BOOK_IN)).isEqualTo(1);
  }

  @Test
  void snakeCaseParquetNamesMatchTheSameLayout() {
    List<String> header =
        List.of("stay_book_in_date_time", "book_in_date_time", "detention_book_out_date_time",
            "stay_book_out_date_time", "detention_facility_code", "unique_identifier");
    LayoutMatch match = catalog.resolve(header, Optional.empty(), "x.parquet");
    assertThat(match.layout().name()).isEqualTo("ddp-2025");
    assertThat(match.availableFields())
        .containsExactlyInAnyOrder(CanonicalField.STAY_BOOK_IN, CanonicalField.BOOK_IN,
            CanonicalField.BOOK_OUT, CanonicalField.STAY_BOOK_OUT, CanonicalField.FACILITY_CODE,
            CanonicalField.PERSON_ID);
  }

  @Test
  void tiesAreBrokenByCoverageThenNameWhateverTheOrder() {
    // Only columns all three layouts share: same matched count everywhere.
    List<String> shared = List.of("Stay Book In Date Time", "Detention Facility Code", "Gender");
    LayoutMatch forward = catalog.resolve(shared, Optional.empty(), "x");
    LayoutMatch backward =
        catalog.resolve(List.of("Gender", "Detention Facility Code", "Stay Book In Date Time"),
            Optional.empty(), "x");
    // uwchr has the fewest known columns, so the highest coverage.
    assertThat(forward.layout().name()).isEqualTo("uwchr-2012-2024");
    assertThat(backward.layout().name()).isEqualTo(forward.layout().name());
  }

  @Test
  void forcedLayoutOverridesDetection() {
    List<String> header = List.of("Stay Book In Date Time", "Detention Facility Code", "Gender");
    Optional<Layout> forced = catalog.forcedLayout(Optional.of("ddp-2025"));
    assertThat(catalog.resolve(header, forced, "x").layout().name()).isEqualTo("ddp-2025");
    assertThat(catalog.forcedLayout(Optional.of("auto"))).isEmpty();
    assertThat(catalog.forcedLayout(Optional.of("DDP-2025"))).isEqualTo(forced);
  }

  @Test
  void forcedLayoutWithoutAnyOfItsFieldsIsRefused() {
    Optional<Layout> forced = catalog.forcedLayout(Optional.of("uwchr-2012-2024"));
    assertThatThrownBy(() -> catalog.resolve(List.of("a", "b"), forced, "odd.csv"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "Cannot detect the layout of 'odd.csv': none of its columns is a field of the forced"
                + " layout 'uwchr-2012-2024'. Columns found: ['a', 'b'].");
  }

  @Test
  void headerOfOtherColumnsOnlyIsNotConvincing() {
    assertThatThrownBy(
            () -> catalog.resolve(List.of("Gender", "Race", "Birth Year"), Optional.empty(), "f.csv"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Columns found: ['Gender', 'Race', 'Birth Year']")
        .hasMessageContaining("lacks: ['Anonymized Identifier'");
  }

  @Test
  void userLayoutFileIsAddedAndCanReplaceABuiltIn(@TempDir Path dir) throws IOException {
    Path yaml =
        Files.writeString(
            dir.resolve("history.yaml"),
            String.join(
                "\n",
                "name: ice-history-2010-2014",
                "description: History layout",
                "max_preamble_lines: 6",
                "date_formats: ['M/d/yyyy H:mm']",
                "fields:",
                "  person_id: [Unique Person ID]",
                "  book_in: [History Intake Date]",
                "  facility_code: [History Detention Facility Code]",
                "other_columns: [Unique Detention Stay ID]"));
    LayoutCatalog extended = catalog.withLayoutFiles(List.of(yaml));
    // Replaces the built-in layout of that name.
    assertThat(extended.layouts()).hasSize(catalog.layouts().size());
    LayoutMatch match =
        extended.resolve(
            List.of("UNIQUE PERSON ID", "history intake date", "History_Detention_Facility_Code"),
            Optional.empty(), "h.csv");
    assertThat(match.layout().name()).isEqualTo("ice-history-2010-2014");
    assertThat(match.layout().maxPreambleLines()).isEqualTo(6);
  }

  @Test
  void invalidUserLayoutFileIsNamed(@TempDir Path dir) throws IOException {
    Path yaml =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "name: bad\nmax_preamble_lines: 2\ndate_formats: ['M/d/yyyy']\nfields:\n  book_inn: [X]\n");
    assertThatThrownBy(() -> catalog.withLayoutFiles(List.of(yaml)))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "Cannot read layout file '" + yaml + "': layout 'bad' maps unknown canonical field 'book_inn'");
    Path unknownKey =
        Files.writeString(dir.resolve("typo.yaml"), "name: t\nmax_preamble: 2\n");
    assertThatThrownBy(() -> catalog.withLayoutFiles(List.of(unknownKey)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("typo.yaml")
        .hasMessageContaining("max_preamble");
  }

  @Test
  void clashingAliasesAreRefused() {
    assertThatThrownBy(
            () ->
                new Layout("clash", "", java.util.Map.of(CanonicalField.BOOK_IN, List.of("Book In")),
                    List.of("book_in"), List.of("M/d/yyyy"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Book In' and 'book_in' are the same header");
  }
}

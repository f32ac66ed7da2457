package org.detentionaudit.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.detentionaudit.core.layout.Layout;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Measure;
import org.junit.jupiter.api.Test;

/**
 * Which derived measure each built-in layout can give: the table measure x layout, checked here by
 * hand and printed verbatim in the README ("What each layout can tell"), so neither can drift.
 */
class MeasureApplicabilityTest {
  /**
   * Checked by hand against each layout's {@code fields} (its YAML): the five full layouts have
   * every field; {@code ice-2010-extract} has no person id and no stay fields;
   * {@code ice-history-2010-2014} has a stay book-in but no stay book-out; {@code
   * ice-initial-book-ins} has only a book-in and a facility name.
   */
  static final String EXPECTED =
      """
      | measure | ddp-2025 | ddp-2026-03 | ice-2010-extract | ice-2012-2023 | ice-history-2010-2014 | ice-initial-book-ins | trac-2001-2009 | uwchr-2012-2024 |
      |---|---|---|---|---|---|---|---|---|
      | `dataset.people` | value | value | n/a: person_id | value | value | n/a: person_id | value | value |
      | `dataset.stays` | value | value | n/a: person_id, stay_book_in | value | value | n/a: person_id, stay_book_in | value | value |
      | `dataset.first_book_in/last_book_in` | value | value | value | value | value | value | value | value |
      | `dataset.open_placements` | value | value | value | value | value | n/a: book_out | value | value |
      | `dataset.died/escaped` | value | value | value | value | value | n/a: release_reason | value | value |
      | `dataset.placement_lengths` | value | value | value | value | value | n/a: book_out | value | value |
      | `dataset.stay_lengths` | value | value | n/a: person_id, stay_book_in, stay_book_out | value | n/a: stay_book_out | n/a: person_id, stay_book_in, stay_book_out | value | value |
      | `facilities` | value | value | value | value | value | value | value | value |
      | `breakdown.fiscal_year` | value | value | value | value | value | value | value | value |
      | `cost.bed_days` | value | value | value | value | value | n/a: book_out | value | value |
      | `cost.estimated_cost` | value | value | value | value | value | n/a: book_out | value | value |
      """;

  @Test
  void everyBuiltInLayoutGivesExactlyTheMeasuresItsColumnsAllow() {
    assertThat(table(LayoutCatalog.builtIn().layouts())).isEqualTo(EXPECTED);
  }

  @Test
  void theReadmeShowsTheSameTable() throws IOException {
    String readme = Files.readString(readme());
    assertThat(readme).contains(EXPECTED);
  }

  @Test
  void aFacilityIsKnownByItsCodeOrItsName() {
    assertThat(Measure.FACILITIES.missingFields(Set.of(CanonicalField.FACILITY_NAME))).isEmpty();
    assertThat(Measure.FACILITIES.missingFields(Set.of(CanonicalField.FACILITY_CODE))).isEmpty();
    assertThat(Measure.FACILITIES.missingFields(Set.of(CanonicalField.BOOK_IN)))
        .containsExactly("facility_code or facility_name");
    assertThat(Measure.ESTIMATED_COST.missingFields(Set.of(CanonicalField.BOOK_IN)))
        .containsExactly("book_out", "facility_code or facility_name");
  }

  @Test
  void aLayoutWithNoFieldsCanGiveOnlyTheRecordCount() {
    assertThat(MeasureStatus.of(Set.of())).allSatisfy(m -> assertThat(m.computed()).isFalse());
  }

  private static String table(List<Layout> layouts) {
    StringBuilder out = new StringBuilder("| measure |");
    List<String> rule = new ArrayList<>(List.of("|---|"));
    for (Layout layout : layouts) {
      out.append(' ').append(layout.name()).append(" |");
      rule.add("---|");
    }
    out.append('\n').append(String.join("", rule)).append('\n');
    for (Measure measure : Measure.values()) {
      out.append("| `").append(measure.id()).append("` |");
      for (Layout layout : layouts) {
        List<String> missing = measure.missingFields(layout.fieldAliases().keySet());
        out.append(' ').append(missing.isEmpty() ? "value" : "n/a: " + String.join(", ", missing)).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static Path readme() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir.resolve("README.md");
  }
}

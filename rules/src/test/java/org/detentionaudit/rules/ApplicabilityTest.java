package org.detentionaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each rule kind lacks, and so whether it can be judged, on a layout. */
class ApplicabilityTest {
  private static final Set<CanonicalField> ALL = EnumSet.allOf(CanonicalField.class);

  @ParameterizedTest
  @EnumSource(RuleKind.class)
  void everyKindIsApplicableWithEveryFieldAndAWindowStart(RuleKind kind) {
    assertThat(Applicability.lacking(kind, ALL, true)).isEmpty();
    assertThat(Applicability.lackingText(kind, ALL, true)).isEmpty();
    assertThat(Applicability.applicable(kind, ALL, true)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(RuleKind.class)
  void everyKindLacksEachFieldItNeeds(RuleKind kind) {
    for (CanonicalField field : CanonicalField.values()) {
      Set<CanonicalField> without = EnumSet.allOf(CanonicalField.class);
      without.remove(field);
      List<String> lacking = Applicability.lacking(kind, without, true);
      if (kind.requiredFields().contains(field)) {
        assertThat(lacking).as("%s without %s", kind, field).containsExactly(field.columnName());
        assertThat(Applicability.applicable(kind, without, true)).isFalse();
      } else {
        // the other one-of field is still there, or the kind does not read this field
        assertThat(lacking).as("%s without %s", kind, field).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(RuleKind.class)
  void withNoFieldAKindLacksAllItNeedsSortedByName(RuleKind kind) {
    List<String> lacking = Applicability.lacking(kind, Set.of(), true);
    Set<CanonicalField> needed = EnumSet.noneOf(CanonicalField.class);
    needed.addAll(kind.requiredFields());
    needed.addAll(kind.oneOfFields());
    assertThat(lacking)
        .containsExactlyElementsOf(needed.stream().map(CanonicalField::columnName).sorted().toList());
    assertThat(Applicability.lackingText(kind, Set.of(), true)).isEqualTo(String.join(", ", lacking));
  }

  @Test
  void theFacilityRulesNeedACodeOrAName() {
    for (RuleKind kind : List.of(RuleKind.FACILITY_UNKNOWN_CODE, RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H)) {
      Set<CanonicalField> codes = EnumSet.allOf(CanonicalField.class);
      codes.remove(CanonicalField.FACILITY_NAME);
      Set<CanonicalField> names = EnumSet.allOf(CanonicalField.class);
      names.remove(CanonicalField.FACILITY_CODE);
      Set<CanonicalField> neither = EnumSet.allOf(CanonicalField.class);
      neither.removeAll(Set.of(CanonicalField.FACILITY_CODE, CanonicalField.FACILITY_NAME));

      assertThat(Applicability.applicable(kind, codes, false)).as(kind.id()).isTrue();
      assertThat(Applicability.applicable(kind, names, false)).as(kind.id()).isTrue();
      assertThat(Applicability.lackingText(kind, neither, false))
          .as(kind.id())
          .isEqualTo("facility_code, facility_name");

      assertThat(Applicability.judgesFacilityByName(kind, names)).isTrue();
      assertThat(Applicability.judgesFacilityByName(kind, codes)).isFalse();
      assertThat(Applicability.judgesFacilityByName(kind, ALL)).isFalse();
      assertThat(Applicability.judgesFacilityByName(kind, neither)).isFalse();
    }
    // Rules that need both fields, or the code alone, are not judged by name.
    Set<CanonicalField> names = EnumSet.allOf(CanonicalField.class);
    names.remove(CanonicalField.FACILITY_CODE);
    assertThat(Applicability.lacking(RuleKind.FACILITY_CODE_SEVERAL_NAMES, names, true))
        .containsExactly("facility_code");
    assertThat(Applicability.judgesFacilityByName(RuleKind.FACILITY_CODE_SEVERAL_NAMES, names)).isFalse();
    assertThat(Applicability.judgesFacilityByName(RuleKind.FACILITY_MISSING_CODE, names)).isFalse();
  }

  @Test
  void onlyStayImplausiblyEarlyNeedsTheWindowStartWhichComesAfterTheFields() {
    for (RuleKind kind : RuleKind.values()) {
      List<String> lacking = Applicability.lacking(kind, ALL, false);
      if (kind == RuleKind.STAY_IMPLAUSIBLY_EARLY) {
        assertThat(lacking).containsExactly(Applicability.WINDOW_START);
      } else {
        assertThat(lacking).as(kind.id()).isEmpty();
      }
    }
    assertThat(Applicability.WINDOW_START).isEqualTo("covers_from");
    assertThat(Applicability.lackingText(RuleKind.STAY_IMPLAUSIBLY_EARLY, Set.of(), false))
        .isEqualTo("book_in, covers_from");
    assertThat(
            Applicability.lackingText(
                RuleKind.STAY_IMPLAUSIBLY_EARLY, EnumSet.of(CanonicalField.BOOK_IN), false))
        .isEqualTo("covers_from");
  }

  @Test
  void fieldsAreSortedByColumnNameNotByCanonicalOrder() {
    // Canonical order is person_id, stay_book_in, book_in, book_out, stay_book_out, facility_code.
    assertThat(Applicability.lackingText(RuleKind.PLACEMENT_DUPLICATE, Set.of(), true))
        .isEqualTo("book_in, book_out, facility_code, person_id");
    assertThat(
            Applicability.lackingText(
                RuleKind.PLACEMENT_OUTSIDE_STAY, EnumSet.of(CanonicalField.BOOK_IN), true))
        .isEqualTo("book_out, stay_book_in, stay_book_out");
  }
}

package org.detentionaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCatalogTest {

  private final RuleCatalog builtIn = RuleCatalog.builtIn();

  @Test
  void builtInCatalogHoldsEveryKindOnceWithValidThresholds() {
    assertThat(builtIn.all()).extracting(Rule::kind).containsExactly(RuleKind.values());
    assertThat(builtIn.enabled()).hasSize(23);
    assertThat(builtIn.rule(RuleKind.STAY_IMPLAUSIBLY_EARLY).intParameter("years_before_window")).isEqualTo(10);
    assertThat(builtIn.rule(RuleKind.PLACEMENT_SELF_TRANSFER).textParameter("transfer_reason")).isEqualTo("Transferred");
    for (Rule rule : builtIn.all()) {
      assertThat(rule.warnAt()).isLessThanOrEqualTo(rule.failAt());
      assertThat(rule.rationale()).isNotBlank();
      for (ParameterSpec spec : rule.kind().parameters()) {
        assertThat(rule.parameters()).containsKey(spec.name());
      }
    }
    assertThat(builtIn.rule(RuleKind.STATUS_UNKNOWN).intParameter("max_open_days")).isEqualTo(365);
    assertThat(
            builtIn
                .rule(RuleKind.PLACEMENT_UNKNOWN_RELEASE_REASON)
                .stringListParameter("known_reasons"))
        .contains("Transferred", "Died", "Escaped", "Title 42 Return")
        .hasSize(24);
  }

  @Test
  void questionsFollowTheSpec() {
    assertThat(builtIn.rule(RuleKind.FACILITY_MISSING_CODE).question()).isEqualTo(Question.WHERE);
    assertThat(builtIn.rule(RuleKind.STAY_TRANSFERRED_WITHOUT_NEXT).question())
        .isEqualTo(Question.WHERE);
    assertThat(builtIn.rule(RuleKind.PERSON_OVERLAPPING_PLACEMENTS).question())
        .isEqualTo(Question.HOW_LONG);
    assertThat(builtIn.rule(RuleKind.PLACEMENT_DUPLICATE).question()).isEqualTo(Question.IDENTITY);
    assertThat(builtIn.rule(RuleKind.STATUS_UNKNOWN).question()).isEqualTo(Question.STATUS);
  }

  @Test
  void overridesChangeThresholdsSeverityParametersAndDisable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(
        file,
        """
        rules:
          placement.zero_length:
            severity: error
            warn_at: 0.01
            fail_at: 0.05
          status.unknown:
            parameters:
              max_open_days: 180
          stay.transferred_without_next:
            enabled: false
        """);
    RuleCatalog catalog = builtIn.withOverrides(file);
    Rule zero = catalog.rule(RuleKind.PLACEMENT_ZERO_LENGTH);
    assertThat(zero.severity()).isEqualTo(Severity.ERROR);
    assertThat(zero.warnAt()).isEqualTo(0.01);
    assertThat(zero.failAt()).isEqualTo(0.05);
    assertThat(catalog.rule(RuleKind.STATUS_UNKNOWN).intParameter("max_open_days")).isEqualTo(180);
    assertThat(catalog.enabled()).extracting(Rule::kind)
        .doesNotContain(RuleKind.STAY_TRANSFERRED_WITHOUT_NEXT)
        .hasSize(RuleKind.values().length - 1);
    // untouched rules keep their built-in values
    assertThat(catalog.rule(RuleKind.PERSON_MISSING_ID)).isEqualTo(builtIn.rule(RuleKind.PERSON_MISSING_ID));
  }

  @Test
  void badFileNamesEveryRuleAndProblem() {
    assertThatThrownBy(
            () ->
                builtIn.withOverrides(
                    "my-rules.yaml",
                    """
                    rules:
                      placement.zero_lenght:
                        warn_at: 0.1
                      status.unknown:
                        warn_at: 0.5
                        fail_at: 0.1
                      person.missing_id:
                        severity: fatal
                      placement.duplicate:
                        warn_at: 5
                      placement.unknown_release_reason:
                        parameters:
                          known_reasons: []
                      facility.missing_code:
                        colour: red
                    """))
        .isInstanceOf(RuleCatalogException.class)
        .hasMessageStartingWith("Cannot use rules file my-rules.yaml: ")
        .hasMessageContaining("unknown rule 'placement.zero_lenght'; known rules: facility.missing_code")
        .hasMessageContaining("rule 'status.unknown': warn_at (0.5) must not exceed fail_at (0.1)")
        .hasMessageContaining("rule 'person.missing_id': unknown severity 'fatal'")
        .hasMessageContaining("rule 'placement.duplicate': 'warn_at' must be a ratio between 0 and 1")
        .hasMessageContaining("parameter 'known_reasons' must be a non-empty list")
        .hasMessageContaining("rule 'facility.missing_code': unknown setting 'colour'");
  }

  @Test
  void missingFileAndNonYamlAreRejected(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> builtIn.withOverrides(dir.resolve("nope.yaml")))
        .isInstanceOf(RuleCatalogException.class)
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("does not exist");
    Path garbage = dir.resolve("garbage.yaml");
    Files.writeString(garbage, "rules: [unclosed\n  - x: : :");
    assertThatThrownBy(() -> builtIn.withOverrides(garbage))
        .isInstanceOf(RuleCatalogException.class)
        .hasMessageContaining("garbage.yaml");
    Path list = dir.resolve("list.yaml");
    Files.writeString(list, "- placement.zero_length\n");
    assertThatThrownBy(() -> builtIn.withOverrides(list))
        .isInstanceOf(RuleCatalogException.class)
        .hasMessageContaining("expected a top-level 'rules:' mapping");
  }

  @Test
  void parameterOfAnotherRuleIsRejected() {
    assertThatThrownBy(
            () ->
                builtIn.withOverrides(
                    "x.yaml", "rules:\n  person.missing_id:\n    parameters:\n      max_open_days: 3\n"))
        .hasMessageContaining("rule 'person.missing_id': unknown parameter 'max_open_days'; this rule takes no parameters");
  }

  @Test
  void judgementUsesStrictlyGreaterThanThresholds() {
    Rule rule = builtIn.rule(RuleKind.FACILITY_MISSING_CODE); // 0.001 / 0.01
    assertThat(rule.judge(0, 0)).isEqualTo(RuleStatus.PASS);
    assertThat(rule.judge(1000, 1)).isEqualTo(RuleStatus.PASS); // exactly warn_at
    assertThat(rule.judge(1000, 2)).isEqualTo(RuleStatus.WARN);
    assertThat(rule.judge(100, 1)).isEqualTo(RuleStatus.WARN); // exactly fail_at
    assertThat(rule.judge(100, 2)).isEqualTo(RuleStatus.FAIL);
    assertThat(Rule.failedRatio(0, 0)).isZero();
  }

  @Test
  void facilityRulesNeedACodeOrAName() {
    Set<CanonicalField> namesOnly = EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.FACILITY_NAME);
    assertThat(RuleKind.FACILITY_UNKNOWN_CODE.missingFields(namesOnly)).isEmpty();
    assertThat(RuleKind.FACILITY_UNKNOWN_CODE.missingFields(EnumSet.of(CanonicalField.FACILITY_CODE))).isEmpty();
    assertThat(RuleKind.FACILITY_UNKNOWN_CODE.missingFields(EnumSet.of(CanonicalField.BOOK_IN)))
        .containsExactly(CanonicalField.FACILITY_CODE, CanonicalField.FACILITY_NAME);
    assertThat(RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H.missingFields(namesOnly)).containsExactly(CanonicalField.BOOK_OUT);
    assertThat(RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H.missingFields(EnumSet.allOf(CanonicalField.class))).isEmpty();
    assertThat(RuleKind.FACILITY_MISSING_CODE.missingFields(namesOnly)).containsExactly(CanonicalField.FACILITY_CODE);
    Rule holdRoom = builtIn.rule(RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H);
    assertThat(holdRoom.question()).isEqualTo(Question.HOW_LONG);
    assertThat(holdRoom.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void everyKindHasAUniqueId() {
    assertThat(Arrays.stream(RuleKind.values()).map(RuleKind::id).distinct()).hasSize(23);
    assertThat(RuleKind.fromId("status.unknown")).contains(RuleKind.STATUS_UNKNOWN);
    assertThat(RuleKind.fromId("nope")).isEmpty();
  }
}

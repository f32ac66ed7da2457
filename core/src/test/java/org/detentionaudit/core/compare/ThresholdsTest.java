package org.detentionaudit.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.detentionaudit.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsTest {
  @Test
  void theBundledDefaultsSetEveryKind() {
    Thresholds defaults = Thresholds.defaults();
    for (ChangeKind kind : ChangeKind.values()) {
      assertThat(defaults.of(kind)).as(kind.key()).isNotNull();
    }
    assertThat(defaults.of(ChangeKind.COLUMN_MISSING_SHARE))
        .isEqualTo(new Thresholds.Threshold(true, 0.08, 0.5));
    assertThat(defaults.of(ChangeKind.FACILITY_NEW).flag()).isFalse();
  }

  @Test
  void aUserFileOverridesOnlyTheSettingsItGives(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.yaml");
    Files.writeString(
        file,
        "thresholds:\n  column_missing_share: { absolute: 0.10 }\n  rule_failed_ratio: { relative: ~ }\n"
            + "  facility_new: { flag: true }\n");

    Thresholds t = Thresholds.read(file);

    assertThat(t.of(ChangeKind.COLUMN_MISSING_SHARE)).isEqualTo(new Thresholds.Threshold(true, 0.10, 0.5));
    assertThat(t.of(ChangeKind.RULE_FAILED_RATIO)).isEqualTo(new Thresholds.Threshold(true, 0.005, null));
    assertThat(t.source()).isEqualTo("bundled + " + file);
    assertThat(Thresholds.defaults().source()).isEqualTo("bundled");
    assertThat(t.of(ChangeKind.FACILITY_NEW).flag()).isTrue();
    assertThat(t.of(ChangeKind.COLUMN_REDACTED_SHARE)).isEqualTo(Thresholds.defaults().of(ChangeKind.COLUMN_REDACTED_SHARE));
  }

  @Test
  void badFilesAreRefusedNamingTheFileAndTheProblem(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("none.yaml");
    assertThatThrownBy(() -> Thresholds.read(missing))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "thresholds: [unclosed");
    assertThatThrownBy(() -> Thresholds.read(bad)).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> Thresholds.parse("f.yaml", "rules: {}"))
        .hasMessageContaining("f.yaml")
        .hasMessageContaining("expected a top-level 'thresholds:'");
    assertThatThrownBy(() -> Thresholds.parse("f.yaml", "thresholds: { column_gone: { flag: true } }"))
        .hasMessageContaining("unknown kind 'column_gone'")
        .hasMessageContaining("column_missing_share");
    assertThatThrownBy(() -> Thresholds.parse("f.yaml", "thresholds: { rule_failed_ratio: { absolute: -1 } }"))
        .hasMessageContaining("'absolute' must be a number of zero or more");
    assertThatThrownBy(() -> Thresholds.parse("f.yaml", "thresholds: { rule_failed_ratio: { absolute: ~, relative: ~ } }"))
        .hasMessageContaining("give at least one of 'absolute' and 'relative'");
    assertThatThrownBy(() -> Thresholds.parse("f.yaml", "thresholds: { facility_new: { absolute: 1 } }"))
        .hasMessageContaining("unknown setting 'absolute'; allowed: flag");
    assertThatThrownBy(() -> Thresholds.parse("f.yaml", "thresholds: { facility_new: { flag: maybe } }"))
        .hasMessageContaining("'flag' must be true or false");
  }
}

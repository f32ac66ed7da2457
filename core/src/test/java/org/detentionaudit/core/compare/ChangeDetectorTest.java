package org.detentionaudit.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {
  private final ChangeDetector defaults = new ChangeDetector(Thresholds.defaults());

  @Test
  void aShareThatJumpsBeyondBothLimitsIsAnomalousAndSaysWhy() {
    ChangeDetector.Judgement j =
        defaults.judge(ChangeKind.COLUMN_MISSING_SHARE, "missing share of book_out", 0.020, 0.121);

    assertThat(j.anomalous()).isTrue();
    assertThat(j.difference()).isCloseTo(0.101, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(j.reason())
        .isEqualTo(
            "missing share of book_out 12.1% against 2.0%: +10.1 points (+505.0%); flagged at a change of"
                + " more than 8.0 points and 50% either way");
  }

  @Test
  void aNearMissOnEitherLimitIsNotAnomalous() {
    // +7.9 points: under the absolute limit, though +395% relative.
    assertThat(defaults.judge(ChangeKind.COLUMN_MISSING_SHARE, "m", 0.020, 0.099).anomalous()).isFalse();
    // +10 points but only +20% relative.
    assertThat(defaults.judge(ChangeKind.COLUMN_MISSING_SHARE, "m", 0.50, 0.60).anomalous()).isFalse();
    // Exactly at both limits (+8 points, +50%) is not beyond them.
    assertThat(defaults.judge(ChangeKind.COLUMN_MISSING_SHARE, "m", 0.16, 0.24).anomalous()).isFalse();
    // A fall beyond both limits is anomalous too (direction: both).
    assertThat(defaults.judge(ChangeKind.COLUMN_MISSING_SHARE, "m", 0.20, 0.05).anomalous()).isTrue();
  }

  @Test
  void aHistoryJudgesTheLastValueAgainstTheNearestEarlierOneAndNamesTheRange() {
    ChangeDetector.Judgement j =
        defaults.judge(
            ChangeKind.COLUMN_MISSING_SHARE, "missing book_out share", List.of(0.020, 0.024, 0.022, 0.121));

    assertThat(j.anomalous()).isTrue();
    assertThat(j.reference()).isEqualTo(0.024);
    assertThat(j.reason())
        .startsWith("missing book_out share 12.1% against 2.0-2.4% over the last 3 releases: +9.7 points (+404.2%)"
            + " from the nearest; flagged");
    // Inside the earlier range: never anomalous, however far from the previous value.
    assertThat(defaults.judge(ChangeKind.COLUMN_MISSING_SHARE, "m", List.of(0.01, 0.30, 0.02, 0.25)).anomalous())
        .isFalse();
  }

  @Test
  void anyLossOfAClosedYearIsAnomalousButAGainIsJudgedByItsOwnKind() {
    ChangeDetector.Judgement loss =
        defaults.judge(ChangeKind.RECORDS_CLOSED_YEAR_LOSS, "records of FY2019", 1200.0, 1199.0);
    assertThat(loss.anomalous()).isTrue();
    assertThat(loss.reason()).isEqualTo("records of FY2019 1,199 against 1,200: -1 (-0.1%); flagged at any loss");
    // The loss kind never flags a gain, the gain kind never a loss.
    assertThat(defaults.judge(ChangeKind.RECORDS_CLOSED_YEAR_LOSS, "r", 1200.0, 5000.0).anomalous()).isFalse();
    assertThat(defaults.judge(ChangeKind.RECORDS_CLOSED_YEAR_GAIN, "r", 1200.0, 100.0).anomalous()).isFalse();
    // Gains: above 2% and 10 records only (24 of 1,200 is exactly 2%).
    assertThat(defaults.judge(ChangeKind.RECORDS_CLOSED_YEAR_GAIN, "r", 1200.0, 1224.0).anomalous()).isFalse();
    assertThat(defaults.judge(ChangeKind.RECORDS_CLOSED_YEAR_GAIN, "r", 1200.0, 1225.0).anomalous()).isTrue();
    assertThat(defaults.judge(ChangeKind.RECORDS_OPEN_YEAR_LOSS, "r", 1200.0, 1200.0).anomalous()).isFalse();
  }

  @Test
  void fromZeroARiseExceedsAnyRelativeLimitAndZeroToZeroIsNoChange() {
    ChangeDetector.Judgement rise = defaults.judge(ChangeKind.RULE_FAILED_RATIO, "failed ratio", 0.0, 0.05);
    assertThat(rise.anomalous()).isTrue();
    assertThat(rise.relativeChange()).isNull();
    assertThat(rise.reason()).startsWith("failed ratio 5.0% against 0%: +5.0 points;");
    assertThat(defaults.judge(ChangeKind.RULE_FAILED_RATIO, "f", 0.0, 0.0).anomalous()).isFalse();
    assertThat(defaults.judge(ChangeKind.RECORDS_CLOSED_YEAR_GAIN, "r", 0.0, 11.0).anomalous()).isTrue();
    // ...but not one under the absolute limit of 10 records.
    assertThat(defaults.judge(ChangeKind.RECORDS_CLOSED_YEAR_GAIN, "r", 0.0, 10.0).anomalous()).isFalse();
  }

  @Test
  void nullsAreSkippedAndALoneValueIsNeverAnomalous() {
    assertThat(defaults.judge(ChangeKind.RULE_FAILED_RATIO, "f", null, 0.5).anomalous()).isFalse();
    assertThat(defaults.judge(ChangeKind.RULE_FAILED_RATIO, "f", null, 0.5).reason()).isEqualTo("f 50.0%: no earlier value");
    assertThat(defaults.judge(ChangeKind.RULE_FAILED_RATIO, "f", 0.5, null).reason()).isEqualTo("f: no value");
    assertThat(defaults.judge(ChangeKind.RULE_FAILED_RATIO, "f", Arrays.asList(0.01, null, 0.5)).anomalous()).isTrue();
  }

  @Test
  void aKindSwitchedOffIsNeverAnomalousAndSmallRatiosKeepTheirDigits() {
    ChangeDetector off =
        new ChangeDetector(Thresholds.parse("test", "thresholds: { rule_failed_ratio: { flag: false } }"));
    assertThat(off.judge(ChangeKind.RULE_FAILED_RATIO, "f", 0.0, 1.0).anomalous()).isFalse();
    assertThat(ChangeDetector.percent(0.000213)).isEqualTo("0.021%");
    assertThat(ChangeDetector.percent(0.0021)).isEqualTo("0.21%");
    assertThat(ChangeDetector.percent(0.091)).isEqualTo("9.1%");
  }

  @Test
  void aKindThatIsNotANumberCannotBeJudgedAsASeries() {
    assertThatThrownBy(() -> defaults.judge(ChangeKind.FACILITY_NEW, "f", 1.0, 2.0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

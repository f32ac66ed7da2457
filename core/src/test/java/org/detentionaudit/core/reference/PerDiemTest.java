package org.detentionaudit.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerDiemTest {

  @Test
  void aPlainNumberIsTheRate() {
    PerDiem perDiem = PerDiem.of(" 63.00 ");
    assertThat(perDiem.kind()).isEqualTo(PerDiem.Kind.RATE);
    assertThat(perDiem.rate()).isEqualTo(63.0);
    assertThat(perDiem.text()).isEqualTo("63.00");
    assertThat(PerDiem.of("118").rate()).isEqualTo(118.0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "118.00 [Pending: 40 (GM); 123.48 (1-40) 118.00 (41-130)] | 118.00",
        "50 (GM); 87.00 (1-50) 25.00 (51-72) | 87.00",
        "849 (GM): 154.08 (800-849) 145.41 (850-899) | 154.08",
        "70.00  Adult 145.00 Juvenile | 70.00",
        "103 (males) 79 (females) | 103"
      })
  void aTieredTextGivesItsFirstNumberWithCentsElseItsFirstNumber(String text, double rate) {
    PerDiem perDiem = PerDiem.of(text);
    assertThat(perDiem.kind()).isEqualTo(PerDiem.Kind.TIERED);
    assertThat(perDiem.rate()).isEqualTo(rate);
    assertThat(perDiem.text()).isEqualTo(text.trim());
  }

  @Test
  void aRedactedRateIsKnownToExistButHasNoValue() {
    PerDiem perDiem = PerDiem.of("b)(4)");
    assertThat(perDiem.kind()).isEqualTo(PerDiem.Kind.REDACTED);
    assertThat(perDiem.redacted()).isTrue();
    assertThat(perDiem.rate()).isNull();
    assertThat(PerDiem.of("(b)(4)").redacted()).isTrue();
  }

  @Test
  void notIceFundedAndEmptyHaveNoRate() {
    assertThat(PerDiem.of("Not ICE Funded").kind()).isEqualTo(PerDiem.Kind.NOT_ICE_FUNDED);
    assertThat(PerDiem.of("not  ice funded").rate()).isNull();
    assertThat(PerDiem.of("").kind()).isEqualTo(PerDiem.Kind.NONE);
    assertThat(PerDiem.of(null).kind()).isEqualTo(PerDiem.Kind.NONE);
    assertThat(PerDiem.of("NA").rate()).isNull();
    assertThat(PerDiem.of("AS NEEDED").kind()).isEqualTo(PerDiem.Kind.NONE);
    assertThat(PerDiem.of("AS NEEDED").redacted()).isFalse();
  }
}

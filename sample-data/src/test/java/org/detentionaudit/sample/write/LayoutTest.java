package org.detentionaudit.sample.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LayoutTest {

  @Test
  void columnCountsAndKeyHeadersAreAsReleased() {
    assertThat(Layout.DDP_2025.columns()).hasSize(37);
    assertThat(Layout.DDP_2026_03.columns()).hasSize(53);
    assertThat(Layout.UWCHR_2012_2024.columns()).hasSize(33);
    assertThat(Layout.DDP_2025.headers()).contains("Unique Identifier", "Detention Book Out Date Time", "Stay Book Out Date")
        .doesNotContain("Anonymized Identifier");
    assertThat(Layout.DDP_2026_03.headers()).contains("Anonymized Identifier", "Book Out Date Time", "Book In Site",
        "Book In AOR", "Race", "Birth Country", "Entry Date").doesNotContain("Unique Identifier", "Detention Book Out Date Time");
    assertThat(Layout.UWCHR_2012_2024.headers()).startsWith("Stay Book In Date Time", "Detention Book In Date And Time")
        .endsWith("Alien File Number", "Anonymized Identifier");
    for (Layout layout : Layout.values()) {
      if (layout != Layout.TRAC_2001_2009) { // TRAC repeats 'Detention Facility Type', as released
        assertThat(layout.headers()).doesNotHaveDuplicates();
      }
      assertThat(layout.indexOf(layout.bookInHeader())).isNotNegative();
    }
  }

  @Test
  void dateFormatsDifferPerLayoutAndUwchrDoesNotPad() {
    LocalDateTime t = LocalDateTime.of(2019, 3, 7, 4, 5);
    assertThat(Layout.DDP_2025.format(t)).isEqualTo("2019-03-07 04:05:00");
    assertThat(Layout.DDP_2026_03.format(t)).isEqualTo("2019-03-07T04:05:00Z");
    assertThat(Layout.UWCHR_2012_2024.format(t)).isEqualTo("3/7/2019 4:05");
    assertThat(Layout.UWCHR_2012_2024.format(LocalDate.of(2019, 3, 7))).isEqualTo("3/7/2019");
    assertThat(Layout.DDP_2025.format(null)).isNull();
  }

  @Test
  void snakeCaseNamesCollapsePunctuation() {
    assertThat(LayoutColumn.snakeCase("Most Serious Conviction (MSC) Charge Code")).isEqualTo("most_serious_conviction_msc_charge_code");
    assertThat(LayoutColumn.snakeCase("Stay Book In Date Time")).isEqualTo("stay_book_in_date_time");
    assertThat(LayoutColumn.snakeCase("Detention Facility Code")).isEqualTo("detention_facility_code");
  }

  @Test
  void unknownIdsNameTheKnownOnes() {
    assertThatThrownBy(() -> Layout.byId("ddp-2024")).hasMessageContaining("Cannot find layout 'ddp-2024'").hasMessageContaining("ddp-2025");
    assertThatThrownBy(() -> OutputFormat.byId("xls")).hasMessageContaining("Cannot find output format 'xls'");
    assertThatThrownBy(() -> new OutputSpec(Layout.DDP_2025, OutputFormat.CSV, "../x.csv")).hasMessageContaining("relative");
  }
}

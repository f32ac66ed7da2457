package org.detentionaudit.core.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RecordTallyTest {
  /** Night by night: the night beginning on a day counts in that day's fiscal year. */
  private static Map<Integer, Long> nightByNight(long first, long last) {
    Map<Integer, Long> byYear = new TreeMap<>();
    for (long day = first; day <= last; day++) {
      LocalDate date = LocalDate.ofEpochDay(day);
      int year = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
      byYear.merge(year, 1L, Long::sum);
    }
    return byYear;
  }

  private static Map<Integer, Long> split(LocalDate first, LocalDate last) {
    Map<Integer, Long> byYear = new TreeMap<>();
    RecordTally.addNights(byYear, first.toEpochDay(), last.toEpochDay());
    return byYear;
  }

  @Test
  void nightsAroundTheFiscalYearBoundaryGoToTheYearOfTheirFirstDay() {
    assertThat(split(LocalDate.of(2019, 9, 30), LocalDate.of(2019, 9, 30))).containsExactly(Map.entry(2019, 1L));
    assertThat(split(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 10, 1))).containsExactly(Map.entry(2020, 1L));
    assertThat(split(LocalDate.of(2019, 9, 29), LocalDate.of(2019, 10, 2)))
        .containsExactly(Map.entry(2019, 2L), Map.entry(2020, 2L));
    // A leap year's fiscal year (FY2020 holds 29 February 2020) has 366 nights.
    assertThat(split(LocalDate.of(2019, 9, 30), LocalDate.of(2020, 10, 1)))
        .containsExactly(Map.entry(2019, 1L), Map.entry(2020, 366L), Map.entry(2021, 1L));
  }

  @Test
  void everySplitEqualsCountingNightByNightInsideAndOutsideTheTable() {
    Random random = new Random(14);
    long[] anchors = {
      LocalDate.of(1950, 1, 1).toEpochDay(),
      LocalDate.of(1899, 9, 20).toEpochDay(), // before the table's first fiscal year
      LocalDate.of(2400, 9, 25).toEpochDay(), // at and after its last
      LocalDate.of(2012, 10, 1).toEpochDay(),
    };
    for (int i = 0; i < 2000; i++) {
      long first = anchors[i % anchors.length] + random.nextInt(4000) - 2000;
      long last = first + random.nextInt(i % 10 == 0 ? 3000 : 40);
      Map<Integer, Long> byYear = new TreeMap<>();
      RecordTally.addNights(byYear, first, last);
      assertThat(byYear).as("days %d to %d", first, last).isEqualTo(nightByNight(first, last));
    }
  }
}

package org.detentionaudit.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TimeZone;
import org.detentionaudit.rules.CanonicalField;
import org.junit.jupiter.api.Test;

class PlacementNormalizerTest {
  private final PlacementNormalizer normalizer =
      new PlacementNormalizer(
          List.of(
              new FieldSource(CanonicalField.PERSON_ID, 0, "Unique Identifier"),
              new FieldSource(CanonicalField.BOOK_IN, 1, "Book In Date Time"),
              new FieldSource(CanonicalField.FACILITY_CODE, 2, "Detention Facility Code")),
          new TimestampParser(List.of("M/d/yyyy H:mm")));

  @Test
  void textIsTrimmedAndMissingMarkersBecomeNull() {
    NormalizedRecord.Placement placement =
        (NormalizedRecord.Placement) normalizer.normalize(new Object[] {"  P1 ", " NA ", "   "});
    assertThat(placement.value(CanonicalField.PERSON_ID)).isEqualTo("P1");
    assertThat(placement.value(CanonicalField.BOOK_IN)).isNull();
    assertThat(placement.value(CanonicalField.FACILITY_CODE)).isNull();
    assertThat(placement.value(CanonicalField.BOOK_OUT)).isNull();
    assertThat(placement.redactedFields()).isEmpty();
  }

  @Test
  void redactionsAreNullAndListedInCanonicalOrder() {
    NormalizedRecord.Placement placement =
        (NormalizedRecord.Placement)
            normalizer.normalize(new Object[] {"b(6), b(7)C", "(b)(6)", "b)(4)"});
    assertThat(placement.value(CanonicalField.PERSON_ID)).isNull();
    assertThat(placement.redactedFields()).containsExactly("person_id", "book_in", "facility_code");
  }

  @Test
  void unparseableDateRejectsTheRecordNamingColumnAndValue() {
    assertThat(normalizer.normalize(new Object[] {"P1", "13/45/2020 25:61", "X"}))
        .isEqualTo(
            new NormalizedRecord.Rejected(
                "unparseable date in column 'Book In Date Time': '13/45/2020 25:61'"));
  }

  @Test
  void typedTimestampsAreWallClockWhateverTheJvmZone() {
    TimeZone previous = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    try {
      LocalDateTime expected = LocalDateTime.of(2020, 1, 2, 10, 0);
      assertThat(value(expected)).isEqualTo(expected);
      assertThat(value(LocalDate.of(2020, 1, 2))).isEqualTo(expected.withHour(0));
      assertThat(value(Instant.parse("2020-01-02T10:00:00Z"))).isEqualTo(expected);
      assertThat(value(Timestamp.from(Instant.parse("2020-01-02T10:00:00Z")))).isEqualTo(expected);
    } finally {
      TimeZone.setDefault(previous);
    }
  }

  private Object value(Object bookIn) {
    return ((NormalizedRecord.Placement) normalizer.normalize(new Object[] {"P1", bookIn, "X"}))
        .value(CanonicalField.BOOK_IN);
  }
}

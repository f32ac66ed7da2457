package org.detentionaudit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.detentionaudit.core.measure.CostSummary;
import org.detentionaudit.core.measure.DatasetFacts;
import org.detentionaudit.core.measure.LengthSummary;
import org.detentionaudit.core.measure.MeasureStatus;
import org.detentionaudit.rules.CanonicalField;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
  private static LengthSummary lengths() {
    return new LengthSummary(
        3, 1, 2, 2.0, 7.5, 8.0, 8.0,
        List.of(new LengthSummary.Bucket("under 1 day", 0, 1.0, 1), new LengthSummary.Bucket("a year or more", 365, null, 0)));
  }

  @Test
  void theDatasetAndCostSectionsSurviveARoundTripWithSnakeCaseKeys() {
    RunSummary summary =
        new RunSummary(
            "1.0", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z",
            List.of(new RunSummary.InputSummary("a.csv", "csv", "ddp-2025", 3, 3, 0, "UTF-8", "detected: valid UTF-8", 3L, 0L, 0L, 0L)),
            3, 3, 0, "2025-06-26T00:00:00", "given",
            List.of(),
            new DatasetFacts(3, 2L, 2L, "2020-01-01T10:00:00", "2021-05-01T00:00:00", "2021-05-01T00:00:00", 0L, 1L, 1L, 0L, lengths(), lengths()),
            new org.detentionaudit.core.measure.FacilitySummary("facility_code", 5, 2, 1),
            new CostSummary(MeasureStatus.COMPUTED, List.of(), 20L, 4L, 16L, 0.8, Map.of("rate_redacted", 16L), 400.0, 2L, "2025-06-26T00:00",
                List.of(new CostSummary.Year(2020, 20, 16, 400.0))),
            new RunSummary.FacilityReferenceSummary("bundled + mine.csv", 1_700, 1_866),
            MeasureStatus.of(EnumSet.allOf(CanonicalField.class)),
            org.detentionaudit.core.reconcile.ReconciliationSummary.none(),
            null);

    String json = SummaryJson.write(summary);

    assertThat(json)
        .contains("\"facility_reference\"", "\"source\" : \"bundled + mine.csv\"")
        .contains("\"dataset\"", "\"open_placements\" : 1", "\"median_days\" : 2.0", "\"cost_unknown_share\" : 0.8",
            "\"bed_days_cost_unknown_by_reason\"", "\"by_fiscal_year\"");
    assertThat(SummaryJson.read(json)).isEqualTo(summary);
  }
}

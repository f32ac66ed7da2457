package org.detentionaudit.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.detentionaudit.core.compare.ChangeKind;
import org.detentionaudit.core.compare.ReleaseMetrics.Metric;
import org.detentionaudit.core.compare.Thresholds;
import org.junit.jupiter.api.Test;

class HistoryCheckTest {
  private final HistoryCheck check = new HistoryCheck(Thresholds.defaults());
  private int runs;

  /** A release: two rules, book_out's shares, records of FY2023-2025 and without a book-in. */
  private HistoryRun release(String label, String extract, double bookOutMissing, long fy2024) {
    List<Metric> metrics = new ArrayList<>();
    metrics.add(new Metric("dataset", "records", "records", 1000 + fy2024));
    metrics.add(new Metric("rule", "placement.missing_book_out", "failed_ratio", 0.05));
    metrics.add(new Metric("rule", "stay.overlap", "failed_ratio", 0.011));
    metrics.add(new Metric("column", "book_out", "missing_share", bookOutMissing));
    metrics.add(new Metric("column", "book_out", "redacted_share", 0));
    metrics.add(new Metric("records", "2023", "records", 500));
    metrics.add(new Metric("records", "2024", "records", fy2024));
    metrics.add(new Metric("records", "unknown", "records", 12));
    metrics.add(new Metric("facility", "ABC", "records", 300));
    runs++;
    return new HistoryRun(
        "run-" + runs, label, LocalDateTime.parse(extract), "given",
        Instant.parse("2026-12-08T00:00:00Z").plusSeconds(runs * 60L), "1.0", null, null, metrics);
  }

  @Test
  void aJumpInOneMetricOnTheThirdRunFlagsExactlyIt() {
    HistoryRun first = release("DDP 2025-02", "2025-02-10T00:00:00", 0.020, 400);
    HistoryRun second = release("DDP 2025-06", "2025-06-26T00:00:00", 0.024, 400);
    HistoryRun third = release("DDP 2026-03", "2026-03-10T00:00:00", 0.121, 400);

    HistorySummary summary = check.judge("hist", third, List.of(second, first));

    assertThat(summary.earlierRuns()).extracting(HistorySummary.EarlierRun::label).containsExactly("DDP 2025-02", "DDP 2025-06");
    assertThat(summary.note()).isNull();
    // 2 rules, 2 shares, FY2023, FY2024, undated; the dataset and facility metrics are kept, not judged.
    assertThat(summary.metricsJudged()).isEqualTo(7);
    assertThat(summary.metricsAppended()).isEqualTo(9);
    assertThat(summary.flagged()).singleElement().satisfies(f -> {
      assertThat(f.key()).isEqualTo("book_out");
      assertThat(f.measure()).isEqualTo("missing_share");
      assertThat(f.changeKind()).isEqualTo(ChangeKind.COLUMN_MISSING_SHARE.key());
      assertThat(f.value()).isEqualTo(0.121);
      assertThat(f.reference()).isEqualTo(0.024);
      assertThat(f.reason())
          .isEqualTo("missing share of book_out 12.1% against 2.0-2.4% over the last 2 releases: +9.7 points"
              + " (+404.2%) from the nearest; flagged at a change of more than 8.0 points and 50% either way");
      assertThat(f.series())
          .extracting(HistorySummary.Point::label, HistorySummary.Point::value)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("DDP 2025-02", 0.020),
              org.assertj.core.groups.Tuple.tuple("DDP 2025-06", 0.024),
              org.assertj.core.groups.Tuple.tuple("DDP 2026-03", 0.121));
    });
  }

  @Test
  void aStableSeriesFlagsNothingAndANearMissIsNotFlagged() {
    HistoryRun first = release("A", "2025-02-10T00:00:00", 0.020, 400);
    HistoryRun second = release("B", "2025-06-26T00:00:00", 0.024, 400);
    // +7.99 points from the nearest (2.4%) is not more than the default 8 points.
    HistoryRun third = release("C", "2026-03-10T00:00:00", 0.1039, 400);

    HistorySummary summary = check.judge("hist", third, List.of(first, second));

    assertThat(summary.metricsJudged()).isEqualTo(7);
    assertThat(summary.flagged()).isEmpty();
  }

  @Test
  void withNoEarlierRunNothingIsJudgedAndTheNoteSaysSo() {
    HistorySummary summary = check.judge("hist", release("A", "2025-02-10T00:00:00", 0.02, 400), List.of());

    assertThat(summary.earlierRuns()).isEmpty();
    assertThat(summary.metricsJudged()).isZero();
    assertThat(summary.flagged()).isEmpty();
    assertThat(summary.runsInHistory()).isZero();
    assertThat(summary.note()).isEqualTo("No earlier run in the history: this run is its first, nothing was judged.");
  }

  @Test
  void runsOfTheSameLabelAndLaterReleasesAreNotJudgedAgainst() {
    HistoryRun sameLabel = release("C", "2025-02-10T00:00:00", 0.5, 400);
    HistoryRun later = release("D", "2027-01-01T00:00:00", 0.5, 400);
    HistoryRun current = release("C", "2026-03-10T00:00:00", 0.02, 400);

    HistorySummary summary = check.judge("hist", current, List.of(sameLabel, later));

    assertThat(summary.earlierRuns()).isEmpty();
    assertThat(summary.runsNotUsed()).isEqualTo(new HistorySummary.RunsNotUsed(1, 1, 0, 0));
    assertThat(summary.note()).contains("of its 2 run(s), 1 have this run's label and 1 come later");
  }

  @Test
  void aLabelAuditedTwiceCountsOnceWithItsLatestAudit() {
    HistoryRun old = release("A", "2025-02-10T00:00:00", 0.50, 400);
    HistoryRun rerun = release("A", "2025-02-10T00:00:00", 0.02, 400);
    HistoryRun current = release("B", "2025-06-26T00:00:00", 0.021, 400);

    HistorySummary summary = check.judge("hist", current, List.of(rerun, old));

    assertThat(summary.earlierRuns()).extracting(HistorySummary.EarlierRun::runId).containsExactly(rerun.runId());
    assertThat(summary.runsNotUsed().superseded()).isEqualTo(1);
    assertThat(summary.flagged()).isEmpty();
  }

  @Test
  void onlyTheLastReleasesAreJudgedAgainst() {
    List<HistoryRun> history = new ArrayList<>();
    for (int i = 0; i < HistoryCheck.RELEASES + 2; i++) {
      // The oldest two had 9.1% missing: outside the window, so 9.1% now is flagged.
      history.add(release("R" + i, "2020-0" + (i + 1) + "-01T00:00:00", i < 2 ? 0.121 : 0.02, 400));
    }
    HistorySummary summary = check.judge("hist", release("Now", "2026-01-01T00:00:00", 0.121, 400), history);

    assertThat(summary.earlierRuns()).hasSize(HistoryCheck.RELEASES).first().extracting(HistorySummary.EarlierRun::label).isEqualTo("R2");
    assertThat(summary.runsNotUsed().beyondWindow()).isEqualTo(2);
    assertThat(summary.flagged()).extracting(HistorySummary.Flagged::key).containsExactly("book_out");
  }

  @Test
  void aClosedFiscalYearThatLostRecordsIsFlaggedAnOpenOneThatGrewIsNot() {
    // FY2024 ended on 30 September 2024, before the earlier extract date: any loss is flagged.
    HistoryRun earlier = release("A", "2025-02-10T00:00:00", 0.02, 400);
    HistoryRun current = release("B", "2025-06-26T00:00:00", 0.02, 399);

    assertThat(check.judge("hist", current, List.of(earlier)).flagged())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.changeKind()).isEqualTo("records_closed_year_loss");
          assertThat(f.reason()).startsWith("records of FY2024 399 against 400: -1");
        });
    // The same FY2024 while the earlier extract date fell in it: growth is natural, not flagged.
    HistoryRun open = release("C", "2024-06-01T00:00:00", 0.02, 100);
    HistoryRun grown = release("D", "2024-09-01T00:00:00", 0.02, 400);
    assertThat(check.judge("hist", grown, List.of(open)).flagged()).isEmpty();
  }

  @Test
  void kindsFollowTheFiscalYearOfTheEarlierExtractDate() {
    LocalDateTime extract = LocalDateTime.of(2025, 2, 10, 0, 0);
    assertThat(HistoryCheck.kindsOf(new Metric("records", "2024", "records", 1), extract))
        .containsExactly(ChangeKind.RECORDS_CLOSED_YEAR_LOSS, ChangeKind.RECORDS_CLOSED_YEAR_GAIN);
    assertThat(HistoryCheck.kindsOf(new Metric("records", "2025", "records", 1), extract))
        .containsExactly(ChangeKind.RECORDS_OPEN_YEAR_LOSS);
    assertThat(HistoryCheck.kindsOf(new Metric("records", "2026", "records", 1), extract)).isEmpty();
    assertThat(HistoryCheck.kindsOf(new Metric("records", "2024", "records", 1), null)).isEmpty();
    assertThat(HistoryCheck.kindsOf(new Metric("records", "unknown", "records", 1), null))
        .containsExactly(ChangeKind.RECORDS_UNDATED);
    assertThat(HistoryCheck.kindsOf(new Metric("dataset", "people", "records", 1), extract)).isEmpty();
  }

  @Test
  void theThresholdsGivenDecide() {
    HistoryRun first = release("A", "2025-02-10T00:00:00", 0.020, 400);
    HistoryRun second = release("B", "2025-06-26T00:00:00", 0.121, 400);
    HistoryCheck lenient =
        new HistoryCheck(Thresholds.parse("test", "thresholds: { column_missing_share: { absolute: 0.12 } }"));

    assertThat(lenient.judge("hist", second, List.of(first)).flagged()).isEmpty();
    assertThat(check.judge("hist", second, List.of(first)).flagged()).hasSize(1);
  }
}

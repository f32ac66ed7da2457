package org.detentionaudit.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonHtmlTest {
  private static String render(Releases before, Releases after) {
    return ComparisonHtml.render(
        ReleaseComparison.of(before.metrics("before"), after.metrics("after"), Thresholds.defaults()),
        "2025-07-01T00:00:00Z");
  }

  @Test
  void thePageLeadsWithTheFlaggedRowsLargestChangeFirst() {
    Releases after = Releases.before().records(2021, "BBB", 399).column("Detention Book Out Date Time", "book_out", 0, 6000, 0);

    String html = render(Releases.before(), after);

    int changed = html.indexOf("id=\"changed\"");
    int column = html.indexOf("<tr class=\"flagged\" data-kind=\"column\">");
    int records = html.indexOf("<tr class=\"flagged\" data-kind=\"records\">");
    int chart = html.indexOf("id=\"records-by-fiscal-year\"");
    assertThat(changed).isPositive();
    // book_out's missing share went from 5% to 100% (+1,900%); FY2021 lost 1 of 1,000 records.
    assertThat(column).isGreaterThan(changed).isLessThan(records);
    assertThat(records).isLessThan(chart);
    assertThat(html).contains("3 of ").contains("changed beyond their thresholds: 1 column, 2 records.");
    assertThat(html).doesNotContain("<script").doesNotContain(" src=").doesNotContain("<link");
  }

  @Test
  void theChartShowsBothReleasesPerFiscalYearTracedToCompareParquet() {
    String html = render(Releases.before(), Releases.before().records(2025, "AAA", 900));

    assertThat(html).contains(">FY2025 before<").contains(">FY2025 after<");
    // Mustache escapes '=' in the attribute; a browser reads it back as '='.
    assertThat(html)
        .contains(
            "data-table=\"compare\" data-column=\"after\" data-where=\"kind&#61;records;measure&#61;records;fiscal_year&#61;2025;facility_code&#61;\" data-agg=\"value\" data-format=\"integer\">1,300<");
    assertThat(html).contains("Nothing changed beyond its threshold");
  }
}

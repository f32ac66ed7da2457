package org.detentionaudit.jobs.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.testing.SharedSpark;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The tracing checker passes a page whose numbers are right and names each kind of wrong number. */
@ExtendWith(SharedSpark.class)
class ReportNumbersTest {
  @TempDir static Path outputs;

  @BeforeAll
  static void writeTinyOutputs(SparkSession spark) throws IOException {
    write(
        spark,
        "summary",
        "VALUES ('a.rule', 2500L, 25L, 0.01D), ('b.rule', 1000L, 125L, 0.125D), ('c.rule', CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE))"
            + " AS t(rule_id, records_checked, records_failed, failed_ratio)");
    write(
        spark,
        "breakdown",
        "VALUES (CAST(NULL AS STRING), 2024, 'F1', 1500L, CAST(NULL AS BIGINT)), (NULL, 2025, 'F1', 1000L, NULL),"
            + " ('a.rule', 2024, 'F1', 1500L, 20L), ('a.rule', 2025, 'F2', 1000L, 5L)"
            + " AS t(rule_id, fiscal_year, facility_code, records, records_failed)");
    write(
        spark,
        "facilities",
        "VALUES ('F1', true, 1234.56D, 1234567.5D), ('F2', false, 10.04D, CAST(NULL AS DOUBLE))"
            + " AS t(facility_code, in_reference, bed_days, estimated_cost)");
    write(spark, "findings", "VALUES ('a.rule', TIMESTAMP'2024-10-01 23:30:00') AS t(rule_id, book_in)");
    Files.writeString(
        outputs.resolve("summary.json"),
        """
        {"inputs": [{"path": "a.csv", "rows_read": 2500, "rows_loaded": 2498, "rows_quarantined": 2}],
         "extract_date": "2025-06-26T00:00:00", "dataset": {"people": 995}, "nothing": null}
        """);
  }

  @Test
  void rightNumbersInEveryFormatAndAggregationPass(SparkSession spark) {
    ReportNumbers numbers =
        check(
            spark,
            """
            <td data-table="summary" data-column="records_checked" data-where="rule_id=a.rule">2,500</td>
            <td data-table="summary" data-column="records_failed" data-where="rule_id=a.rule" data-agg="value" data-format="integer">25</td>
            <td data-table="summary" data-column="failed_ratio" data-where="rule_id=a.rule" data-format="percent">1.00%</td>
            <td data-table="summary" data-column="failed_ratio" data-where="rule_id=a.rule" data-format="percent">1%</td>
            <td data-table="summary" data-column="failed_ratio" data-where="rule_id=b.rule" data-format="percent">12.5%</td>
            <td data-table="summary" data-column="records_failed" data-where="rule_id=c.rule">n/a</td>
            <td data-table="summary" data-agg="count">3</td>
            <td data-table="summary" data-column="records_failed" data-agg="sum">150</td>
            <td data-table="breakdown" data-column="records" data-where="rule_id=null" data-agg="sum">2,500</td>
            <td data-table="breakdown" data-column="records_failed" data-where="rule_id=a.rule;fiscal_year=2024;facility_code=F1">20</td>
            <td data-table="breakdown" data-column="records" data-where="rule_id=a.rule;fiscal_year=2030" data-agg="sum">0</td>
            <td data-table="facilities" data-agg="count" data-where="in_reference=true">1</td>
            <td data-table="facilities" data-column="bed_days" data-where="facility_code=F1" data-format="decimal">1,234.6</td>
            <td data-table="facilities" data-column="bed_days" data-agg="sum" data-format="decimal">1,244.60</td>
            <td data-table="facilities" data-column="estimated_cost" data-where="facility_code=F1" data-format="money">$1,234,568</td>
            <td data-table="findings" data-column="book_in" data-where="rule_id=a.rule" data-format="date">2024-10-01</td>
            <td data-table="summary.json" data-column="inputs.0.rows_quarantined">2</td>
            <td data-table="summary.json" data-column="dataset.people">995</td>
            <td data-table="summary.json" data-column="inputs" data-agg="count">1</td>
            <td data-table="summary.json" data-column="extract_date" data-format="date">2025-06-26</td>
            """);

    assertThat(numbers.mismatches()).isEmpty();
    assertThat(numbers.traced()).isEqualTo(20);
    numbers.assertAllMatch();
  }

  @Test
  void aWrongNumberIsNamedWithItsTextAndTheSourceValue(SparkSession spark) {
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_failed\" data-where=\"rule_id=a.rule\">26</td>"))
        .isEqualTo(
            "'26' in <td data-table=\"summary\" data-column=\"records_failed\" data-where=\"rule_id=a.rule\">"
                + " (summary.records_failed where rule_id=a.rule): does not show the source value 25");
  }

  @Test
  void aPercentIsComparedAtTheDecimalsShown(SparkSession spark) {
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"failed_ratio\" data-where=\"rule_id=b.rule\" data-format=\"percent\">12.6%</td>"))
        .endsWith("does not show the source value 0.125 (12.5% at the 1 decimals shown)");
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"failed_ratio\" data-where=\"rule_id=a.rule\" data-format=\"percent\">0.01</td>"))
        .endsWith("is not percent shown like 12.3%");
  }

  @Test
  void anIntegerMustBeShownWithGroupingAndNotForANull(SparkSession spark) {
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_checked\" data-where=\"rule_id=a.rule\">2500</td>"))
        .endsWith("is not integer shown like 12,345");
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_checked\" data-where=\"rule_id=c.rule\">0</td>"))
        .endsWith("the source value is null, which the page shows as n/a");
    assertThat(only(spark, "<td data-table=\"facilities\" data-column=\"bed_days\" data-where=\"facility_code=F2\">10</td>"))
        .contains("is not a whole number (use data-format=decimal)");
  }

  @Test
  void aMissingRowIsReported(SparkSession spark) {
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_failed\" data-where=\"rule_id=z.rule\">0</td>"))
        .endsWith("no row of summary matches rule_id=z.rule");
  }

  @Test
  void anAmbiguousValueIsReported(SparkSession spark) {
    assertThat(only(spark, "<td data-table=\"breakdown\" data-column=\"records\" data-where=\"rule_id=a.rule\">1,500</td>"))
        .endsWith("2 rows of breakdown match rule_id=a.rule: data-agg=value needs exactly one (narrow data-where, or use data-agg=sum or count)");
  }

  @Test
  void unknownTablesColumnsAndPathsAreReported(SparkSession spark) {
    assertThat(only(spark, "<td data-table=\"sumary\" data-column=\"records_failed\">25</td>"))
        .contains("unknown data-table 'sumary' (known: breakdown, facilities, findings, profile, quarantine, summary, summary.json)");
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_faild\" data-where=\"rule_id=a.rule\">25</td>"))
        .endsWith("cannot find column 'records_faild' in summary: rule_id, records_checked, records_failed, failed_ratio");
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_failed\" data-where=\"rule=a.rule\">25</td>"))
        .endsWith("cannot find column 'rule' in summary: rule_id, records_checked, records_failed, failed_ratio");
    assertThat(only(spark, "<td data-table=\"profile\" data-column=\"nulls\">25</td>"))
        .contains("cannot read table profile: ").endsWith("profile.parquet does not exist");
    assertThat(only(spark, "<td data-table=\"summary.json\" data-column=\"inputs.1.rows_read\">25</td>"))
        .endsWith("summary.json has nothing at 'inputs.1.rows_read' (no '1')");
  }

  @Test
  void brokenAttributesAreReported(SparkSession spark) {
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_failed\" data-agg=\"avg\">25</td>"))
        .endsWith("unknown data-agg 'avg' (known: value, sum, count)");
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_failed\" data-format=\"number\">25</td>"))
        .endsWith("unknown data-format 'number' (known: integer, percent, decimal, money, date)");
    assertThat(only(spark, "<td data-table=\"summary\" data-column=\"records_failed\" data-where=\"rule_id\">25</td>"))
        .endsWith("malformed data-where 'rule_id': expected col=value;col=value");
    assertThat(only(spark, "<td data-table=\"summary\" data-where=\"rule_id=a.rule\">25</td>"))
        .endsWith("no data-column (needed unless data-agg=count)");
    assertThat(only(spark, "<td data-column=\"records_failed\">25</td>"))
        .isEqualTo("'25' in <td> has data-column or data-where but no data-table");
    assertThat(only(spark, "<td data-table=\"breakdown\" data-column=\"records\" data-where=\"fiscal_year=FY2024\">25</td>"))
        .endsWith("data-where fiscal_year=FY2024: 'FY2024' is not a number, and fiscal_year is int");
  }

  @Test
  void everyMismatchIsReportedAtOnce(SparkSession spark) {
    ReportNumbers numbers =
        check(
            spark,
            """
            <td data-table="summary" data-column="records_checked" data-where="rule_id=a.rule">2,500</td>
            <td data-table="summary" data-column="records_failed" data-where="rule_id=a.rule">26</td>
            <td data-table="summary" data-column="records_failed" data-where="rule_id=z.rule">0</td>
            <td data-table="breakdown" data-column="records" data-where="rule_id=a.rule">1,500</td>
            <td data-table="nowhere" data-column="records">1</td>
            """);

    assertThat(numbers.traced()).isEqualTo(5);
    assertThat(numbers.mismatches()).hasSize(4);
    assertThatThrownBy(numbers::assertAllMatch)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("4 of 5 traced numbers on the page do not match the outputs:")
        .hasMessageContaining("'26' in")
        .hasMessageContaining("no row of summary matches rule_id=z.rule")
        .hasMessageContaining("2 rows of breakdown match")
        .hasMessageContaining("unknown data-table 'nowhere'");
  }

  private static ReportNumbers check(SparkSession spark, String body) {
    return ReportNumbers.check(Jsoup.parse("<table><tr>" + body + "</tr></table>"), outputs, spark);
  }

  private static String only(SparkSession spark, String element) {
    ReportNumbers numbers = check(spark, element);
    assertThat(numbers.mismatches()).hasSize(1);
    return numbers.mismatches().get(0);
  }

  private static void write(SparkSession spark, String table, String values) {
    spark.sql("SELECT * FROM " + values).coalesce(1).write().parquet(outputs.resolve(table + ".parquet").toString());
  }
}

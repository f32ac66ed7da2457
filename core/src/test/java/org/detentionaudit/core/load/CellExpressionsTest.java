package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.detentionaudit.core.normalize.MissingValueMarker;
import org.detentionaudit.core.normalize.RedactionMarker;
import org.detentionaudit.core.normalize.RedactionMarkerTest;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Spark SQL cell rules agree with the Java ones on every spelling the Java tests know. */
@ExtendWith(SharedSpark.class)
class CellExpressionsTest {
  private final SparkSession spark = SharedSpark.session();

  private static List<String> cells() {
    List<String> base = new ArrayList<>();
    base.addAll(RedactionMarkerTest.MARKERS);
    base.addAll(RedactionMarkerTest.NOT_MARKERS);
    base.addAll(
        List.of(
            "NA", "na", "N/A", "n/a", " N/a ", "NAN", "N/A/", "redacted", "[ Redacted ]",
            "REDACTED (b)(6)", "bredacted", "(b)(6)" + "\u2028", "(b)(6)\n", "(b)(6)\u00a0",
            "ADELANTO ICE PROCESSING CENTER", "1/5/2020 9:30", "(b)(6)".repeat(40),
            "(b)(6)" + " ".repeat(199), "((((((((((((((((((((((((((((((((((((((((((((b",
            "\u0001(b)(6)\u001f", "é(b)(6)", "(b)(6)é"));
    List<String> cells = new ArrayList<>();
    for (String cell : base) {
      cells.add(cell);
      cells.add("  " + cell + "\t");
      cells.add("\r\n" + cell + "\u000b ");
    }
    cells.add(null);
    cells.add("   ");
    cells.add("\t\u0000");
    return cells;
  }

  @Test
  void trimMissingAndRedactionMatchTheJavaRulesOnEverySpelling() {
    List<String> cells = cells();
    Dataset<String> input = spark.createDataset(cells, Encoders.STRING());
    Dataset<Row> judged =
        input
            .withColumn("id", functions.monotonically_increasing_id())
            .withColumn("trimmed", CellExpressions.trimmed(functions.col("value")))
            .select(
                functions.col("value"),
                functions.col("trimmed"),
                CellExpressions.isMissing(functions.col("trimmed")).as("missing"),
                CellExpressions.isRedaction(functions.col("trimmed")).as("redaction"));
    List<Row> rows = judged.collectAsList();
    assertThat(rows).hasSize(cells.size());
    for (Row row : rows) {
      String cell = row.getString(0);
      String label = "cell '" + cell + "'";
      String javaTrimmed = cell == null ? null : cell.trim();
      assertThat(row.getString(1)).as(label).isEqualTo(javaTrimmed);
      boolean missing = MissingValueMarker.isMissing(cell);
      assertThat(row.getBoolean(2)).as(label).isEqualTo(missing);
      if (!missing) {
        assertThat(row.getBoolean(3)).as(label).isEqualTo(RedactionMarker.isRedaction(cell));
      }
    }
    assertThat(RedactionMarkerTest.MARKERS).allMatch(RedactionMarker::isRedaction);
  }

  @Test
  void theRegexIsTheJavaPatternWithItsFlagInlined() {
    assertThat(CellExpressions.REDACTION_REGEX)
        .isEqualTo("(?i)(?:" + RedactionMarker.PATTERN.pattern() + ")\\z");
  }
}

package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.sort.PersonColumns;
import org.detentionaudit.core.sort.PersonPass;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sort pass's state machine derives exactly the per-person columns of the window-function
 * form, on records built to hit every tie: ids differing in case and spaces, missing ids, equal
 * book-ins, open placements, twins, stays without a stay_book_in, codes with spaces and tabs.
 */
@ExtendWith(SharedSpark.class)
class PersonPassEquivalenceTest {
  private static final String[] PEOPLE = {"A1", "a1", " A1 ", "B2", "b2\t", "C3", null, "D4", "\tD4"};
  private static final String[] TIMES = {
    null, "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-02 10:00", "2024-01-05 08:30",
    "2024-02-01 00:00", "2024-03-01 12:00"
  };
  private static final String[] CODES = {null, "F1", "f1", " F1", "F1\t", "G2", "H3"};

  @Test
  void stateMachineEqualsWindowForm(SparkSession spark) {
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      Placements p = new Placements();
      for (int i = 0; i < 600; i++) {
        p.add(
            pick(random, PEOPLE),
            pick(random, TIMES),
            pick(random, TIMES),
            pick(random, TIMES),
            pick(random, TIMES),
            pick(random, CODES),
            random.nextBoolean() ? "Transferred" : null,
            null);
      }
      Dataset<Row> placements = p.toDataset(spark);
      Map<Long, List<Object>> window = derived(PersonOrdering.addPersonColumns(placements, 0));
      Map<Long, List<Object>> machine = derived(PersonPass.addPersonColumns(placements, 0));
      assertThat(machine).as("seed " + seed).hasSize(600).isEqualTo(window);
    }
  }

  private static Map<Long, List<Object>> derived(Dataset<Row> flagged) {
    Map<Long, List<Object>> bySourceRow = new HashMap<>();
    for (Row row : flagged.collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (String column :
          List.of(
              PersonColumns.PREV_MAX_END,
              PersonColumns.EARLIER_TWIN,
              PersonColumns.LATER_IN_STAY,
              PersonColumns.NEXT_IN_STAY_CODE,
              PersonColumns.NEXT_IN_STAY_BOOK_IN,
              PersonColumns.STAY_HAS_BOOK_OUT,
              PersonColumns.PERSON_MAX_BOOK_IN)) {
        values.add(row.getAs(column));
      }
      bySourceRow.put(row.<Long>getAs("source_row"), values);
    }
    return bySourceRow;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}

package org.detentionaudit.core.sort;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns each failing record (its finding columns, then the list of its failures, each a {@code
 * (rule_id, detail)} struct) into one findings row per failure, counting findings per rule in a
 * {@link CountsAccumulator} as they go by.
 */
final class FindingRows implements FlatMapFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;
  private final CountsAccumulator perRule;

  FindingRows(CountsAccumulator perRule) {
    this.perRule = perRule;
  }

  /**
   * @param record {@code source_file, source_row, person_id, stay_book_in, book_in, book_out,
   *     facility_code, facility_name, failures}
   */
  @Override
  public Iterator<Row> call(Row record) {
    List<Row> failures = record.getList(8);
    if (failures == null || failures.isEmpty()) {
      return Collections.emptyIterator();
    }
    List<Row> out = new ArrayList<>(failures.size());
    for (Row failure : failures) {
      String ruleId = failure.getString(0);
      perRule.add(ruleId);
      out.add(
          RowFactory.create(
              ruleId,
              record.get(0),
              record.get(1),
              record.get(2),
              record.get(3),
              record.get(4),
              record.get(5),
              record.get(6),
              record.get(7),
              failure.get(1)));
    }
    return out.iterator();
  }
}

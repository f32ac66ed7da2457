package org.detentionaudit.core.measure;

import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;

/**
 * The U.S. federal fiscal year of a timestamp: FY2012 runs from 1 October 2011 00:00 to 30
 * September 2012 23:59:59. Null for a null timestamp.
 */
public final class FiscalYear {
  private FiscalYear() {}

  /** The fiscal year of {@code timestamp} as an integer column. */
  public static Column of(Column timestamp) {
    return when(month(timestamp).geq(10), year(timestamp).plus(1)).otherwise(year(timestamp));
  }
}

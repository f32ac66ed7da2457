package org.detentionaudit.core.compare;

import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/**
 * Every file of a comparison's output folder, with its schema (the Parquet table): the one list
 * the writer, the tests and the docs follow.
 */
public enum ComparisonOutput {
  COMPARE_PARQUET("compare.parquet", ComparisonRow.SCHEMA, "one row per compared quantity"),
  COMPARE_JSON("compare.json", null, "both runs (versions, inputs, layouts, extract dates, windows), flagged rows by kind"),
  COMPARE_HTML("compare.html", null, "the comparison for reading: what changed most first");

  private final String file;
  private final StructType schema;
  private final String content;

  ComparisonOutput(String file, StructType schema, String content) {
    this.file = file;
    this.schema = schema;
    this.content = content;
  }

  public String file() {
    return file;
  }

  public Optional<StructType> schema() {
    return Optional.ofNullable(schema);
  }

  public String content() {
    return content;
  }
}

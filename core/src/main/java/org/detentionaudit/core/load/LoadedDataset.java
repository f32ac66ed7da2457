package org.detentionaudit.core.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.detentionaudit.rules.CanonicalField;

/**
 * The loaded inputs, ready for the audit.
 *
 * @param placements the readable rows in the placement schema ({@link PlacementSchema}), read from
 *     the persisted parse output; fields an input lacks are null
 * @param quarantine the unreadable rows: {@code source_file string, source_row long, raw string,
 *     reason string}; empty when every row was read
 * @param availableFields the canonical fields present in every input (intersection); a field
 *     outside this set may still be non-null for rows of some inputs
 * @param inputs one account per input, in input order
 * @param windowStart the first day of the release window: the earliest {@code covers_from} of the
 *     inputs' layouts when every one has it, else empty (then {@code stay.implausibly_early} is
 *     NOT_APPLICABLE)
 * @param cached the persisted dataset that {@code placements} and {@code quarantine} are filters
 *     of (the parse output of all inputs), released by {@link #unpersist()}
 * @param rawColumns the inputs' own columns, for the column profile: the counts made while text
 *     and workbook inputs were parsed, and the Parquet inputs' cells as text (lazy, not cached)
 * @param summarySheets the {@code Summary} sheet of each workbook input that has one, in input
 *     order (ICE's own totals, for the reconciliation)
 * @param scanRows when the inputs are read directly rather than cached (Parquet inputs alone:
 *     {@code cached} is null), every row read, lazily: the parse output ({@link
 *     PlacementSchema#PARSE_OUTPUT}) and the row's raw cells ({@link RawColumns#CELLS}), so that
 *     one aggregation can count the loaded records and profile every row; else null
 */
public record LoadedDataset(
    Dataset<Row> placements,
    Dataset<Row> quarantine,
    Set<CanonicalField> availableFields,
    List<InputAccounting> inputs,
    Optional<LocalDate> windowStart,
    Dataset<Row> cached,
    RawColumns rawColumns,
    List<WorkbookSummarySheet> summarySheets,
    Dataset<Row> scanRows) {
  public LoadedDataset {
    availableFields = Set.copyOf(availableFields);
    inputs = List.copyOf(inputs);
    summarySheets = List.copyOf(summarySheets);
  }

  /** A dataset without workbook summary sheets. */
  public LoadedDataset(
      Dataset<Row> placements,
      Dataset<Row> quarantine,
      Set<CanonicalField> availableFields,
      List<InputAccounting> inputs,
      Optional<LocalDate> windowStart,
      Dataset<Row> cached,
      RawColumns rawColumns) {
    this(placements, quarantine, availableFields, inputs, windowStart, cached, rawColumns, List.of(), null);
  }

  /**
   * Releases the cached parse output behind both datasets (non-blocking). Safe to call twice;
   * using the datasets afterwards reads the inputs again.
   */
  public void unpersist() {
    if (cached != null) {
      cached.unpersist(false);
    }
    placements.unpersist(false);
    quarantine.unpersist(false);
  }
}

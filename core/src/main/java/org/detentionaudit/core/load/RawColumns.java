package org.detentionaudit.core.load;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every input's columns for the column profile: the counts made while text files and workbooks
 * were parsed, and the rows of the other inputs (Parquet) with their own columns, as text.
 *
 * <p>{@link #cells()} is a lazy view that reads its inputs again when used (it is not part of the
 * cached placements). Rows: {@code input_unit int, cells array<string>, errors array<int>,
 * timestamps array<timestamp_ntz>}, one per record; cells are as written (not trimmed), null where the file holds no cell, Parquet values
 * cast to text, except timestamps without time zone: those are null in {@code cells} and given at
 * their position in {@code timestamps} ({@code array<timestamp_ntz>}, null when the input has no
 * such column), so that the profile need not render every one as text. {@code errors} lists the
 * 0-based positions of a row's error cells, and is null when the row has none (always, for
 * Parquet).
 *
 * <p>Text and workbook inputs are counted as {@link org.detentionaudit.core.profile.ColumnCounts}
 * counts rows of that schema, in the load's parse tasks: one row per record that splits into the
 * header's columns (text records with broken quoting or a wrong field count, and sheet rows with a
 * value beyond the header, are left out: they have no reliable columns and are in the
 * quarantine); a workbook's cells are placed at their workbook column ({@link WorkbookColumns}),
 * native Excel dates as ISO text ({@code 2024-01-31T10:05}), error cells ({@code #N/A}, {@code
 * #REF!}, ...) null and listed in {@code errors}.
 *
 * @param cells the raw rows of the inputs not counted while parsing, or null when there are none
 * @param inputs one entry per input, in input order, naming the columns of its rows
 * @param parsedCounts the column counts of the inputs counted while parsing, as {@link
 *     org.detentionaudit.core.profile.ColumnCounts} writes them (keyed by input unit; a unit
 *     without counted rows is absent), or null when there are none
 */
public record RawColumns(Dataset<Row> cells, List<ProfiledInput> inputs, String parsedCounts) {
  public static final String INPUT_UNIT = PlacementSchema.INPUT_UNIT;
  public static final String CELLS = "cells";
  public static final String ERRORS = "errors";
  public static final String TIMESTAMPS = "timestamps";

  /** The schema of {@link #cells()}. */
  public static final StructType SCHEMA =
      new StructType()
          .add(INPUT_UNIT, DataTypes.IntegerType, false)
          .add(CELLS, DataTypes.createArrayType(DataTypes.StringType, true), false)
          .add(ERRORS, DataTypes.createArrayType(DataTypes.IntegerType, false), true)
          .add(TIMESTAMPS, DataTypes.createArrayType(DataTypes.TimestampNTZType, true), true);

  public RawColumns {
    inputs = List.copyOf(inputs);
  }

  /** Inputs whose every row is in {@code cells}: none counted while parsing. */
  public RawColumns(Dataset<Row> cells, List<ProfiledInput> inputs) {
    this(cells, inputs, null);
  }
}

package org.detentionaudit.core.load;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every input's rows with the input's own columns, as text, for the column profile: a lazy view
 * that reads the inputs again when used (it is not part of the cached placements).
 *
 * <p>Rows: {@code input_unit int, cells array<string>, errors array<int>}, one per record that splits into the
 * header's columns (text records with broken quoting or a wrong field count, and sheet rows with a
 * value beyond the header, are left out: they have no reliable columns and are in the quarantine).
 * Cells are as written (not trimmed), null where the file holds no cell; native Excel dates are ISO
 * text ({@code 2024-01-31T10:05}) and Parquet values are cast to text. {@code errors array<int>}
 * lists the 0-based positions of a workbook row's error cells ({@code #N/A}, {@code #REF!}, ...;
 * their cells are null), and is null when the row has none (always, for text and Parquet).
 *
 * @param cells the raw rows of all inputs
 * @param inputs one entry per input, in input order, naming the cells of its rows
 */
public record RawColumns(Dataset<Row> cells, List<ProfiledInput> inputs) {
  public static final String INPUT_UNIT = PlacementSchema.INPUT_UNIT;
  public static final String CELLS = "cells";
  public static final String ERRORS = "errors";

  /** The schema of {@link #cells()}. */
  public static final StructType SCHEMA =
      new StructType()
          .add(INPUT_UNIT, DataTypes.IntegerType, false)
          .add(CELLS, DataTypes.createArrayType(DataTypes.StringType, true), false)
          .add(ERRORS, DataTypes.createArrayType(DataTypes.IntegerType, false), true);

  public RawColumns {
    inputs = List.copyOf(inputs);
  }
}

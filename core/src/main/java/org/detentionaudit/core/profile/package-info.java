/**
 * Profile: {@code profile.parquet}, per input and input column (as the file names it) its values,
 * missing, redacted and error cells, distinct values and most frequent values, from plain-Java
 * column counts ({@code ColumnCounts}) made for text and workbook inputs in the load's parse tasks
 * ({@code ColumnCountsAccumulator}) and for Parquet inputs by one aggregation over their columns.
 */
package org.detentionaudit.core.profile;

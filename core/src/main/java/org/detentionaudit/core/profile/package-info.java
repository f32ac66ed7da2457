/**
 * Profile: {@code profile.parquet}, per input and input column (as the file names it) its values,
 * missing, redacted and error cells, distinct values and most frequent values, in one aggregation
 * over the inputs' own columns whose only aggregate is plain Java ({@code ColumnCounts}).
 */
package org.detentionaudit.core.profile;

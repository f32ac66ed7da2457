/**
 * Reading the user's inputs (delimited text, gzip, Excel .xlsx workbooks, Parquet; files or
 * folders) into one normalized placement table plus a quarantine of the rows that could not be read, streamed inside Spark tasks
 * (a large plain text file in byte ranges, by several tasks: {@link
 * org.detentionaudit.core.load.TextFileSplitter}) with an exact per-input account of rows read, loaded and quarantined (and, for text, of its
 * physical lines and the encoding it was decoded in: {@link org.detentionaudit.core.load.TextEncoding},
 * detected or given, applied strictly so that no byte is ever replaced). The tasks that parse text
 * files and workbooks also count their columns for the column profile ({@link
 * org.detentionaudit.core.load.RawColumns}), so those inputs are read once, into one cache both
 * passes read. Parquet inputs are not cached: each pass reads the files ({@link
 * org.detentionaudit.core.load.LoadedDataset#scanRows()}), and their rows read come from the footers.
 */
package org.detentionaudit.core.load;

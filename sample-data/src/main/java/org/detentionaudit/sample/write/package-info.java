/**
 * Streaming writers: the released layouts (column names, date formats) and the file formats
 * (delimited text, gzip, Parquet), plus injection of malformed lines into text files.
 */
package org.detentionaudit.sample.write;

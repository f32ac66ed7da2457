/**
 * A history of audits: each run's metrics appended to a folder of Parquet files ({@code
 * HistoryStore}, one file per run, staged under a hidden name and renamed, so concurrent runs never
 * corrupt it), and the new run judged against the earlier releases in it ({@code HistoryCheck}, with
 * the thresholds and change detector of {@code compare}). It comes after the audit in the data
 * flow: the metrics are the audit's output tables, before the output folder is committed.
 */
package org.detentionaudit.core.history;

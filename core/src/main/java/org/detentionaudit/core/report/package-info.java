/**
 * Report: turns rule outcomes and input accounting into the run's report model, the
 * {@code summary.parquet} table, {@code summary.json} and the human-readable {@code report.html}.
 */
package org.detentionaudit.core.report;

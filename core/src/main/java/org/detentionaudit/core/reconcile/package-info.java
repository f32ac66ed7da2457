/**
 * Reconcile: sets the audited records beside the release's own totals, the {@code Summary} sheet
 * of an ICE workbook and any totals the user publishes with {@code --published}, per fiscal year
 * (and facility), and writes the differences ({@code reconciliation.parquet}, {@code summary.json}
 * {@code reconciliation}, the report's "Does it add up to ICE's own totals?").
 *
 * <p>Sits after measure in the data flow: it reads the loaded placements and the bed-days already
 * measured, and adds at most two small aggregations (book-ins per sheet or facility and fiscal
 * year; stay lengths, only when average lengths of stay are published).
 */
package org.detentionaudit.core.reconcile;

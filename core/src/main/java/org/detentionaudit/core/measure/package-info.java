/**
 * Measure: what the loaded placements say about the four reporting questions, as numbers for the
 * report and {@code summary.json}: the dataset's size and date range, how long placements and stays
 * last ({@link org.detentionaudit.core.measure.DatasetFacts}), and detention bed-days and their
 * estimated cost per facility and fiscal year ({@link org.detentionaudit.core.measure.BedDays}).
 *
 * <p>Sits between check and report in the data flow: it reads the same normalized placements as
 * the rules, and everything it computes is written to an output table before the report shows it.
 * Only plausible timestamps are measured ({@link org.detentionaudit.core.check.PlausibleTimestamps}):
 * a placement or stay with an implausible date has an unknown length, no bed-days and no cost.
 */
package org.detentionaudit.core.measure;

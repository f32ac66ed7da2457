/**
 * Release over release, after the audit in the data flow: its inputs are finished audit output
 * folders, and no record is read again. {@code ReleaseMetrics} reads a folder back as comparable
 * metrics (and as named numbers for a history); {@code Thresholds} (a YAML file over the bundled
 * default, per {@code ChangeKind}) says when a change is too large; {@code ChangeDetector} judges
 * the last value of a series against them with Deequ's anomaly-detection strategies and says why;
 * {@code ReleaseComparison} sets two releases side by side as the rows of {@code compare.parquet}
 * ({@code ComparisonRow}), which {@code ComparisonOutputs} writes with {@code compare.json} and
 * {@code compare.html} into an atomic output folder.
 */
package org.detentionaudit.core.compare;

/**
 * Release over release: what an audit's output folder says, read back as comparable metrics
 * ({@code ReleaseMetrics}, no record is read again), the thresholds that decide when a metric
 * changed too much ({@code Thresholds}, a YAML file or the bundled default) and the judgement of a
 * series of values against them ({@code ChangeDetector}, on Deequ's anomaly-detection strategies).
 * It comes after the audit in the data flow: its input is one or more finished output folders.
 */
package org.detentionaudit.core.compare;

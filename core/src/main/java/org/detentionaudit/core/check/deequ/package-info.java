/**
 * The only package that sees Deequ, and but for {@code progress.TaskRows} (Spark's task metrics)
 * the only one that sees Scala types: it turns named SQL predicates into Deequ analyzers, runs them
 * in one shared scan and hands plain Java counts back; it also asks Deequ's change strategies
 * (anomaly detection) about one step of a series of values, for the release comparison.
 */
package org.detentionaudit.core.check.deequ;

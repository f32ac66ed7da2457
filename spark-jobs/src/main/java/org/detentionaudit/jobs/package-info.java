/**
 * The thin command line and spark-submit main: parses options, builds or joins a SparkSession,
 * calls {@code detention-audit-core}, prints a short result and returns the exit status of docs/output-contract.md
 * (0 ran, 1 {@code --fail-on} threshold reached, 2 usage or input error).
 */
package org.detentionaudit.jobs;

/**
 * The scan pass, the first of the audit's two passes over the records: one aggregation (one Spark
 * job) for everything that needs each record once and no other record: the dataset facts, the
 * Deequ counts of the rule predicates known before the records are read, the distinct facility
 * (code, name) pairs, and over Parquet inputs the column profile of every row read (the record
 * aggregates then filtered to the loaded records: {@code AggregateFilter}). A measure that needs no
 * ordering of records joins this pass.
 */
package org.detentionaudit.core.scan;

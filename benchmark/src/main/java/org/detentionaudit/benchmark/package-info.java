/**
 * The benchmark ({@code bin/benchmark}): on one generated Parquet dataset it times (a) the full
 * audit command, (b) a naive baseline (one Deequ check per column rule, one Spark SQL query per
 * cross-row rule) and (c) the same rule meanings as hand-written DuckDB SQL, each in its own JVM,
 * and checks every contender's failed counts against the generator's manifest.
 *
 * <p>Not part of the product: nothing depends on this module, and DuckDB never reaches the
 * product jars.
 */
package org.detentionaudit.benchmark;

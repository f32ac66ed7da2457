/**
 * A real Spark standalone cluster on 127.0.0.1 for integration tests: a throwaway Spark home made
 * from the test class path, a master and a worker as child JVMs, and client-mode {@code
 * spark-submit} of the thin job jar, with the logs needed to tell why a run failed.
 */
package org.detentionaudit.jobs.cluster;

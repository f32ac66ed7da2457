/**
 * Check: evaluates the rule catalog on normalized placements. Column-level rules are counted in one
 * Deequ pass; per-person and per-stay rules share one partitioning and sort of the placements
 * (Spark SQL window functions); every failing record becomes a finding row. Facilities are keyed by
 * code, or by name where the layout has names but no codes ({@code FacilityNameLookup}). Metrics
 * are computed apart from judging them against thresholds. {@code PlausibleTimestamps} is the one
 * definition of a plausible date, shared with the measures.
 */
package org.detentionaudit.core.check;

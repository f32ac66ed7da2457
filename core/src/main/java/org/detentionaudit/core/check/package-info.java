/**
 * Check: what each rule means and how it is judged, engine-side. {@code RulePredicates} writes each
 * rule as Spark SQL over the placement columns and the sort pass's per-person columns; {@code
 * RuleEvaluation} plans before the scan pass which rules apply and which predicates the scan counts
 * with Deequ ({@code check.deequ}), then judges every rule from the sort pass's counts against its
 * thresholds. Facilities are keyed by code, or by name where the layout has names but no codes
 * ({@code FacilityNameLookup}). {@code PlausibleTimestamps} is the one definition of a plausible
 * date, shared with the measures. Nothing here reads records itself: the passes do.
 */
package org.detentionaudit.core.check;

/**
 * The sort pass, the second and last pass over the records: one repartition by person and sort
 * within partitions, a plain-Java state machine per person for the per-person columns, every rule
 * judged in one projection, and one plain-Java pass per record that writes the findings and counts
 * what needs the judgement or the person ordering (findings per rule, the breakdown, facilities and
 * bed-days, people and stays) into tallies merged by accumulators that stay exact when tasks are
 * retried. A measure that needs a person's other records, or a rule's verdict, joins this pass.
 */
package org.detentionaudit.core.sort;

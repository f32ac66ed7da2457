package org.detentionaudit.rules;

/** What a rule needs to see to judge one record; decides which engine pass evaluates it. */
public enum RuleScope {
  /** The record alone: evaluated in the single column-rule scan. */
  RECORD,
  /** The record and the person's other placements: evaluated in the single per-person sort. */
  PERSON
}

/**
 * The engine-free rule model: rule kinds, their applicability to a layout ({@link
 * org.detentionaudit.rules.Applicability}), the YAML rule catalog with its user overrides, and the
 * judgement of a rule's counts against its thresholds. No Spark and no Scala here, so the catalog
 * can be validated before any engine starts.
 */
package org.detentionaudit.rules;

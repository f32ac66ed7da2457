/**
 * The engine-free rule model: rule kinds, the YAML rule catalog with its user overrides, and the
 * judgement of a rule's counts against its thresholds. No Spark and no Scala here, so the catalog
 * can be validated before any engine starts.
 */
package org.detentionaudit.rules;

/**
 * The test oracle: a plain-Java, engine-free evaluation of the 15 core rules (docs/rules.md) on normalized
 * placement values, written independently of {@code core} so that the audit engine can be checked
 * against it.
 */
package org.detentionaudit.sample.oracle;

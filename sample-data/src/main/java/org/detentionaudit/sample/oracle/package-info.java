/**
 * The test oracle: a plain-Java, engine-free evaluation of SPEC.md's 15 core rules on normalized
 * placement values, written independently of {@code core} so that the audit engine can be checked
 * against it.
 */
package org.detentionaudit.sample.oracle;

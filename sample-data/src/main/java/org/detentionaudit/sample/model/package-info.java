/**
 * The vocabulary of generated records: placements as they are written (raw text, including
 * redaction markers), person profiles, facilities, and the released value lists they draw from.
 */
package org.detentionaudit.sample.model;

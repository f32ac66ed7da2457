/**
 * Turning raw cells into canonical values: trimming, recognising missing values and FOIA redaction
 * markers, and parsing the date-time spellings found in released files into zone-less wall-clock
 * timestamps. Pure Java, no Spark, so every rule here is cheap to test exhaustively.
 */
package org.detentionaudit.core.normalize;

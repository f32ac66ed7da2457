/**
 * detention-audit's library entry point: {@link org.detentionaudit.core.DetentionAudit} runs the
 * audit (load → normalize → check → report → write) on a caller's SparkSession and returns an
 * {@link org.detentionaudit.core.AuditResult}.
 */
package org.detentionaudit.core;

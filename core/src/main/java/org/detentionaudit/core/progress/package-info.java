/**
 * How an audit tells its caller how far it has got: the stages of a run ({@link
 * org.detentionaudit.core.progress.AuditStage}), the callback that hears them ({@link
 * org.detentionaudit.core.progress.AuditProgress}), and a Spark listener that counts the rows each
 * stage has handled, pass by pass ({@link org.detentionaudit.core.progress.StageRowCounter}, summed
 * by {@code StagePasses} into a {@link org.detentionaudit.core.progress.StageProgress}). Nothing here
 * prints: the command line decides what a person sees.
 */
package org.detentionaudit.core.progress;

/**
 * Outputs: the one list of an audit's output files and their schemas ({@code AuditOutput}), the
 * writer that puts them into the output folder from the two passes' results ({@code
 * OutputWriter}), and the folder itself, written atomically (a temporary sibling folder renamed
 * into place, never onto an existing path) under a lock file that keeps a second run on the same
 * folder out ({@code AtomicOutputFolder}, {@code OutputLock}).
 */
package org.detentionaudit.core.outputs;

/**
 * Write: puts every output of a run into its folder atomically (a temporary sibling folder renamed
 * into place, never onto an existing path), so a failed run leaves no partial folder behind, under
 * a lock file that keeps a second run on the same folder out.
 */
package org.detentionaudit.core.write;

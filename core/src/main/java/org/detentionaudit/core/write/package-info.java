/**
 * Write: puts every output of a run into its folder atomically (a temporary sibling folder renamed
 * into place), so a failed run leaves no partial folder behind.
 */
package org.detentionaudit.core.write;

package org.detentionaudit.core.load;

import org.detentionaudit.core.layout.LayoutMatch;

/**
 * Where the header of a text file is and what it matched.
 *
 * @param delimiter the field separator
 * @param headerLineIndex 0-based physical line of the header (the number of preamble lines)
 * @param match the layout match of the header
 */
record TextFileHeader(Delimiter delimiter, int headerLineIndex, LayoutMatch match) {}

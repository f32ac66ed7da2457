package org.detentionaudit.core.load;

import java.io.Serializable;
import org.detentionaudit.core.normalize.PlacementNormalizer;

/**
 * Everything a Spark task needs to read one text file, decided on the driver from its header.
 *
 * @param fileIndex the file's position in the expanded input list
 * @param unitIndex the input (accounting unit) the file belongs to
 * @param sourceName the {@code source_file} value
 * @param qualifiedPath the Hadoop path to open
 * @param gzip whether to gunzip
 * @param encoding the encoding to decode lines in (the one the header was found with)
 * @param delimiterCharacter the field separator
 * @param linesBeforeData preamble lines plus the header line
 * @param headerWidth the number of header fields every record must have
 * @param normalizer maps split fields to canonical values
 */
record TextFilePlan(
    int fileIndex,
    int unitIndex,
    String sourceName,
    String qualifiedPath,
    boolean gzip,
    TextEncoding encoding,
    char delimiterCharacter,
    int linesBeforeData,
    int headerWidth,
    PlacementNormalizer normalizer)
    implements Serializable {}

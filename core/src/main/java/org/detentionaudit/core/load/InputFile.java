package org.detentionaudit.core.load;

import java.util.Objects;

/**
 * One file to read, after folders are expanded.
 *
 * @param fileIndex position in the expanded input list (user order, folders sorted by path)
 * @param sourceName the path as the user gave it, or {@code folder/child} for a file in a folder
 * @param userPath the user-given input this file came from
 * @param qualifiedPath the fully qualified Hadoop path (scheme included), used to open the file
 * @param kind text, Parquet or an Excel workbook
 * @param gzip true for a {@code .gz} text file
 */
record InputFile(
    int fileIndex,
    String sourceName,
    String userPath,
    String qualifiedPath,
    Kind kind,
    boolean gzip) {
  enum Kind {
    TEXT,
    PARQUET,
    /** An Excel {@code .xlsx} workbook. */
    XLSX
  }

  InputFile {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(qualifiedPath, "qualifiedPath");
    Objects.requireNonNull(kind, "kind");
  }

  /** The delimiter to prefer when several fit equally well, from the file name. */
  Delimiter preferredDelimiter() {
    String name = sourceName.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".tsv") || name.endsWith(".tsv.gz")) {
      return Delimiter.TAB;
    }
    if (name.endsWith(".txt") || name.endsWith(".txt.gz")) {
      return Delimiter.PIPE;
    }
    return Delimiter.COMMA;
  }
}

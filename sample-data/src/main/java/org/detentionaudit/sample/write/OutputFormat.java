package org.detentionaudit.sample.write;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The file formats analysts re-save ICE tables in (docs/formats-and-layouts.md, "Files"). */
public enum OutputFormat {
  /** Comma-separated, quoted only where needed, LF line ends, header first. */
  CSV("csv", ".csv", true),
  /**
   * Pipe-delimited with every field double-quoted, CRLF line ends, and ICE's 6-line preamble kept
   * above the header (each non-blank preamble line one quoted field, the fifth line blank).
   */
  PIPE("pipe", ".txt", true),
  /** Tab-delimited, quoted only where needed, LF line ends, header first. */
  TSV("tsv", ".tsv", true),
  /** {@link #CSV}, gzip-compressed. */
  CSV_GZIP("csv.gz", ".csv.gz", true),
  /**
   * Parquet, one file, snake_case column names; timestamps INT64 TIMESTAMP(MICROS,
   * isAdjustedToUTC=false), dates INT32 DATE, text UTF8; nulls absent (an empty string stays "").
   */
  PARQUET("parquet", ".parquet", false),
  /**
   * An Excel workbook as ICE's statistical unit exports it, written with POI's streaming SXSSF API:
   * on each data sheet ICE's 6-line preamble, then the header, then the rows; the table split
   * across sheets {@code Placements 1}, {@code Placements 2}, ... when it exceeds the rows per
   * sheet; then a {@code Summary} sheet (placements per fiscal year) and a last {@code Footnotes}
   * sheet. Timestamps and dates are native date cells; text cells are inline strings.
   */
  XLSX("xlsx", ".xlsx", false);

  private final String id;
  private final String extension;
  private final boolean text;

  OutputFormat(String id, String extension, boolean text) {
    this.id = id;
    this.extension = extension;
    this.text = text;
  }

  /** The name used on the command line and in manifests, e.g. {@code csv.gz}. */
  public String id() {
    return id;
  }

  /** The file name extension, with its dot, e.g. {@code .csv.gz}. */
  public String extension() {
    return extension;
  }

  /** Whether the format is line-based text (and so can carry malformed lines). */
  public boolean isText() {
    return text;
  }

  /**
   * Finds a format by id ({@code csv}, {@code pipe}, {@code tsv}, {@code csv.gz}, {@code parquet}, {@code xlsx}).
   *
   * @throws IllegalArgumentException naming the known ids when none matches
   */
  public static OutputFormat byId(String id) {
    for (OutputFormat format : values()) {
      if (format.id.equals(id)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Cannot find output format '" + id + "': known formats are "
            + Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", ")));
  }
}

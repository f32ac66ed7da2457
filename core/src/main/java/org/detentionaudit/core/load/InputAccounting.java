package org.detentionaudit.core.load;

/**
 * What happened to one input: every row read was either loaded or quarantined, so {@code rowsRead
 * == rowsLoaded + rowsQuarantined} always holds.
 *
 * @param path the input as the user gave it (a file, a folder's text file as {@code folder/child},
 *     or a folder of Parquet part files, which counts as one input)
 * @param format {@code csv}, {@code pipe}, {@code tsv}, {@code xlsx} (a workbook: its data sheets
 *     together) or {@code parquet}, with {@code .gz} appended
 *     for gzip-compressed text, e.g. {@code csv.gz}
 * @param layout the name of the layout the input was read with
 * @param rowsRead data rows after the header, as a spreadsheet shows them: blank lines are not
 *     rows, and a record whose quoted value spans lines is one row
 * @param rowsLoaded rows in the placements
 * @param rowsQuarantined rows in the quarantine
 * @param text the encoding and line counts of a text input; null for workbooks and Parquet, which
 *     have neither
 */
public record InputAccounting(
    String path,
    String format,
    String layout,
    long rowsRead,
    long rowsLoaded,
    long rowsQuarantined,
    Text text) {
  public InputAccounting {
    if (rowsRead != rowsLoaded + rowsQuarantined) {
      throw new IllegalArgumentException(
          "rows read (" + rowsRead + ") must equal loaded + quarantined for " + path);
    }
    if (text != null && text.physicalLines() != rowsRead + text.blankLines() + text.continuationLines()) {
      throw new IllegalArgumentException(
          "physical lines (" + text.physicalLines() + ") must equal rows read + blank lines +"
              + " continuation lines for " + path);
    }
  }

  /** A workbook or Parquet input: no text encoding, no lines. */
  public InputAccounting(
      String path, String format, String layout, long rowsRead, long rowsLoaded, long rowsQuarantined) {
    this(path, format, layout, rowsRead, rowsLoaded, rowsQuarantined, null);
  }

  /**
   * The encoding and the lines of a text input. Its physical lines after the header are the rows
   * read, the blank lines and the continuation lines: {@code physicalLines == rowsRead + blankLines
   * + continuationLines}.
   *
   * @param encoding the charset name the file was decoded in ({@code UTF-8}, {@code windows-1252})
   * @param encodingOrigin how it was chosen ({@link TextEncoding}: detected, byte-order mark, given)
   * @param physicalLines lines after the header (and any preamble), blank lines included
   * @param blankLines lines holding nothing but spaces: numbered as rows (a spreadsheet shows them)
   *     but not read as rows
   * @param continuationLines the lines of multi-line records after their first
   * @param multiLineRecords rows read whose quoted value spans lines
   */
  public record Text(
      String encoding,
      String encodingOrigin,
      long physicalLines,
      long blankLines,
      long continuationLines,
      long multiLineRecords) {}
}

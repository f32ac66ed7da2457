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
 * @param rowsRead data rows after the header (blank lines are not rows)
 * @param rowsLoaded rows in the placements
 * @param rowsQuarantined rows in the quarantine
 */
public record InputAccounting(
    String path,
    String format,
    String layout,
    long rowsRead,
    long rowsLoaded,
    long rowsQuarantined) {
  public InputAccounting {
    if (rowsRead != rowsLoaded + rowsQuarantined) {
      throw new IllegalArgumentException(
          "rows read (" + rowsRead + ") must equal loaded + quarantined for " + path);
    }
  }
}

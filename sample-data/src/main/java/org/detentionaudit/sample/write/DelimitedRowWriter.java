package org.detentionaudit.sample.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.detentionaudit.sample.model.PlacementRecord;

/**
 * Writes comma, pipe or tab-delimited text (optionally gzip-compressed) with commons-csv. A null
 * cell is written empty; no value contains a line break, so one record is one line.
 */
final class DelimitedRowWriter implements RowWriter {

  /** ICE's statistical unit preamble (docs/formats-and-layouts.md), kept above the header in pipe-delimited files. */
  static final List<String> ICE_PREAMBLE =
      List.of(
          "ERO-LESA Statistical Tracking Unit",
          "For Official Use Only (FOUO)/Pre-decisional",
          "ICE Detention Placements - Synthetic Sample (detention-audit sample-data)",
          "Please review the last tab for footnotes.",
          "",
          "FY2012 - FY2025 YTD ICE Detention Placements Nationwide (synthetic, generated with known defects)");

  private final Layout layout;
  private final Writer out;
  private final CSVPrinter printer;
  private final char delimiter;
  private final String recordSeparator;
  private final boolean quoteEveryField;

  DelimitedRowWriter(Path file, Layout layout, OutputFormat format) throws IOException {
    this.layout = layout;
    this.delimiter = format == OutputFormat.PIPE ? '|' : format == OutputFormat.TSV ? '\t' : ',';
    this.recordSeparator = format == OutputFormat.PIPE ? "\r\n" : "\n";
    this.quoteEveryField = format == OutputFormat.PIPE;
    OutputStream stream = Files.newOutputStream(file);
    if (format == OutputFormat.CSV_GZIP) {
      stream = new GZIPOutputStream(stream, 1 << 16);
    }
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    CSVFormat csvFormat =
        CSVFormat.DEFAULT.builder()
            .setDelimiter(delimiter)
            .setRecordSeparator(recordSeparator)
            .setQuoteMode(format == OutputFormat.PIPE ? QuoteMode.ALL : QuoteMode.MINIMAL)
            .build();
    if (format == OutputFormat.PIPE) {
      for (String line : ICE_PREAMBLE) {
        out.write(line.isEmpty() ? "" : quoted(line));
        out.write(recordSeparator);
      }
    }
    this.printer = new CSVPrinter(out, csvFormat);
    printer.printRecord(layout.headers());
  }

  @Override
  public void write(PlacementRecord row) throws IOException {
    printer.printRecord(cells(row));
  }

  @Override
  public void writeMalformed(MalformedLineKind kind, PlacementRecord template) throws IOException {
    List<String> cells = cells(template);
    switch (kind) {
      case WRONG_FIELD_COUNT:
        printer.printRecord(cells.subList(0, cells.size() - 3));
        break;
      case UNPARSEABLE_DATE:
        cells.set(layout.indexOf(layout.bookInHeader()), MalformedLineKind.UNPARSEABLE_DATE_VALUE);
        printer.printRecord(cells);
        break;
      case BROKEN_QUOTING:
        int broken = layout.brokenQuotingColumn();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
          if (i > 0) {
            line.append(delimiter);
          }
          line.append(quoted(cells.get(i) == null ? "" : cells.get(i)));
          if (i == broken) {
            line.append("x");
          }
        }
        printer.flush();
        out.write(line.toString());
        out.write(recordSeparator);
        break;
      default:
        throw new IllegalArgumentException("Cannot write malformed line: unknown kind " + kind);
    }
  }

  private List<String> cells(PlacementRecord row) {
    List<LayoutColumn> columns = layout.columns();
    List<String> cells = new ArrayList<>(columns.size());
    for (LayoutColumn column : columns) {
      String cell = layout.format(column.value().apply(row));
      // commons-csv leaves a null unquoted even in QuoteMode.ALL; pipe files quote every field
      cells.add(cell == null && quoteEveryField ? "" : cell);
    }
    return cells;
  }

  private static String quoted(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}

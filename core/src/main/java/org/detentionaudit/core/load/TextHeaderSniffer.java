package org.detentionaudit.core.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.Layout;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.layout.LayoutMatch;

/**
 * Finds the header of a text file on the driver by reading only its first lines: every line that
 * may be the header (up to the largest preamble a candidate layout allows) is split with every
 * delimiter and matched against the layouts; the best (line, delimiter, layout) wins.
 *
 * <p>Best means most matched known columns, then higher layout coverage, then the earlier line,
 * then the delimiter the file name suggests ({@code .tsv} tab, {@code .txt} pipe, else comma).
 */
final class TextHeaderSniffer {
  private final Configuration configuration;
  private final LayoutCatalog catalog;

  TextHeaderSniffer(Configuration configuration, LayoutCatalog catalog) {
    this.configuration = configuration;
    this.catalog = catalog;
  }

  private record Candidate(int lineIndex, Delimiter delimiter, int delimiterRank, LayoutMatch match) {}

  /**
   * @param encoding the file's encoding: the header is read in it, as the data will be
   * @throws InputException when the file is empty, cannot be read, or its header matches no layout
   */
  TextFileHeader sniff(InputFile file, TextEncoding encoding, Optional<Layout> forced) {
    int candidateLines = catalog.maxPreambleLines(forced) + 1;
    List<String> lines = readFirstLines(file, encoding, candidateLines);
    if (lines.stream().allMatch(String::isBlank)) {
      throw new InputException(
          "Cannot read file '"
              + file.sourceName()
              + "': it is empty (no header, no data). Check that the export or download finished.");
    }
    List<Delimiter> delimiters = delimitersByPreference(file.preferredDelimiter());
    List<Candidate> candidates = new ArrayList<>();
    for (int lineIndex = 0; lineIndex < lines.size(); lineIndex++) {
      String line = lines.get(lineIndex);
      if (line.isBlank()) {
        continue;
      }
      for (int rank = 0; rank < delimiters.size(); rank++) {
        Delimiter delimiter = delimiters.get(rank);
        Optional<List<String>> fields = DelimitedLineSplitter.split(line, delimiter.character());
        if (fields.isPresent()) {
          candidates.add(
              new Candidate(
                  lineIndex, delimiter, rank, catalog.bestMatch(fields.get(), forced)));
        }
      }
    }
    Comparator<Candidate> bestFirst =
        Comparator.<Candidate, LayoutMatch>comparing(Candidate::match, LayoutCatalog.BEST_FIRST)
            .thenComparingInt(Candidate::lineIndex)
            .thenComparingInt(Candidate::delimiterRank);
    Candidate best =
        candidates.stream()
            .min(bestFirst)
            .orElseThrow(
                () ->
                    new InputException(
                        "Cannot read file '"
                            + file.sourceName()
                            + "': no header line could be split into columns in its first "
                            + candidateLines
                            + " lines. Check that it is delimited text."));
    if (best.match().matchedColumns() == 0) {
      best = widestCandidate(candidates);
    }
    LayoutMatch resolved =
        catalog.resolve(best.match().header(), forced, file.sourceName());
    return new TextFileHeader(best.delimiter(), best.lineIndex(), resolved);
  }

  /** When nothing matched, the line and delimiter giving the most columns best shows the file. */
  private static Candidate widestCandidate(List<Candidate> candidates) {
    return candidates.stream()
        .min(
            Comparator.<Candidate>comparingInt(c -> -c.match().header().size())
                .thenComparingInt(Candidate::lineIndex)
                .thenComparingInt(Candidate::delimiterRank))
        .orElseThrow();
  }

  private static List<Delimiter> delimitersByPreference(Delimiter preferred) {
    List<Delimiter> ordered = new ArrayList<>();
    ordered.add(preferred);
    for (Delimiter delimiter : Delimiter.values()) {
      if (delimiter != preferred) {
        ordered.add(delimiter);
      }
    }
    return ordered;
  }

  /** The first lines, decoded as the data will be (a line with an undecodable byte shows it as \xHH). */
  private List<String> readFirstLines(InputFile file, TextEncoding encoding, int count) {
    List<String> lines = new ArrayList<>(count);
    try (TextLineSource reader =
        TextFileOpener.open(configuration, file.qualifiedPath(), file.gzip(), encoding)) {
      TextLine line;
      while (lines.size() < count && (line = reader.readLine()) != null) {
        lines.add(lines.isEmpty() ? TextFileOpener.stripByteOrderMark(line.text()) : line.text());
      }
    } catch (IOException e) {
      throw UnreadableInputException.forIoFailure(file.sourceName(), file.gzip(), e)
          .toInputException();
    }
    return lines;
  }
}

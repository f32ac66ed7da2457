package org.detentionaudit.core.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.Layout;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.layout.LayoutMatch;
import org.detentionaudit.core.normalize.FieldSource;
import org.detentionaudit.core.normalize.PlacementNormalizer;
import org.detentionaudit.rules.CanonicalField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Decides on the driver which sheets of an {@code .xlsx} workbook hold the detention table, by
 * reading only the first rows of each sheet (up to the largest preamble a candidate layout allows,
 * plus the header), as {@link TextHeaderSniffer} does for text.
 *
 * <p>Rules, in order:
 *
 * <ul>
 *   <li>With a sheet name given ({@code --sheet}), only that sheet is read (exact name, else the
 *       trimmed name ignoring case); its header must fit a layout.
 *   <li>Otherwise sheets named {@code Summary} or {@code Footnotes} (trimmed, any case) are not
 *       audited. Of the other sheets, those whose best header row fits a layout are candidates; the
 *       best candidate (most matched columns, then coverage, then tab order) fixes the layout, and
 *       every candidate sheet of that layout is stacked in tab order: a table split across sheets
 *       is one dataset. Sheets holding other tables (arrests, removals) are skipped.
 *   <li>Hidden and very hidden sheets are read like visible ones: hiding a sheet is a display
 *       choice, the data are in the file (and Excel shows them on unhide), so a hidden sheet that
 *       holds the table is audited.
 * </ul>
 */
final class WorkbookSheetSniffer {
  private static final Logger LOG = LoggerFactory.getLogger(WorkbookSheetSniffer.class);
  private static final List<String> NOT_AUDITED = List.of("summary", "footnotes");
  private static final int COLUMNS_IN_MESSAGE = 6;

  private final Configuration configuration;
  private final LayoutCatalog catalog;

  WorkbookSheetSniffer(Configuration configuration, LayoutCatalog catalog) {
    this.configuration = configuration;
    this.catalog = catalog;
  }

  /** The best header row of one sheet, or none when its first rows are blank. */
  private record SheetProbe(
      int sheetIndex, String sheetName, int headerRowIndex, LayoutMatch match, List<String> firstRow) {}

  /** The sheets chosen and the layout they were matched with. */
  record Choice(WorkbookPlan plan, LayoutMatch match, List<CanonicalField> availableFields) {}

  /**
   * @throws InputException when the workbook cannot be opened, the named sheet does not exist, or
   *     no sheet holds a table of a known (or the forced) layout; the message names the file and
   *     lists its sheets
   */
  Choice choose(InputFile file, int unitIndex, Optional<Layout> forced, Optional<String> sheetName) {
    try (WorkbookFile workbook = openOnDriver(file)) {
      List<String> names = workbook.sheetNames();
      if (sheetName.isPresent()) {
        int index = findSheet(names, sheetName.get());
        if (index < 0) {
          throw new InputException(
              "Cannot read sheet '"
                  + sheetName.get()
                  + "' of workbook '"
                  + file.sourceName()
                  + "': the workbook has no sheet of that name. Its sheets: "
                  + quoted(names)
                  + ". Pass one of them to --sheet, or leave --sheet out to detect the data sheets.");
        }
        SheetProbe probe = probe(workbook, index, names.get(index), forced);
        String source = WorkbookPlan.sourceFile(file.sourceName(), names.get(index));
        if (probe.match() == null) {
          throw new InputException(
              "Cannot read sheet '"
                  + names.get(index)
                  + "' of workbook '"
                  + file.sourceName()
                  + "': its first rows are blank. Check the sheet name.");
        }
        LayoutMatch resolved = catalog.resolve(probe.match().header(), forced, source);
        return choice(file, unitIndex, List.of(probe), resolved);
      }
      List<SheetProbe> probes = new ArrayList<>();
      List<String> described = new ArrayList<>();
      for (int index = 0; index < names.size(); index++) {
        String name = names.get(index);
        if (NOT_AUDITED.contains(name.trim().toLowerCase(Locale.ROOT))) {
          described.add("'" + name + "' (not audited: summary or footnotes)");
          continue;
        }
        SheetProbe probe = probe(workbook, index, name, forced);
        probes.add(probe);
        described.add(
            "'"
                + name
                + "' (first columns: "
                + quoted(probe.firstRow().subList(0, Math.min(COLUMNS_IN_MESSAGE, probe.firstRow().size())))
                + ")");
      }
      List<SheetProbe> accepted =
          probes.stream().filter(p -> p.match() != null && accepts(p.match(), forced)).toList();
      if (accepted.isEmpty()) {
        throw new InputException(
            "Cannot find a detention table in workbook '"
                + file.sourceName()
                + "': no sheet's header matches "
                + (forced.isPresent() ? "the forced layout '" + forced.get().name() + "'" : "a known layout")
                + ". Sheets: "
                + (described.isEmpty() ? "none" : String.join("; ", described))
                + ". Choose the data sheet with --sheet NAME, force a layout with --layout NAME, or"
                + " save the data sheet as CSV.");
      }
      SheetProbe best =
          accepted.stream()
              .min(
                  Comparator.<SheetProbe, LayoutMatch>comparing(SheetProbe::match, LayoutCatalog.BEST_FIRST)
                      .thenComparingInt(SheetProbe::sheetIndex))
              .orElseThrow();
      String layoutName = best.match().layout().name();
      List<SheetProbe> stacked =
          accepted.stream().filter(p -> p.match().layout().name().equals(layoutName)).toList();
      for (SheetProbe probe : probes) {
        if (!stacked.contains(probe)) {
          LOG.info(
              "Workbook {}: sheet '{}' skipped (its header does not match layout {})",
              file.sourceName(),
              probe.sheetName(),
              layoutName);
        }
      }
      return choice(file, unitIndex, stacked, best.match());
    } catch (UnreadableInputException e) {
      throw e.toInputException();
    } catch (IOException | SAXException | OpenXML4JException e) {
      // A sheet's first rows could not be read: the zip-bomb guard refusing its part, or damage.
      throw new InputException(
          WorkbookGuard.refusal(file.sourceName(), e)
              .orElseGet(
                  () ->
                      "Cannot read file '"
                          + file.sourceName()
                          + "': "
                          + UnreadableInputException.describe(e)
                          + ". Check that it is a complete .xlsx workbook."),
          e);
    }
  }

  private WorkbookFile openOnDriver(InputFile file) {
    try {
      return WorkbookFile.open(configuration, file.qualifiedPath(), file.sourceName());
    } catch (UnreadableInputException e) {
      throw e.toInputException();
    }
  }

  private boolean accepts(LayoutMatch match, Optional<Layout> forced) {
    return forced.isPresent() ? !match.fieldPositions().isEmpty() : match.isConvincing();
  }

  private Choice choice(InputFile file, int unitIndex, List<SheetProbe> sheets, LayoutMatch unitMatch) {
    List<WorkbookPlan.SheetPlan> plans = new ArrayList<>();
    EnumSet<CanonicalField> available = EnumSet.allOf(CanonicalField.class);
    for (SheetProbe probe : sheets) {
      LayoutMatch match = probe.match();
      List<FieldSource> sources = new ArrayList<>();
      for (Map.Entry<CanonicalField, Integer> entry : match.fieldPositions().entrySet()) {
        sources.add(
            new FieldSource(entry.getKey(), entry.getValue(), match.header().get(entry.getValue())));
      }
      available.retainAll(match.availableFields());
      plans.add(
          new WorkbookPlan.SheetPlan(
              probe.sheetIndex(),
              probe.sheetName(),
              probe.headerRowIndex(),
              match.header(),
              new PlacementNormalizer(sources, match.layout().timestampParser())));
    }
    WorkbookPlan plan =
        new WorkbookPlan(file.fileIndex(), unitIndex, file.sourceName(), file.qualifiedPath(), plans);
    return new Choice(plan, unitMatch, List.copyOf(available));
  }

  /** Reads the first rows of one sheet and finds its best header row. */
  private SheetProbe probe(WorkbookFile workbook, int index, String name, Optional<Layout> forced)
      throws IOException, SAXException, OpenXML4JException {
    int candidateRows = catalog.maxPreambleLines(forced) + 1;
    List<List<String>> rows = new ArrayList<>();
    List<Integer> rowIndexes = new ArrayList<>();
    workbook.readSheet(
        index,
        (rowIndex, cells) -> {
          if (rowIndex >= candidateRows) {
            throw new WorkbookFile.StopReading();
          }
          List<String> header = headerCells(cells);
          if (!header.isEmpty()) {
            rows.add(header);
            rowIndexes.add(rowIndex);
          }
        });
    SheetProbe best = null;
    List<String> firstRow = rows.isEmpty() ? List.of() : rows.get(0);
    List<String> widest = firstRow;
    for (int i = 0; i < rows.size(); i++) {
      LayoutMatch match = catalog.bestMatch(rows.get(i), forced);
      if (rows.get(i).size() > widest.size()) {
        widest = rows.get(i);
      }
      if (best == null || LayoutCatalog.BEST_FIRST.compare(match, best.match()) < 0) {
        best = new SheetProbe(index, name, rowIndexes.get(i), match, firstRow);
      }
    }
    if (best == null) {
      return new SheetProbe(index, name, -1, null, List.of());
    }
    // When nothing matches, the widest row (likely the header) best shows what the sheet holds.
    List<String> shown = best.match().matchedColumns() == 0 ? widest : best.match().header();
    return new SheetProbe(index, name, best.headerRowIndex(), best.match(), shown);
  }

  /** A row's cells as header text: empty for a missing cell, trailing empty cells cut. */
  private static List<String> headerCells(Object[] cells) {
    int width = cells.length;
    while (width > 0 && (cells[width - 1] == null || cells[width - 1].toString().isBlank())) {
      width--;
    }
    List<String> header = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      header.add(cells[i] == null ? "" : cells[i].toString());
    }
    return header;
  }

  /** The index of the sheet called {@code wanted}: exact, else trimmed ignoring case; -1 if none. */
  static int findSheet(List<String> names, String wanted) {
    int exact = names.indexOf(wanted);
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().equalsIgnoreCase(wanted.trim())) {
        return i;
      }
    }
    return -1;
  }

  private static String quoted(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String name : names) {
      shown.add("'" + name + "'");
    }
    return "[" + String.join(", ", shown) + "]";
  }
}

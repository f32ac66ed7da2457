package org.detentionaudit.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.detentionaudit.sample.generate.Defect;
import org.detentionaudit.sample.generate.DefectRates;
import org.detentionaudit.sample.generate.FacilityCatalog;
import org.detentionaudit.sample.generate.SeedCounts;
import org.detentionaudit.sample.model.Facility;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.oracle.CoreRule;
import org.detentionaudit.sample.oracle.KeyField;
import org.detentionaudit.sample.oracle.NormalizedPlacement;
import org.detentionaudit.sample.oracle.ReferenceRuleEvaluator;
import org.detentionaudit.sample.oracle.RuleCount;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.MalformedLineKind;
import org.detentionaudit.sample.write.OutputFormat;
import org.detentionaudit.sample.write.OutputSpec;
import org.detentionaudit.sample.write.RowWriter;

/**
 * The files of one output folder and the oracles judging what they hold: rows arrive one person at a
 * time ({@link #accept}), go to every file and to the oracles (one on the full-field records, one per
 * layout on the values as that layout writes them), and {@link #finish} closes the files and returns
 * the folder's {@link Manifest}. A {@link SampleGenerator} writes one such folder; a {@link
 * ReleaseSeries} one per release.
 */
final class SampleFiles {

  private static final DateTimeFormatter EXTRACT_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final List<OutputSpec> specs;
  private final LocalDateTime extractDate;
  private final int xlsxRowsPerSheet;
  private final long[] malformedPositions;
  private final List<Manifest.MalformedLine> malformed = new ArrayList<>();
  private final ReferenceRuleEvaluator oracle;
  private final Map<Layout, ReferenceRuleEvaluator> layoutOracles = new EnumMap<>(Layout.class);
  private final Map<Layout, List<NormalizedPlacement>> layoutRows = new EnumMap<>(Layout.class);
  private final List<RowWriter> writers = new ArrayList<>();
  private final List<RowWriter> textWriters = new ArrayList<>();
  private final List<NormalizedPlacement> normalized = new ArrayList<>();
  private long rowIndex;
  private long sourceRow;
  private int nextMalformed;
  private PlacementRecord lastRow;
  private long people;
  private final Set<Integer> staysOfPerson = new HashSet<>();
  private long stays;

  /**
   * Opens every output under {@code dir} (created, with the outputs' parent folders; files of the same
   * names are replaced). On an I/O error the files opened so far are closed.
   *
   * @param specs at least one, paths distinct (checked by the caller)
   * @param malformedPositions sorted positions in [0, rows]: a broken line at position i goes before
   *     valid row i of every text file
   */
  SampleFiles(
      Path dir, List<OutputSpec> specs, LocalDateTime extractDate, int xlsxRowsPerSheet, long[] malformedPositions)
      throws IOException {
    this.specs = List.copyOf(specs);
    this.extractDate = extractDate;
    this.xlsxRowsPerSheet = xlsxRowsPerSheet;
    this.malformedPositions = malformedPositions.clone();
    List<Facility> reference = FacilityCatalog.bundled().all();
    this.oracle =
        new ReferenceRuleEvaluator(
            extractDate, reference, Optional.of(SampleGenerator.GENERATED_WINDOW_START), false);
    for (OutputSpec spec : this.specs) {
      layoutOracles.computeIfAbsent(
          spec.layout(),
          layout ->
              new ReferenceRuleEvaluator(
                  extractDate,
                  reference,
                  layout.coversFrom(),
                  !layout.keyFields().contains(KeyField.FACILITY_CODE)
                      && layout.keyFields().contains(KeyField.FACILITY_NAME)));
      layoutRows.computeIfAbsent(spec.layout(), layout -> new ArrayList<>());
    }
    Files.createDirectories(dir);
    try {
      for (OutputSpec spec : this.specs) {
        Path file = dir.resolve(spec.relativePath());
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        RowWriter writer = RowWriter.open(file, spec.layout(), spec.format(), xlsxRowsPerSheet);
        writers.add(writer);
        if (spec.format().isText()) {
          textWriters.add(writer);
        }
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(e);
      throw e;
    }
  }

  /** Writes and judges every row of one person (an empty list changes nothing). */
  void accept(List<PlacementRecord> batch) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    normalized.clear();
    layoutRows.values().forEach(List::clear);
    staysOfPerson.clear();
    for (PlacementRecord row : batch) {
      while (nextMalformed < malformedPositions.length && malformedPositions[nextMalformed] == rowIndex) {
        writeMalformed(row);
      }
      sourceRow++;
      for (RowWriter writer : writers) {
        writer.write(row);
      }
      normalized.add(NormalizedPlacement.of(row));
      for (Map.Entry<Layout, List<NormalizedPlacement>> rows : layoutRows.entrySet()) {
        rows.getValue().add(rows.getKey().asWritten(row));
      }
      staysOfPerson.add(row.stayIndex());
      rowIndex++;
      lastRow = row;
    }
    people++;
    stays += staysOfPerson.size();
    oracle.accept(normalized);
    for (Map.Entry<Layout, List<NormalizedPlacement>> rows : layoutRows.entrySet()) {
      layoutOracles.get(rows.getKey()).accept(rows.getValue());
    }
  }

  /** Valid rows written so far (to each file). */
  long rows() {
    return rowIndex;
  }

  /** People with at least one row written. */
  long people() {
    return people;
  }

  /** Stays with at least one row written. */
  long stays() {
    return stays;
  }

  /** The oracle's counts on the full-field records, by rule id in docs/rules.md order. */
  Map<String, RuleCount> expected() {
    return oracle.countsById();
  }

  /**
   * Writes the broken lines positioned after the last row, closes every file and returns the
   * manifest.
   *
   * @param placements the manifest's {@code placements}; {@code people} and {@code stays} likewise
   */
  Manifest finish(
      String generator, long seed, long placements, long people, long stays, DefectRates rates, SeedCounts counts)
      throws IOException {
    try {
      while (nextMalformed < malformedPositions.length) { // positioned after the last row
        writeMalformed(lastRow);
      }
    } finally {
      closeAll();
    }
    return manifest(generator, seed, placements, people, stays, rates, counts);
  }

  private void writeMalformed(PlacementRecord template) throws IOException {
    MalformedLineKind kind = malformedKind(nextMalformed);
    malformed.add(new Manifest.MalformedLine(++sourceRow, kind.key()));
    for (RowWriter writer : textWriters) {
      writer.writeMalformed(kind, template);
    }
    nextMalformed++;
  }

  private Manifest manifest(
      String generator, long seed, long placements, long people, long stays, DefectRates rates, SeedCounts counts) {
    List<Manifest.FileEntry> files = new ArrayList<>();
    for (OutputSpec spec : specs) {
      files.add(
          new Manifest.FileEntry(
              Path.of(spec.relativePath()).normalize().toString().replace('\\', '/'),
              spec.layout().id(),
              spec.format().id(),
              rowIndex,
              spec.format().isText() ? malformed.size() : 0,
              spec.format() == OutputFormat.XLSX ? sheetEntries() : null));
    }
    Map<String, Map<String, Manifest.ExpectedOutcome>> expectedByFile = new LinkedHashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      expectedByFile.put(
          files.get(i).path(),
          fileExpectations(specs.get(i).layout(), layoutOracles.get(specs.get(i).layout())));
    }
    Map<String, Long> byKind = new LinkedHashMap<>();
    for (MalformedLineKind kind : MalformedLineKind.values()) {
      byKind.put(kind.key(), 0L);
    }
    for (Manifest.MalformedLine line : malformed) {
      byKind.merge(line.kind(), 1L, Long::sum);
    }
    Map<String, Double> defectRates = new LinkedHashMap<>();
    for (Defect defect : Defect.values()) {
      defectRates.put(defect.key(), rates.rate(defect));
    }
    Map<String, String> definitions = new LinkedHashMap<>();
    for (CoreRule rule : CoreRule.values()) {
      definitions.put(rule.id(), rule.recordsCheckedDefinition());
    }
    return new Manifest(
        generator,
        seed,
        placements,
        people,
        stays,
        extractDate.format(EXTRACT_FORMAT),
        new Manifest.Rates(rates.profile().id(), defectRates, rates.nearMissRate(), rates.redactionRate()),
        files,
        new Manifest.MalformedLines(malformed.size(), byKind, malformed),
        new Manifest.Seeded(counts.defectsApplied(), counts.nearMissesApplied()),
        oracle.countsById(),
        expectedByFile,
        definitions);
  }

  /** How the rows of a workbook output are split into data sheets. */
  private List<Manifest.SheetEntry> sheetEntries() {
    List<Manifest.SheetEntry> sheets = new ArrayList<>();
    long first = 1;
    for (int n = 1; first <= rowIndex; n++) {
      long rows = Math.min(xlsxRowsPerSheet, rowIndex - first + 1);
      sheets.add(new Manifest.SheetEntry(RowWriter.xlsxDataSheetName(n), first, rows));
      first += rows;
    }
    return sheets;
  }

  /**
   * Per rule: the layout oracle's counts, or NOT_APPLICABLE naming the fields the layout lacks (and
   * {@code covers_from} for {@code stay.implausibly_early} when the layout gives no window start).
   */
  private static Map<String, Manifest.ExpectedOutcome> fileExpectations(
      Layout layout, ReferenceRuleEvaluator layoutOracle) {
    Map<String, Manifest.ExpectedOutcome> expected = new LinkedHashMap<>();
    Map<CoreRule, RuleCount> counts = layoutOracle.counts();
    for (CoreRule rule : CoreRule.values()) {
      List<String> missing = new ArrayList<>(rule.missingFields(layout.keyFields()));
      if (rule == CoreRule.STAY_IMPLAUSIBLY_EARLY && layout.coversFrom().isEmpty()) {
        missing.add(SampleGenerator.WINDOW_START);
      }
      expected.put(
          rule.id(),
          missing.isEmpty()
              ? Manifest.ExpectedOutcome.judged(counts.get(rule))
              : Manifest.ExpectedOutcome.notApplicable(missing));
    }
    return expected;
  }

  /** Kinds in turn, so that three or more lines include every kind. */
  private static MalformedLineKind malformedKind(int index) {
    MalformedLineKind[] kinds = MalformedLineKind.values();
    return kinds[index % kinds.length];
  }

  /** Closes every file; on an I/O error the other files are still closed and the first error thrown. */
  void closeAll() throws IOException {
    IOException failure = null;
    for (RowWriter writer : writers) {
      try {
        writer.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    writers.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes every file after {@code cause}, adding close failures to it. */
  void closeQuietly(Exception cause) {
    try {
      closeAll();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}

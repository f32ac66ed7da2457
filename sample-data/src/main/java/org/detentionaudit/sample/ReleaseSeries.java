package org.detentionaudit.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.detentionaudit.sample.generate.PlacementSource;
import org.detentionaudit.sample.generate.SeedCounts;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.oracle.KeyField;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.LayoutColumn;
import org.detentionaudit.sample.write.OutputSpec;

/**
 * Writes N releases of one generated population, as an agency's successive releases of the same
 * records, and the {@code releases.json} ({@link ReleaseManifest}) listing the changes planted
 * between the last two.
 *
 * <pre>{@code
 * ReleaseManifest series =
 *     new ReleaseSeries(SampleGenerator.builder().seed(42).placements(3_000).build(), 3)
 *         .write(dir, List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV)));
 * // dir/release-1/ddp-2025.csv, dir/release-2/ddp-2025.csv, dir/release-3/ddp-2026-03.csv,
 * // each with its manifest.json, and dir/releases.json
 * }</pre>
 *
 * <ul>
 *   <li><b>Extract dates.</b> The last release has the generator's extract date; each earlier one is
 *       {@link #MONTHS_BETWEEN_RELEASES} months earlier. Every window starts on {@link
 *       SampleGenerator#GENERATED_WINDOW_START}, so the windows overlap. Release k holds the rows
 *       booked in by its extract date, as its extract shows them (see {@link ReleaseView}): between
 *       releases, stays close and new ones begin. Person i (i &lt; N) is one open placement booked
 *       in at release N - i's extract date, so each release's latest timestamp is its extract date.
 *   <li><b>Identifiers</b> are re-anonymised per release ({@link ReleaseIds}).
 *   <li><b>Planted changes</b>, only between release N - 1 and release N ({@link PlantedChanges}):
 *       the records of one past fiscal year at one mid-size facility are dropped, a column every
 *       row fills ({@code Gender} or {@code Citizenship Country}) is empty, another facility code
 *       gets a new name, and outputs in a layout with a later layout of the same publisher
 *       ({@link Layout#successor()}: DDP 2025 to DDP March 2026) are written in it, which renames
 *       columns.
 * </ul>
 *
 * <p>One streaming pass: each person is generated once and fed to every release's files and
 * oracles, after a pre-pass over at most {@link #SAMPLE_ROWS} rows that chooses the planted changes.
 * Malformed lines are refused: their positions are per file, and a compare of releases would read
 * them as changes. The same settings always give byte-identical text files and manifests.
 */
public final class ReleaseSeries {

  /** Months between two consecutive releases' extract dates. */
  public static final int MONTHS_BETWEEN_RELEASES = 4;

  /** Rows of the population the planted changes are chosen from (all of them when fewer). */
  public static final long SAMPLE_ROWS = 100_000;

  private static final DateTimeFormatter EXTRACT_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final LocalDateTime EARLIEST_EXTRACT_DATE = LocalDateTime.of(2011, 10, 3, 0, 0);

  private final SampleGenerator generator;
  private final int releases;
  private final List<LocalDateTime> extractDates;

  /**
   * @param generator the population's settings; its extract date is the last release's
   * @param releases at least 2
   * @throws IllegalArgumentException when {@code releases} is less than 2, the generator injects
   *     malformed lines, the first release's extract date would be before 2011-10-03, or the
   *     release before the last is too early for a fiscal year to drop records from
   */
  public ReleaseSeries(SampleGenerator generator, int releases) {
    this.generator = Objects.requireNonNull(generator, "generator");
    if (releases < 2) {
      throw new IllegalArgumentException(
          "Cannot write a release series of " + releases + " release(s): need at least 2, as changes are"
              + " planted between the last two");
    }
    if (generator.malformedLines() > 0) {
      throw new IllegalArgumentException(
          "Cannot write a release series with malformed lines (" + generator.malformedLines()
              + "): a compare of the releases would read them as changes; generate without them");
    }
    this.releases = releases;
    List<LocalDateTime> dates = new ArrayList<>();
    for (int k = 1; k <= releases; k++) {
      dates.add(generator.extractDate().minusMonths((long) MONTHS_BETWEEN_RELEASES * (releases - k)));
    }
    this.extractDates = List.copyOf(dates);
    if (extractDates.get(0).isBefore(EARLIEST_EXTRACT_DATE)) {
      throw new IllegalArgumentException(
          "Cannot write " + releases + " releases: the first would be extracted on " + extractDates.get(0)
              + ", before " + EARLIEST_EXTRACT_DATE + " (book-ins start in fiscal year 2012); use fewer"
              + " releases or a later extract date");
    }
    if (PlantedChanges.eligibleFiscalYears(extractDates.get(releases - 2)).isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot write " + releases + " releases: release " + (releases - 1) + " would be extracted on "
              + extractDates.get(releases - 2) + ", too early for a past fiscal year after FY2012 to lose"
              + " records (FY2013 must have ended " + PlantedChanges.MARGIN_DAYS + " days before); use"
              + " fewer releases or a later extract date");
    }
  }

  public int releases() {
    return releases;
  }

  /** The releases' extract dates, release 1 first; the last is the generator's. */
  public List<LocalDateTime> extractDates() {
    return extractDates;
  }

  /** The folder of release {@code k} in the series folder: {@code release-k}. */
  public static String folderName(int release) {
    return "release-" + release;
  }

  /**
   * The last release's outputs: each output in its layout's successor where there is one (named
   * after that layout: {@code ddp-2025.csv} becomes {@code ddp-2026-03.csv}), an output the list
   * already holds written once.
   */
  static List<OutputSpec> lastReleaseOutputs(List<OutputSpec> outputs) {
    List<OutputSpec> last = new ArrayList<>();
    Set<Path> paths = new HashSet<>();
    for (OutputSpec spec : outputs) {
      OutputSpec next = spec;
      if (spec.layout().successor().isPresent()) {
        Layout successor = spec.layout().successor().get();
        String path = spec.relativePath();
        String defaultName = spec.layout().id() + spec.format().extension();
        String renamed =
            path.endsWith(defaultName)
                ? path.substring(0, path.length() - defaultName.length()) + successor.id() + spec.format().extension()
                : path;
        next = new OutputSpec(successor, spec.format(), renamed);
      }
      if (paths.add(Path.of(next.relativePath()).normalize())) {
        last.add(next);
      }
    }
    return last;
  }

  /**
   * Generates the population once and writes {@code dir/release-1} ... {@code dir/release-N}, each
   * with every output and its {@code manifest.json}, then {@code dir/releases.json}.
   *
   * <p>Folders are created; files of the same names are replaced, other files are left alone. On an
   * I/O error the files written so far are left as they are.
   *
   * @param outputs at least one; paths must be distinct
   * @return the series manifest, as also written to {@code dir/releases.json}
   * @throws IllegalArgumentException when {@code outputs} is empty or repeats a path, or when the
   *     population is too small to plant the changes (no record of the chosen fiscal year at a known
   *     facility)
   * @throws IOException when a file cannot be written
   */
  public ReleaseManifest write(Path dir, List<OutputSpec> outputs) throws IOException {
    Objects.requireNonNull(dir, "dir");
    List<OutputSpec> specs = SampleGenerator.checkedOutputs(outputs);
    List<OutputSpec> lastSpecs = lastReleaseOutputs(specs);
    long seed = generator.seed();
    List<ReleaseIds> ids = new ArrayList<>();
    for (int k = 1; k <= releases; k++) {
      ids.add(new ReleaseIds(seed, k));
    }
    Set<Layout> lastTwoLayouts = EnumSet.noneOf(Layout.class);
    specs.forEach(spec -> lastTwoLayouts.add(spec.layout()));
    lastSpecs.forEach(spec -> lastTwoLayouts.add(spec.layout()));
    PlantedChanges changes =
        PlantedChanges.choose(
            seed,
            population(),
            new ReleaseView(extractDates.get(releases - 2), true, ids.get(releases - 2), null),
            extractDates.get(releases - 2),
            SAMPLE_ROWS,
            lastTwoLayouts);

    List<ReleaseView> views = new ArrayList<>();
    List<ReleaseTally> tallies = new ArrayList<>();
    List<SampleFiles> files = new ArrayList<>();
    PlacementSource source = population();
    try {
      for (int k = 1; k <= releases; k++) {
        boolean last = k == releases;
        views.add(new ReleaseView(extractDates.get(k - 1), !last, ids.get(k - 1), last ? changes : null));
        tallies.add(new ReleaseTally(changes));
        files.add(
            new SampleFiles(
                dir.resolve(folderName(k)),
                last ? lastSpecs : specs,
                extractDates.get(k - 1),
                generator.xlsxRowsPerSheet(),
                new long[0]));
      }
      while (source.hasNext()) {
        List<PlacementRecord> person = source.next();
        for (int k = 0; k < releases; k++) {
          List<PlacementRecord> rows = views.get(k).rows(person);
          files.get(k).accept(rows);
          tallies.get(k).add(rows);
        }
      }
    } catch (IOException | RuntimeException e) {
      for (SampleFiles opened : files) {
        opened.closeQuietly(e);
      }
      throw e;
    }
    SeedCounts counts = source.counts();
    List<ReleaseManifest.Release> entries = new ArrayList<>();
    for (int k = 1; k <= releases; k++) {
      SampleFiles release = files.get(k - 1);
      Manifest manifest =
          release.finish(
              SampleGenerator.GENERATOR, seed, release.rows(), release.people(), release.stays(),
              generator.rates(), counts);
      manifest.writeTo(dir.resolve(folderName(k)).resolve(Manifest.FILE_NAME));
      entries.add(entry(k, k == releases ? lastSpecs : specs, manifest, tallies.get(k - 1)));
    }
    ReleaseManifest series =
        new ReleaseManifest(
            SampleGenerator.GENERATOR,
            seed,
            generator.placements(),
            counts.people(),
            counts.stays(),
            generator.rates().profile().id(),
            MONTHS_BETWEEN_RELEASES,
            entries,
            new ReleaseManifest.Between(releases - 1, releases),
            plantedChanges(changes, specs, lastSpecs, tallies.get(releases - 2), tallies.get(releases - 1)),
            notPlanted(specs),
            layoutChanges(specs));
    series.writeTo(dir.resolve(ReleaseManifest.FILE_NAME));
    return series;
  }

  /** A fresh source of the series' population (the same rows each time). */
  private PlacementSource population() {
    List<LocalDateTime> moments = new ArrayList<>();
    for (int k = releases; k >= 1; k--) {
      moments.add(extractDates.get(k - 1)); // the last release's extract date first
    }
    return new PlacementSource(generator.seed(), generator.placements(), moments, generator.rates());
  }

  private ReleaseManifest.Release entry(
      int k, List<OutputSpec> specs, Manifest manifest, ReleaseTally tally) {
    List<String> layouts = new ArrayList<>();
    for (OutputSpec spec : specs) {
      if (!layouts.contains(spec.layout().id())) {
        layouts.add(spec.layout().id());
      }
    }
    List<String> paths = manifest.files().stream().map(Manifest.FileEntry::path).toList();
    Map<Integer, Map<String, Long>> byFacility = new TreeMap<>(tally.byFiscalYearAndFacility());
    String extract = extractDates.get(k - 1).format(EXTRACT_FORMAT);
    return new ReleaseManifest.Release(
        k,
        folderName(k),
        extract,
        new ReleaseManifest.Window(SampleGenerator.GENERATED_WINDOW_START.toString(), extract),
        layouts,
        paths,
        tally.records(),
        manifest.people(),
        manifest.stays(),
        tally.withoutFiscalYear(),
        tally.byFiscalYear(),
        byFacility);
  }

  private static List<ReleaseManifest.Change> plantedChanges(
      PlantedChanges changes,
      List<OutputSpec> specs,
      List<OutputSpec> lastSpecs,
      ReleaseTally before,
      ReleaseTally after) {
    List<ReleaseManifest.Change> planted = new ArrayList<>();
    int year = changes.fiscalYear();
    String dropped = changes.droppedCode();
    planted.add(
        new ReleaseManifest.Change(
            ReleaseManifest.RECORDS_DROPPED, year, dropped, ReleaseTally.mostFrequent(before.droppedNames()),
            null, null, null, null,
            before.records(year, dropped), after.records(year, dropped),
            before.records(year), after.records(year),
            null, null, null));
    planted.add(
        new ReleaseManifest.Change(
            ReleaseManifest.COLUMN_BLANK, null, null, null,
            changes.blankColumn().header(lastSpecs.get(0).layout()), changes.blankColumn().field(), null, null,
            before.blankColumnFilled(), after.blankColumnFilled(),
            null, null, null, null, null));
    planted.add(
        new ReleaseManifest.Change(
            ReleaseManifest.FACILITY_RENAMED, null, changes.renamedCode(), null, null, null, null, null,
            ReleaseTally.mostFrequent(before.renamedNames()), changes.newName(),
            null, null, before.renamedRecords(), after.renamedRecords(), before.renamedNames()));
    Set<String> seen = new HashSet<>();
    for (OutputSpec spec : specs) {
      Layout from = spec.layout();
      if (from.successor().isEmpty() || !seen.add(from.id())) {
        continue;
      }
      Layout to = from.successor().get();
      for (KeyField field : KeyField.values()) {
        LayoutColumn old = from.keyColumn(field);
        LayoutColumn renamed = to.keyColumn(field);
        if (old != null && renamed != null && !old.header().equals(renamed.header())) {
          planted.add(
              new ReleaseManifest.Change(
                  ReleaseManifest.COLUMN_RENAMED, null, null, null, null, field.fieldName(),
                  from.id(), to.id(), old.header(), renamed.header(),
                  null, null, null, null, null));
        }
      }
    }
    return planted;
  }

  private static List<ReleaseManifest.LayoutChange> layoutChanges(List<OutputSpec> specs) {
    Map<Layout, ReleaseManifest.LayoutChange> changes = new LinkedHashMap<>();
    for (OutputSpec spec : specs) {
      Layout from = spec.layout();
      if (from.successor().isEmpty() || changes.containsKey(from)) {
        continue;
      }
      Layout to = from.successor().get();
      Map<String, List<String>> renamed = new LinkedHashMap<>();
      for (KeyField field : KeyField.values()) {
        LayoutColumn old = from.keyColumn(field);
        LayoutColumn next = to.keyColumn(field);
        if (old != null && next != null && !old.header().equals(next.header())) {
          renamed.put(field.fieldName(), List.of(old.header(), next.header()));
        }
      }
      Set<String> renamedHeaders = new HashSet<>();
      renamed.values().forEach(renamedHeaders::addAll);
      List<String> added = new ArrayList<>();
      for (String header : to.headers()) {
        if (!from.headers().contains(header) && !renamedHeaders.contains(header)) {
          added.add(header);
        }
      }
      List<String> dropped = new ArrayList<>();
      for (String header : from.headers()) {
        if (!to.headers().contains(header) && !renamedHeaders.contains(header)) {
          dropped.add(header);
        }
      }
      changes.put(from, new ReleaseManifest.LayoutChange(from.id(), to.id(), renamed, added, dropped));
    }
    return List.copyOf(changes.values());
  }

  private static List<ReleaseManifest.NotPlanted> notPlanted(List<OutputSpec> specs) {
    Map<String, ReleaseManifest.NotPlanted> none = new LinkedHashMap<>();
    for (OutputSpec spec : specs) {
      if (spec.layout().successor().isEmpty()) {
        none.putIfAbsent(
            spec.layout().id(),
            new ReleaseManifest.NotPlanted(
                ReleaseManifest.COLUMN_RENAMED,
                spec.layout().id(),
                "no later layout of the same publisher is known: the last release keeps its headers"));
      }
    }
    return List.copyOf(none.values());
  }
}

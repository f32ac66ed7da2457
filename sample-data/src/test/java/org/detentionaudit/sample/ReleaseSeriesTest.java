package org.detentionaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.generate.FacilityCatalog;
import org.detentionaudit.sample.generate.PlacementSource;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.oracle.NormalizedPlacement;
import org.detentionaudit.sample.oracle.ReferenceRuleEvaluator;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.detentionaudit.sample.write.OutputSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three releases of one population (heavy defects, 3,000 placements) and the changes planted in the third. */
class ReleaseSeriesTest {

  private static final int RELEASES = 3;
  private static final List<OutputSpec> OUTPUTS =
      List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV), OutputSpec.of(Layout.UWCHR_2012_2024, OutputFormat.CSV));
  private static final List<LocalDateTime> EXTRACTS =
      List.of(
          LocalDateTime.of(2024, 10, 26, 0, 0), LocalDateTime.of(2025, 2, 26, 0, 0), LocalDateTime.of(2025, 6, 26, 0, 0));

  private static Path dir;
  private static ReleaseSeries series;
  private static ReleaseManifest manifest;

  @BeforeAll
  static void writeSeries() throws IOException {
    dir = WrittenFiles.tempDir();
    series = new ReleaseSeries(generator(3_000, 42), RELEASES);
    manifest = series.write(dir, OUTPUTS);
  }

  @AfterAll
  static void deleteSeries() {
    WrittenFiles.delete(dir);
  }

  private static SampleGenerator generator(long placements, long seed) {
    return SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(seed).placements(placements).build();
  }

  @Test
  void releasesAreExtractedFourMonthsApartAndShareTheWindowStart() throws IOException {
    assertThat(series.extractDates()).isEqualTo(EXTRACTS);
    assertThat(ReleaseManifest.read(dir.resolve(ReleaseManifest.FILE_NAME))).isEqualTo(manifest);
    assertThat(manifest.releases()).hasSize(RELEASES);
    for (int k = 1; k <= RELEASES; k++) {
      ReleaseManifest.Release release = manifest.release(k);
      String extract = EXTRACTS.get(k - 1).toString() + ":00";
      assertThat(release.folder()).isEqualTo("release-" + k);
      assertThat(release.extractDate()).isEqualTo(extract);
      assertThat(release.window()).isEqualTo(new ReleaseManifest.Window("2011-10-01", extract));
      Manifest files = releaseManifest(k);
      assertThat(files.extractDate()).isEqualTo(extract);
      assertThat(files.placements()).isEqualTo(release.records());
      // The extract date is the release's latest timestamp (so the audit infers it), none is later.
      List<NormalizedPlacement> rows = rows(k, Layout.UWCHR_2012_2024);
      assertThat(rows).hasSize((int) release.records());
      LocalDateTime latest =
          rows.stream()
              .flatMap(row -> Stream.of(row.stayBookIn(), row.bookIn(), row.bookOut(), row.stayBookOut()))
              .filter(t -> t != null)
              .max(LocalDateTime::compareTo)
              .orElseThrow();
      assertThat(latest).isEqualTo(EXTRACTS.get(k - 1));
    }
    assertThat(manifest.release(1).records()).isLessThan(manifest.release(2).records());
    assertThat(manifest.changesBetween()).isEqualTo(new ReleaseManifest.Between(2, 3));
  }

  @Test
  void personIdsAreNewInEachReleaseAndConsistentWithinOne() throws IOException {
    List<Set<String>> idsByRelease = new ArrayList<>();
    for (int k = 1; k <= RELEASES; k++) {
      Set<String> ids =
          rows(k, Layout.UWCHR_2012_2024).stream()
              .map(NormalizedPlacement::personId)
              .filter(id -> id != null)
              .collect(Collectors.toSet());
      assertThat(ids).allMatch(id -> id.matches("[0-9A-F]{16}"));
      assertThat(ids).hasSizeGreaterThan(900);
      for (Set<String> earlier : idsByRelease) {
        assertThat(ids).doesNotContainAnyElementsOf(earlier);
      }
      idsByRelease.add(ids);
    }
    // The views give the files' ids (checked per person in eachPersonKeepsOneIdPerRelease).
    for (int k = 1; k <= RELEASES; k++) {
      ReleaseView view = new ReleaseView(EXTRACTS.get(k - 1), k < RELEASES, new ReleaseIds(42, k), null);
      PlacementSource population = population();
      Set<String> released = new HashSet<>();
      while (population.hasNext()) {
        for (PlacementRecord row : view.rows(population.next())) {
          String id = NormalizedPlacement.normalizeText(row.personId());
          if (id != null) {
            released.add(id);
          }
        }
      }
      if (k < RELEASES) { // the last release drops records: its view here plants nothing
        assertThat(released).isEqualTo(idsByRelease.get(k - 1));
      }
    }
  }

  @Test
  void eachPersonKeepsOneIdPerRelease() {
    PlacementSource population = population();
    List<ReleaseView> views = new ArrayList<>();
    for (int k = 1; k <= RELEASES; k++) {
      views.add(new ReleaseView(EXTRACTS.get(k - 1), k < RELEASES, new ReleaseIds(42, k), null));
    }
    List<Set<String>> seen = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
    while (population.hasNext()) {
      List<PlacementRecord> person = population.next();
      for (int k = 0; k < RELEASES; k++) {
        Set<String> ids =
            views.get(k).rows(person).stream()
                .map(row -> NormalizedPlacement.normalizeText(row.personId()))
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        assertThat(ids).hasSizeLessThanOrEqualTo(1); // consistent within the release
        for (String id : ids) {
          assertThat(seen.get(k).add(id)).as("id shared by two people").isTrue();
        }
      }
    }
  }

  @Test
  void aPlacementOpenAtTheFirstExtractIsOpenInTheFirstReleaseAndClosedInTheLast() throws IOException {
    LocalDateTime first = EXTRACTS.get(0);
    List<NormalizedPlacement> last = rows(3, Layout.UWCHR_2012_2024);
    Map<String, List<NormalizedPlacement>> firstByKey = new HashMap<>();
    for (NormalizedPlacement row : rows(1, Layout.UWCHR_2012_2024)) {
      firstByKey.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
    }
    int closedLater = 0;
    for (NormalizedPlacement row : last) {
      if (row.bookIn() != null && !row.bookIn().isAfter(first) && row.bookOut() != null && row.bookOut().isAfter(first)) {
        closedLater++;
        List<NormalizedPlacement> earlier = firstByKey.get(key(row));
        assertThat(earlier).as("release 1 holds %s", key(row)).isNotNull();
        assertThat(earlier).anyMatch(r -> r.bookOut() == null && r.releaseReason() == null);
        assertThat(earlier).allMatch(r -> r.bookOut() == null || !r.bookOut().isAfter(first));
      }
      if (row.stayBookOut() != null && row.stayBookOut().isAfter(first) && row.bookIn() != null && !row.bookIn().isAfter(first)) {
        assertThat(firstByKey.get(key(row)))
            .allMatch(r -> r.stayBookOut() == null && r.stayReleaseReason() == null);
      }
    }
    assertThat(closedLater).isPositive();
    // Placements booked in after the first extract are not in it.
    assertThat(firstByKey.keySet()).noneMatch(k -> k.startsWith("2025"));
  }

  @Test
  void pastFiscalYearsHoldTheSameRecordsButTheDroppedYearAtTheDroppedFacility() throws IOException {
    ReleaseManifest.Change drop = manifest.changes(ReleaseManifest.RECORDS_DROPPED).get(0);
    int year = drop.fiscalYear();
    String code = drop.facilityCode();
    assertThat(year).isBetween(2013, 2024);
    assertThat(drop.beforeCount()).isPositive();
    assertThat(drop.afterCount()).isZero();
    ReleaseManifest.Release r1 = manifest.release(1);
    ReleaseManifest.Release r2 = manifest.release(2);
    ReleaseManifest.Release r3 = manifest.release(3);
    assertThat(r2.records(year, code)).isEqualTo(drop.beforeCount());
    assertThat(r3.records(year, code)).isZero();
    assertThat(drop.fiscalYearRecordsBefore()).isEqualTo(r2.recordsByFiscalYear().get(year));
    assertThat(drop.fiscalYearRecordsAfter()).isEqualTo(drop.fiscalYearRecordsBefore() - drop.beforeCount());
    int pastYears = 0;
    for (int fy = 2012; LocalDateTime.of(fy, 10, 1, 0, 0).isBefore(EXTRACTS.get(0)); fy++) {
      pastYears++;
      Map<String, Long> expected = new HashMap<>(r1.recordsByFiscalYearAndFacility().get(fy));
      assertThat(r2.recordsByFiscalYearAndFacility().get(fy)).as("FY%d", fy).isEqualTo(expected);
      if (fy == year) {
        expected.remove(code);
      }
      assertThat(r3.recordsByFiscalYearAndFacility().get(fy)).as("FY%d", fy).isEqualTo(expected);
    }
    assertThat(pastYears).isEqualTo(13);
    // The files agree with the manifest's numbers.
    assertThat(count(2, Layout.DDP_2025, year, code)).isEqualTo(drop.beforeCount());
    assertThat(count(3, Layout.DDP_2026_03, year, code)).isZero();
    assertThat(count(1, Layout.DDP_2025, year, code)).isEqualTo(drop.beforeCount());
  }

  @Test
  void theBlankColumnIsEmptyInTheLastReleaseOnly() throws IOException {
    ReleaseManifest.Change blank = manifest.changes(ReleaseManifest.COLUMN_BLANK).get(0);
    assertThat(blank.column()).isIn("Gender", "Citizenship Country");
    assertThat(blank.beforeCount()).isEqualTo(manifest.release(2).records());
    assertThat(blank.afterCount()).isZero();
    for (int k = 1; k <= RELEASES; k++) {
      for (List<CSVRecord> file : List.of(records(k, k == 3 ? Layout.DDP_2026_03 : Layout.DDP_2025), records(k, Layout.UWCHR_2012_2024))) {
        long filled = file.stream().filter(r -> !r.get(blank.column()).isEmpty()).count();
        assertThat(filled).as("release %d", k).isEqualTo(k == 3 ? 0 : file.size());
      }
    }
    // The other profile column stays filled.
    String other = blank.column().equals("Gender") ? "Citizenship Country" : "Gender";
    assertThat(records(3, Layout.DDP_2026_03)).allMatch(r -> !r.get(other).isEmpty());
  }

  @Test
  void theRenamedFacilityHasItsNewNameInTheLastReleaseOnly() throws IOException {
    ReleaseManifest.Change rename = manifest.changes(ReleaseManifest.FACILITY_RENAMED).get(0);
    String code = rename.facilityCode();
    String newName = (String) rename.after();
    assertThat(code).isNotEqualTo(manifest.changes(ReleaseManifest.RECORDS_DROPPED).get(0).facilityCode());
    assertThat(rename.recordsBefore()).isPositive();
    assertThat(rename.recordsAfter()).isGreaterThanOrEqualTo(rename.recordsBefore());
    assertThat(rename.namesBefore()).containsKey((String) rename.before()).doesNotContainKey(newName);
    assertThat(FacilityCatalog.bundled().all()).noneMatch(f -> f.name().equalsIgnoreCase(newName));
    for (int k = 1; k <= RELEASES; k++) {
      List<CSVRecord> file = records(k, Layout.UWCHR_2012_2024);
      List<String> names =
          file.stream()
              .filter(r -> r.get("Detention Facility Code").trim().toUpperCase(Locale.ROOT).equals(code))
              .map(r -> r.get("Detention Facility").trim())
              .toList();
      assertThat(names).isNotEmpty();
      if (k == 3) {
        assertThat(names).hasSize((int) (long) rename.recordsAfter()).allMatch(newName::equals);
      } else {
        assertThat(names).noneMatch(newName::equals);
      }
      if (k == 2) {
        assertThat(names.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting())))
            .isEqualTo(rename.namesBefore());
      }
    }
  }

  @Test
  void theLastReleaseIsInTheNextLayoutOfItsPublisher() throws IOException {
    assertThat(manifest.release(2).files()).containsExactly("ddp-2025.csv", "uwchr-2012-2024.csv");
    assertThat(manifest.release(3).files()).containsExactly("ddp-2026-03.csv", "uwchr-2012-2024.csv");
    assertThat(manifest.release(3).layouts()).containsExactly("ddp-2026-03", "uwchr-2012-2024");
    assertThat(header(2, "ddp-2025.csv")).contains("Unique Identifier", "Detention Book Out Date Time");
    assertThat(header(3, "ddp-2026-03.csv"))
        .contains("Anonymized Identifier", "Book Out Date Time")
        .doesNotContain("Unique Identifier", "Detention Book Out Date Time")
        .hasSize(Layout.DDP_2026_03.headers().size());
    assertThat(header(3, "uwchr-2012-2024.csv")).isEqualTo(header(2, "uwchr-2012-2024.csv"));
    List<ReleaseManifest.Change> renames = manifest.changes(ReleaseManifest.COLUMN_RENAMED);
    assertThat(renames)
        .extracting(ReleaseManifest.Change::field, ReleaseManifest.Change::before, ReleaseManifest.Change::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("person_id", "Unique Identifier", "Anonymized Identifier"),
            org.assertj.core.groups.Tuple.tuple("book_out", "Detention Book Out Date Time", "Book Out Date Time"));
    assertThat(manifest.notPlanted())
        .extracting(ReleaseManifest.NotPlanted::kind, ReleaseManifest.NotPlanted::layout)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("column_renamed", "uwchr-2012-2024"));
    assertThat(manifest.changes()).hasSize(5);
    ReleaseManifest.LayoutChange layoutChange = manifest.layoutChanges().get(0);
    assertThat(manifest.layoutChanges()).hasSize(1);
    assertThat(layoutChange.renamed())
        .containsEntry("person_id", List.of("Unique Identifier", "Anonymized Identifier"))
        .containsEntry("book_out", List.of("Detention Book Out Date Time", "Book Out Date Time"))
        .hasSize(2);
    assertThat(layoutChange.columnsAdded()).hasSize(16).contains("Book In Site", "Detention Facility Type");
    assertThat(layoutChange.columnsDropped()).isEmpty();
    List<String> expectedHeaders = new ArrayList<>(header(2, "ddp-2025.csv"));
    expectedHeaders.removeAll(List.of("Unique Identifier", "Detention Book Out Date Time"));
    expectedHeaders.addAll(layoutChange.columnsAdded());
    expectedHeaders.addAll(List.of("Anonymized Identifier", "Book Out Date Time"));
    assertThat(header(3, "ddp-2026-03.csv")).containsExactlyInAnyOrderElementsOf(expectedHeaders);
  }

  @Test
  void eachReleaseManifestHoldsTheOracleCountsOfItsRows() throws IOException {
    for (int k = 1; k <= RELEASES; k++) {
      Manifest files = releaseManifest(k);
      for (Manifest.FileEntry file : files.files()) {
        Layout layout = Layout.byId(file.layout());
        List<NormalizedPlacement> rows =
            WrittenFiles.readText(dir.resolve("release-" + k).resolve(file.path()), layout, OutputFormat.CSV);
        ReferenceRuleEvaluator oracle =
            new ReferenceRuleEvaluator(
                EXTRACTS.get(k - 1), FacilityCatalog.bundled().all(),
                Optional.of(SampleGenerator.GENERATED_WINDOW_START), false);
        oracle.accept(rows);
        assertThat(oracle.countsById()).as("release %d %s", k, file.path()).isEqualTo(files.expected());
        assertThat(files.expectedByFile().get(file.path()).get("placement.open_in_closed_stay").recordsChecked())
            .isEqualTo(files.expected("placement.open_in_closed_stay").recordsChecked());
      }
      // Truncation changes the counts: an earlier release has its own.
      if (k < RELEASES) {
        assertThat(files.expected()).isNotEqualTo(releaseManifest(RELEASES).expected());
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameBytes() throws IOException {
    Path a = WrittenFiles.tempDir();
    Path b = WrittenFiles.tempDir();
    try {
      List<OutputSpec> outputs = List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV_GZIP));
      new ReleaseSeries(generator(1_500, 9), 2).write(a, outputs);
      new ReleaseSeries(generator(1_500, 9), 2).write(b, outputs);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(a)) {
        files = walk.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
      }
      assertThat(files)
          .containsExactly(
              Path.of("release-1/ddp-2025.csv.gz"), Path.of("release-1/manifest.json"),
              Path.of("release-2/ddp-2026-03.csv.gz"), Path.of("release-2/manifest.json"),
              Path.of("releases.json"));
      for (Path file : files) {
        assertThat(Files.readAllBytes(b.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(a.resolve(file)));
      }
      ReleaseManifest other = ReleaseManifest.read(a.resolve(ReleaseManifest.FILE_NAME));
      assertThat(other.changesBetween()).isEqualTo(new ReleaseManifest.Between(1, 2));
      assertThat(other.release(1).extractDate()).isEqualTo("2025-02-26T00:00:00");
    } finally {
      WrittenFiles.delete(a);
      WrittenFiles.delete(b);
    }
  }

  @Test
  void aTinyPopulationStillGetsEveryChange() throws IOException {
    Path tiny = WrittenFiles.tempDir();
    try {
      // The dropped fiscal year is drawn among those that have records at a known facility.
      ReleaseManifest small =
          new ReleaseSeries(generator(30, 5), 2).write(tiny, List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV)));
      ReleaseManifest.Change drop = small.changes(ReleaseManifest.RECORDS_DROPPED).get(0);
      assertThat(drop.beforeCount()).isPositive();
      assertThat(drop.afterCount()).isZero();
      assertThat(small.release(2).records()).isEqualTo(30 - drop.beforeCount());
      assertThat(small.changes()).extracting(ReleaseManifest.Change::kind)
          .containsExactly("records_dropped", "column_blank", "facility_renamed", "column_renamed", "column_renamed");
    } finally {
      WrittenFiles.delete(tiny);
    }
  }

  @Test
  void refusesFewerThanTwoReleasesMalformedLinesAndTooManyReleases() {
    assertThatThrownBy(() -> new ReleaseSeries(generator(100, 1), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need at least 2");
    assertThatThrownBy(() -> new ReleaseSeries(generator(100, 1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need at least 2");
    assertThatThrownBy(
            () -> new ReleaseSeries(SampleGenerator.builder().malformedLines(3).build(), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed lines");
    assertThatThrownBy(() -> new ReleaseSeries(generator(100, 1), 45))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before 2011-10-03");
    // Release N-1 must come after FY2013 ended (plus the margin).
    assertThatThrownBy(
            () -> new ReleaseSeries(
                SampleGenerator.builder().extractDate(LocalDateTime.of(2014, 2, 1, 0, 0)).build(), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too early");
    assertThat(new ReleaseSeries(SampleGenerator.builder().extractDate(LocalDateTime.of(2014, 3, 1, 0, 0)).build(), 2)
            .extractDates())
        .containsExactly(LocalDateTime.of(2013, 11, 1, 0, 0), LocalDateTime.of(2014, 3, 1, 0, 0));
  }

  // ------------------------------------------------------------------ helpers

  private static PlacementSource population() {
    return new PlacementSource(
        42, 3_000, List.of(EXTRACTS.get(2), EXTRACTS.get(1), EXTRACTS.get(0)),
        generator(3_000, 42).rates());
  }

  private static String key(NormalizedPlacement row) {
    return row.bookIn() + "|" + (row.facilityCode() == null ? "" : row.facilityCode().toUpperCase(Locale.ROOT));
  }

  private static Manifest releaseManifest(int k) throws IOException {
    return Manifest.read(dir.resolve("release-" + k).resolve(Manifest.FILE_NAME));
  }

  private static List<NormalizedPlacement> rows(int k, Layout layout) throws IOException {
    return WrittenFiles.readText(dir.resolve("release-" + k).resolve(layout.id() + ".csv"), layout, OutputFormat.CSV);
  }

  private static long count(int k, Layout layout, int fiscalYear, String code) throws IOException {
    return rows(k, layout).stream()
        .filter(r -> r.bookIn() != null && ReleaseView.fiscalYear(r.bookIn()) == fiscalYear)
        .filter(r -> r.facilityCode() != null && r.facilityCode().toUpperCase(Locale.ROOT).equals(code))
        .count();
  }

  private static List<CSVRecord> records(int k, Layout layout) throws IOException {
    try (Reader reader = Files.newBufferedReader(dir.resolve("release-" + k).resolve(layout.id() + ".csv"), StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      return parser.getRecords();
    }
  }

  private static List<String> header(int k, String file) throws IOException {
    try (Reader reader = Files.newBufferedReader(dir.resolve("release-" + k).resolve(file), StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      return parser.getHeaderNames();
    }
  }
}

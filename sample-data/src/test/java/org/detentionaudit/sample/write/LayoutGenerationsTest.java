package org.detentionaudit.sample.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.oracle.CoreRule;
import org.detentionaudit.sample.oracle.KeyField;
import org.detentionaudit.sample.oracle.RuleCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The older layout generations: what each writes, and the per-file expectations of the manifest
 * (NOT_APPLICABLE exactly for the rules reading a field the layout lacks; the full-field layouts'
 * expectations equal the manifest's top-level {@code expected}).
 */
class LayoutGenerationsTest {

  @Test
  void columnCountsAndFieldsAsFormatsMdDescribes() {
    Set<KeyField> all = EnumSet.allOf(KeyField.class);
    assertThat(Layout.ICE_2012_2023.columns()).hasSize(33);
    assertThat(Layout.ICE_2012_2023.keyFields()).isEqualTo(all);
    assertThat(Layout.ICE_2012_2023.headers())
        .startsWith("Detention ID", "Case ID", "Subject ID", "Stay Book In Date", "Detention Book In Date",
            "Detention Facility", "Detention Facility Code", "Detention Book Out Date",
            "Detention Release Reason", "Stay Book Out Date", "Stay Release Reason")
        .endsWith("Anonymized Identifier");
    assertThat(Layout.TRAC_2001_2009.columns()).hasSize(88);
    assertThat(Layout.TRAC_2001_2009.keyFields()).isEqualTo(all);
    assertThat(Layout.TRAC_2001_2009.headers().stream().filter("Detention Facility Type"::equals)).hasSize(2);
    assertThat(ParquetRowWriter.columnNames(Layout.TRAC_2001_2009))
        .doesNotHaveDuplicates()
        .contains("detention_facility_type", "detention_facility_type_1");
    assertThat(Layout.ICE_2010_EXTRACT.columns()).hasSize(18);
    assertThat(Layout.ICE_2010_EXTRACT.keyFields())
        .containsExactlyInAnyOrder(KeyField.BOOK_IN, KeyField.BOOK_OUT, KeyField.FACILITY_CODE,
            KeyField.FACILITY_NAME, KeyField.RELEASE_REASON);
    assertThat(Layout.ICE_HISTORY_2010_2014.columns()).hasSize(17);
    assertThat(Layout.ICE_HISTORY_2010_2014.keyFields())
        .doesNotContain(KeyField.STAY_BOOK_OUT, KeyField.STAY_RELEASE_REASON)
        .hasSize(7);
    assertThat(Layout.ICE_INITIAL_BOOK_INS.headers())
        .containsExactly("Book In Date", "Date of Birth", "Gender", "Country of Citizenship",
            "Detention Facility", "Apprehension Method", "Most Serious Conviction");
    assertThat(Layout.ICE_INITIAL_BOOK_INS.keyFields())
        .containsExactlyInAnyOrder(KeyField.BOOK_IN, KeyField.FACILITY_NAME);
  }

  @Test
  void datesAreWrittenAsEachLayoutDoes() {
    LocalDateTime t = LocalDateTime.of(2010, 3, 7, 16, 5);
    assertThat(Layout.ICE_2010_EXTRACT.format(t)).isEqualTo("3/7/10 4:05 PM");
    assertThat(Layout.TRAC_2001_2009.format(t)).isEqualTo("3/7/2010 4:05:00 PM");
    assertThat(Layout.ICE_HISTORY_2010_2014.format(t)).isEqualTo("3/7/2010 16:05");
    assertThat(Layout.ICE_2012_2023.format(t.toLocalDate())).isEqualTo("3/7/2010");
    assertThat(Layout.ICE_2012_2023.keyColumn(KeyField.BOOK_IN).type()).isEqualTo(ColumnType.DATE);
    assertThat(Layout.ICE_INITIAL_BOOK_INS.keyColumn(KeyField.BOOK_IN).type()).isEqualTo(ColumnType.DATE);
  }

  @Test
  void manifestCarriesPerFileExpectations(@TempDir Path dir) throws IOException {
    List<OutputSpec> specs = new ArrayList<>();
    for (Layout layout : Layout.values()) {
      specs.add(OutputSpec.of(layout, OutputFormat.CSV));
    }
    specs.add(OutputSpec.of(Layout.ICE_2012_2023, OutputFormat.PARQUET));
    Manifest manifest =
        SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(11).placements(1500).malformedLines(3).build().write(dir, specs);
    assertThat(Manifest.read(dir.resolve(Manifest.FILE_NAME))).isEqualTo(manifest);
    assertThat(manifest.expectedByFile()).hasSize(specs.size());
    for (Manifest.FileEntry file : manifest.files()) {
      Layout layout = Layout.byId(file.layout());
      assertThat(manifest.expectedByFile().get(file.path())).as(file.path()).hasSize(CoreRule.values().length);
      for (CoreRule rule : CoreRule.values()) {
        Manifest.ExpectedOutcome outcome = manifest.expected(file.path(), rule.id());
        boolean lacksAField =
            !rule.missingFields(layout.keyFields()).isEmpty()
                || (rule == CoreRule.STAY_IMPLAUSIBLY_EARLY && layout.coversFrom().isEmpty());
        assertThat(outcome.applicable()).as(file.path() + " " + rule.id()).isEqualTo(!lacksAField);
        if (lacksAField) {
          assertThat(outcome.recordsChecked()).isNull();
          assertThat(outcome.missingFields()).isNotEmpty();
        }
      }
    }
    // Layouts with every field and full timestamps: the full-field truth.
    for (String path : List.of("ddp-2025.csv", "ddp-2026-03.csv", "uwchr-2012-2024.csv", "trac-2001-2009.csv")) {
      for (Map.Entry<String, RuleCount> rule : manifest.expected().entrySet()) {
        if (rule.getKey().equals("stay.implausibly_early") && path.startsWith("ddp-")) {
          // the DDP layouts give no release window
          assertThat(manifest.expected(path, rule.getKey()).missingFields()).containsExactly("covers_from");
          continue;
        }
        assertThat(manifest.expected(path, rule.getKey()))
            .as(path + " " + rule.getKey())
            .isEqualTo(new Manifest.ExpectedOutcome(Manifest.ExpectedOutcome.JUDGED,
                rule.getValue().recordsChecked(), rule.getValue().recordsFailed(), List.of()));
      }
    }
    // Date-only: same day, so more zero-length placements, whatever the file format.
    Manifest.ExpectedOutcome zeroLengthByDay = manifest.expected("ice-2012-2023.csv", "placement.zero_length");
    assertThat(zeroLengthByDay.recordsFailed()).isGreaterThan(manifest.expected("placement.zero_length").recordsFailed());
    assertThat(manifest.expectedByFile().get("ice-2012-2023.parquet"))
        .isEqualTo(manifest.expectedByFile().get("ice-2012-2023.csv"));
    // Initial book-ins: only the rules that read book_in alone are judged, and facility names
    // (looked up by name, as the layout has no codes).
    Map<String, Manifest.ExpectedOutcome> bookIns = manifest.expectedByFile().get("ice-initial-book-ins.csv");
    assertThat(bookIns.entrySet().stream().filter(e -> e.getValue().applicable()).map(Map.Entry::getKey))
        .containsExactly(
            "placement.missing_book_in", "facility.unknown_code", "placement.after_extract",
            "placement.implausible_date");
    assertThat(bookIns.get("placement.hold_room_over_72h").missingFields()).containsExactly("book_out");
    assertThat(bookIns.get("placement.missing_book_in").recordsFailed())
        .isEqualTo(manifest.expected("placement.missing_book_in").recordsFailed());
    assertThat(bookIns.get("facility.missing_code").missingFields())
        .containsExactly("facility_code");
  }

  @Test
  void malformedLinesBreakEveryLayout(@TempDir Path dir) throws IOException {
    List<OutputSpec> specs = new ArrayList<>();
    for (Layout layout : Layout.values()) {
      specs.add(OutputSpec.of(layout, OutputFormat.CSV_GZIP));
    }
    Manifest manifest =
        SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(5).placements(300).malformedLines(3).build().write(dir, specs);
    for (OutputSpec spec : specs) {
      int width = spec.layout().columns().size();
      List<String> broken = new ArrayList<>();
      try (BufferedReader reader =
              new BufferedReader(new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(dir.resolve(spec.relativePath()))), StandardCharsets.UTF_8))) {
        reader.readLine(); // header
        String line;
        while ((line = reader.readLine()) != null) {
          try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.get(0).size() != width) {
              broken.add("wrong_field_count");
            } else if (records.get(0).toList().contains(MalformedLineKind.UNPARSEABLE_DATE_VALUE)) {
              broken.add("unparseable_date");
            }
          } catch (Exception e) {
            broken.add("broken_quoting");
          }
        }
      }
      assertThat(broken).as(spec.relativePath())
          .containsExactlyInAnyOrderElementsOf(
              manifest.malformedLines().lines().stream().map(Manifest.MalformedLine::kind).toList());
    }
  }
}

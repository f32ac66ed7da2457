package org.detentionaudit.sample;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.detentionaudit.sample.oracle.RuleCount;

/**
 * What a {@link SampleGenerator} wrote and what an audit of it must find: the {@code manifest.json}
 * beside the files. Every file holds the same {@code placements} valid rows in the same order, so
 * {@code expected} holds for each file on its own.
 *
 * @param generator name and version of the generator
 * @param seed the seed the data were generated from
 * @param placements valid rows in each file (malformed lines not counted)
 * @param people people generated (some rows of some people have no person id)
 * @param stays stays generated
 * @param extractDate the extract moment, {@code yyyy-MM-ddTHH:mm:ss}: the largest timestamp in the
 *     book-in and book-out columns
 * @param rates the seeding rates used
 * @param files the files written, paths relative to the manifest's folder
 * @param malformedLines the broken lines injected into every text file (none in Parquet)
 * @param seeded how often each defect and near miss was applied (informational)
 * @param expected per core rule id, in docs/rules.md order: the counts an audit must report on the
 *     full-field records (true for every file of a layout with all rule fields and full timestamps;
 *     for each file on its own see {@code expectedByFile})
 * @param expectedByFile per file path (as in {@code files}), per core rule id in docs/rules.md order: what
 *     an audit of that file alone must report, computed by the oracle on the values as the file's
 *     layout writes them (a field the layout lacks is absent, date-only layouts hold midnight of each
 *     day); a rule reading a field the layout lacks is expected {@code NOT_APPLICABLE}
 * @param recordsCheckedDefinitions per core rule id: which rows count in {@code records_checked}
 */
@JsonPropertyOrder({
  "generator", "seed", "placements", "people", "stays", "extract_date", "rates", "files",
  "malformed_lines", "seeded", "expected", "expected_by_file", "records_checked_definitions"
})
public record Manifest(
    @JsonProperty("generator") String generator,
    @JsonProperty("seed") long seed,
    @JsonProperty("placements") long placements,
    @JsonProperty("people") long people,
    @JsonProperty("stays") long stays,
    @JsonProperty("extract_date") String extractDate,
    @JsonProperty("rates") Rates rates,
    @JsonProperty("files") List<FileEntry> files,
    @JsonProperty("malformed_lines") MalformedLines malformedLines,
    @JsonProperty("seeded") Seeded seeded,
    @JsonProperty("expected") Map<String, RuleCount> expected,
    @JsonProperty("expected_by_file") Map<String, Map<String, ExpectedOutcome>> expectedByFile,
    @JsonProperty("records_checked_definitions") Map<String, String> recordsCheckedDefinitions) {

  /** The manifest's file name in the output folder. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The extract date as a value. */
  @JsonIgnore
  public LocalDateTime extractDateTime() {
    return LocalDateTime.parse(extractDate);
  }

  /** The expected counts of one rule; throws if the id is not one of the 15 core rules. */
  public RuleCount expected(String ruleId) {
    RuleCount count = expected.get(ruleId);
    if (count == null) {
      throw new IllegalArgumentException(
          "Cannot find expected counts of rule '" + ruleId + "': known rules are " + expected.keySet());
    }
    return count;
  }

  /**
   * The expected outcome of one rule on the file at {@code path} (as listed in {@code files}).
   *
   * @throws IllegalArgumentException when the file or the rule is unknown
   */
  public ExpectedOutcome expected(String path, String ruleId) {
    Map<String, ExpectedOutcome> byRule = expectedByFile == null ? null : expectedByFile.get(path);
    ExpectedOutcome outcome = byRule == null ? null : byRule.get(ruleId);
    if (outcome == null) {
      throw new IllegalArgumentException(
          "Cannot find the expected outcome of rule '" + ruleId + "' for file '" + path
              + "': files are " + (expectedByFile == null ? "[]" : expectedByFile.keySet()));
    }
    return outcome;
  }

  /** Reads a manifest written by {@link #writeTo(Path)}. */
  public static Manifest read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Manifest.class);
  }

  /** Writes this manifest as indented JSON, replacing {@code file}. */
  public void writeTo(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  /** This manifest as indented JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write manifest as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * @param profile the defect profile the rates started from ({@code calibrated} or {@code heavy};
   *     see {@link org.detentionaudit.sample.generate.DefectProfile}); it also decides the facility
   *     mix and how names vary. Null in manifests written before profiles existed (heavy).
   * @param defects rate per defect key (see {@link org.detentionaudit.sample.generate.Defect#key()})
   * @param nearMisses near-miss rate per opportunity
   * @param redactions rate of redacted Birth Date and Alien File Number per person
   */
  @JsonPropertyOrder({"profile", "defects", "near_misses", "redactions"})
  public record Rates(
      @JsonProperty("profile") String profile,
      @JsonProperty("defects") Map<String, Double> defects,
      @JsonProperty("near_misses") double nearMisses,
      @JsonProperty("redactions") double redactions) {}

  /**
   * @param path relative to the manifest's folder, {@code /}-separated
   * @param rows valid rows (equal to {@code placements})
   * @param malformedLines broken lines in this file (0 for Parquet and workbooks)
   * @param sheets for a workbook ({@code xlsx}), its data sheets in order and the rows each holds;
   *     null (absent from the JSON) for other formats. A row's {@code source_row} in its sheet is
   *     its 1-based position in the file minus the sheet's {@code first_row}, plus one.
   */
  @JsonPropertyOrder({"path", "layout", "format", "rows", "malformed_lines", "sheets"})
  public record FileEntry(
      @JsonProperty("path") String path,
      @JsonProperty("layout") String layout,
      @JsonProperty("format") String format,
      @JsonProperty("rows") long rows,
      @JsonProperty("malformed_lines") long malformedLines,
      @JsonProperty("sheets") @JsonInclude(JsonInclude.Include.NON_NULL) List<SheetEntry> sheets) {

    /** A file entry of a format without sheets. */
    public FileEntry(String path, String layout, String format, long rows, long malformedLines) {
      this(path, layout, format, rows, malformedLines, null);
    }
  }

  /**
   * One data sheet of a workbook output.
   *
   * @param name the sheet's name
   * @param firstRow the 1-based position, among the file's rows, of the sheet's first data row
   * @param rows data rows on the sheet
   */
  @JsonPropertyOrder({"name", "first_row", "rows"})
  public record SheetEntry(
      @JsonProperty("name") String name,
      @JsonProperty("first_row") long firstRow,
      @JsonProperty("rows") long rows) {}

  /**
   * One rule's expected outcome on one file: judged with exact counts, or {@code NOT_APPLICABLE}
   * because the file's layout lacks {@code missing_fields}.
   *
   * @param status {@code JUDGED} (the audit reports PASS, WARN or FAIL by its thresholds) or
   *     {@code NOT_APPLICABLE}
   * @param recordsChecked null when not applicable
   * @param recordsFailed null when not applicable
   * @param missingFields the rule fields the layout lacks, canonical names, sorted; empty when judged
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"status", "records_checked", "records_failed", "missing_fields"})
  public record ExpectedOutcome(
      @JsonProperty("status") String status,
      @JsonProperty("records_checked") Long recordsChecked,
      @JsonProperty("records_failed") Long recordsFailed,
      @JsonProperty("missing_fields") List<String> missingFields) {

    public static final String JUDGED = "JUDGED";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

    static ExpectedOutcome judged(RuleCount count) {
      return new ExpectedOutcome(JUDGED, count.recordsChecked(), count.recordsFailed(), List.of());
    }

    static ExpectedOutcome notApplicable(List<String> missingFields) {
      return new ExpectedOutcome(NOT_APPLICABLE, null, null, List.copyOf(missingFields));
    }

    /** True when the rule can be judged on this file. */
    @JsonIgnore
    public boolean applicable() {
      return JUDGED.equals(status);
    }
  }

  /**
   * @param count lines injected into each text file
   * @param byKind per {@link org.detentionaudit.sample.write.MalformedLineKind#key()}
   * @param lines each line's 1-based {@code source_row} (data rows after the header, malformed lines
   *     included, as the loader counts) and kind; identical in every text file
   */
  @JsonPropertyOrder({"count", "by_kind", "lines"})
  public record MalformedLines(
      @JsonProperty("count") long count,
      @JsonProperty("by_kind") Map<String, Long> byKind,
      @JsonProperty("lines") List<MalformedLine> lines) {}

  /** One injected line. */
  @JsonPropertyOrder({"source_row", "kind"})
  public record MalformedLine(
      @JsonProperty("source_row") long sourceRow, @JsonProperty("kind") String kind) {}

  /** Applications per defect and near miss key. */
  public record Seeded(
      @JsonProperty("defects") Map<String, Long> defects,
      @JsonProperty("near_misses") Map<String, Long> nearMisses) {}
}

package org.detentionaudit.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ReleaseSeries} wrote: the {@code releases.json} at the top of its folder. Each release
 * folder also has its own {@link Manifest} ({@code manifest.json}) with the exact rule counts of its
 * rows.
 *
 * @param generator name and version of the generator
 * @param seed the seed of the population
 * @param placements rows of the population as generated (the last release holds them less the
 *     dropped records; earlier ones hold those booked in by their extract date)
 * @param people people generated
 * @param stays stays generated
 * @param profile the defect profile ({@code calibrated} or {@code heavy})
 * @param monthsBetweenReleases how much earlier each release's extract date is than the next one's
 * @param releases every release, the first (earliest) first
 * @param changesBetween the two releases the planted changes lie between: the last two
 * @param changes the planted changes, each with its exact numbers
 * @param notPlanted changes that could not be planted and why (a column rename for a layout without
 *     a later layout of its publisher)
 * @param layoutChanges per layout written in its successor in the last release, every header
 *     difference: the renamed headers (also in {@code changes}), and the columns the later layout
 *     adds or lacks
 */
@JsonPropertyOrder({
  "generator", "seed", "placements", "people", "stays", "profile", "months_between_releases",
  "releases", "changes_between", "changes", "not_planted", "layout_changes"
})
public record ReleaseManifest(
    @JsonProperty("generator") String generator,
    @JsonProperty("seed") long seed,
    @JsonProperty("placements") long placements,
    @JsonProperty("people") long people,
    @JsonProperty("stays") long stays,
    @JsonProperty("profile") String profile,
    @JsonProperty("months_between_releases") int monthsBetweenReleases,
    @JsonProperty("releases") List<Release> releases,
    @JsonProperty("changes_between") Between changesBetween,
    @JsonProperty("changes") List<Change> changes,
    @JsonProperty("not_planted") List<NotPlanted> notPlanted,
    @JsonProperty("layout_changes") List<LayoutChange> layoutChanges) {

  /** The file's name at the top of the series folder. */
  public static final String FILE_NAME = "releases.json";

  /** {@link Change#kind()} of the records dropped from a past fiscal year at one facility. */
  public static final String RECORDS_DROPPED = "records_dropped";
  /** {@link Change#kind()} of a column empty on every row. */
  public static final String COLUMN_BLANK = "column_blank";
  /** {@link Change#kind()} of a facility code under a new name. */
  public static final String FACILITY_RENAMED = "facility_renamed";
  /** {@link Change#kind()} of a column under a new header. */
  public static final String COLUMN_RENAMED = "column_renamed";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The release numbered {@code number} (1-based). */
  public Release release(int number) {
    return releases.stream()
        .filter(release -> release.release() == number)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Cannot find release " + number + ": the series has releases 1 to " + releases.size()));
  }

  /** The planted changes of one kind, in manifest order. */
  public List<Change> changes(String kind) {
    return changes.stream().filter(change -> change.kind().equals(kind)).toList();
  }

  /** Reads a manifest written by {@link #writeTo(Path)}. */
  public static ReleaseManifest read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), ReleaseManifest.class);
  }

  /** Writes this manifest as indented JSON, replacing {@code file}. */
  public void writeTo(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  /**
   * One release.
   *
   * @param release its number, 1 for the earliest
   * @param folder its folder, relative to the series folder ({@code release-1})
   * @param extractDate the extract moment, {@code yyyy-MM-ddTHH:mm:ss}: the latest timestamp of its rows
   * @param window the span its book-ins cover (every release starts at the same day)
   * @param layouts the layouts its files are written in
   * @param files its files, relative to its folder
   * @param records rows in each of its files
   * @param people people with at least one row
   * @param stays stays with at least one row
   * @param recordsWithoutFiscalYear rows without a book-in (or with an implausible one)
   * @param recordsByFiscalYear rows per fiscal year of book-in
   * @param recordsByFiscalYearAndFacility rows per fiscal year of book-in and facility code (trimmed,
   *     upper case; {@code ""} for rows without a code)
   */
  @JsonPropertyOrder({
    "release", "folder", "extract_date", "window", "layouts", "files", "records", "people", "stays",
    "records_without_fiscal_year", "records_by_fiscal_year", "records_by_fiscal_year_and_facility"
  })
  public record Release(
      @JsonProperty("release") int release,
      @JsonProperty("folder") String folder,
      @JsonProperty("extract_date") String extractDate,
      @JsonProperty("window") Window window,
      @JsonProperty("layouts") List<String> layouts,
      @JsonProperty("files") List<String> files,
      @JsonProperty("records") long records,
      @JsonProperty("people") long people,
      @JsonProperty("stays") long stays,
      @JsonProperty("records_without_fiscal_year") long recordsWithoutFiscalYear,
      @JsonProperty("records_by_fiscal_year") Map<Integer, Long> recordsByFiscalYear,
      @JsonProperty("records_by_fiscal_year_and_facility")
          Map<Integer, Map<String, Long>> recordsByFiscalYearAndFacility) {

    /** Rows of one fiscal year at one facility code (0 when none). */
    public long records(int fiscalYear, String facilityCode) {
      Map<String, Long> byFacility = recordsByFiscalYearAndFacility.get(fiscalYear);
      return byFacility == null ? 0 : byFacility.getOrDefault(facilityCode, 0L);
    }
  }

  /**
   * A release window.
   *
   * @param start its first day ({@code yyyy-MM-dd}), the same in every release
   * @param end its extract moment ({@code yyyy-MM-ddTHH:mm:ss})
   */
  @JsonPropertyOrder({"start", "end"})
  public record Window(@JsonProperty("start") String start, @JsonProperty("end") String end) {}

  /** The two releases the changes lie between. */
  @JsonPropertyOrder({"before", "after"})
  public record Between(@JsonProperty("before") int before, @JsonProperty("after") int after) {}

  /**
   * One planted change between the last two releases. Fields that do not apply to its kind are
   * absent from the JSON.
   *
   * @param kind {@code records_dropped}, {@code column_blank}, {@code facility_renamed} or {@code
   *     column_renamed}
   * @param fiscalYear records_dropped: the fiscal year that lost records
   * @param facilityCode records_dropped, facility_renamed: the facility code (trimmed, upper case)
   * @param facilityName records_dropped: the facility's name on most of the dropped rows
   * @param column column_blank: the header (in the first layout of the last release); column_renamed:
   *     absent (see before and after)
   * @param field column_blank: the attribute ({@code gender}, {@code citizenship_country}); column_renamed:
   *     the canonical field whose header changed ({@code person_id}, {@code book_out})
   * @param layoutBefore column_renamed: the earlier layout
   * @param layoutAfter column_renamed: the layout of the last release
   * @param before the value in the earlier release: records of the fiscal year at the facility
   *     (records_dropped), non-empty cells of the column (column_blank), the facility's name on most
   *     of its rows (facility_renamed), the header (column_renamed)
   * @param after the same in the last release: 0, 0, the new name (on every row), the new header
   * @param fiscalYearRecordsBefore records_dropped: the fiscal year's records in the earlier release
   * @param fiscalYearRecordsAfter records_dropped: in the last release (less exactly {@code before})
   * @param recordsBefore facility_renamed: the facility's rows in the earlier release
   * @param recordsAfter facility_renamed: in the last release, all under the new name
   * @param namesBefore facility_renamed: every name of the facility in the earlier release (trimmed),
   *     with its rows
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "kind", "fiscal_year", "facility_code", "facility_name", "column", "field", "layout_before",
    "layout_after", "before", "after", "fiscal_year_records_before", "fiscal_year_records_after",
    "records_before", "records_after", "names_before"
  })
  public record Change(
      @JsonProperty("kind") String kind,
      @JsonProperty("fiscal_year") Integer fiscalYear,
      @JsonProperty("facility_code") String facilityCode,
      @JsonProperty("facility_name") String facilityName,
      @JsonProperty("column") String column,
      @JsonProperty("field") String field,
      @JsonProperty("layout_before") String layoutBefore,
      @JsonProperty("layout_after") String layoutAfter,
      @JsonProperty("before") Object before,
      @JsonProperty("after") Object after,
      @JsonProperty("fiscal_year_records_before") Long fiscalYearRecordsBefore,
      @JsonProperty("fiscal_year_records_after") Long fiscalYearRecordsAfter,
      @JsonProperty("records_before") Long recordsBefore,
      @JsonProperty("records_after") Long recordsAfter,
      @JsonProperty("names_before") Map<String, Long> namesBefore) {

    public Change {
      before = before instanceof Number number ? (Object) number.longValue() : before;
      after = after instanceof Number number ? (Object) number.longValue() : after;
    }

    /** {@code before} as a number (records_dropped, column_blank). */
    public long beforeCount() {
      return ((Number) before).longValue();
    }

    /** {@code after} as a number (records_dropped, column_blank). */
    public long afterCount() {
      return ((Number) after).longValue();
    }
  }

  /**
   * How the headers of one layout differ in the layout the last release writes instead.
   *
   * @param layoutBefore the layout of the earlier releases
   * @param layoutAfter its successor, the last release's
   * @param renamed per canonical field whose header changed, the old and the new header
   * @param columnsAdded headers of the later layout the earlier one lacks (renamed ones excluded), in order
   * @param columnsDropped headers of the earlier layout the later one lacks (renamed ones excluded)
   */
  @JsonPropertyOrder({"layout_before", "layout_after", "renamed", "columns_added", "columns_dropped"})
  public record LayoutChange(
      @JsonProperty("layout_before") String layoutBefore,
      @JsonProperty("layout_after") String layoutAfter,
      @JsonProperty("renamed") Map<String, List<String>> renamed,
      @JsonProperty("columns_added") List<String> columnsAdded,
      @JsonProperty("columns_dropped") List<String> columnsDropped) {}

  /**
   * A change that could not be planted.
   *
   * @param kind the change's kind
   * @param layout the layout it could not be planted in
   * @param reason why
   */
  @JsonPropertyOrder({"kind", "layout", "reason"})
  public record NotPlanted(
      @JsonProperty("kind") String kind,
      @JsonProperty("layout") String layout,
      @JsonProperty("reason") String reason) {}
}

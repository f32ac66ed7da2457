package org.detentionaudit.core.compare;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.outputs.AuditOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything comparable about one audit, read back from its output folder: the run ({@code
 * summary.json}), each rule's outcome ({@code summary.parquet}), each input column's missing and
 * redacted cells ({@code profile.parquet}), the records per fiscal year and per (fiscal year,
 * facility) (the count-only rows of {@code breakdown.parquet}, whose {@code rule_id} is null) and
 * the facilities seen ({@code facilities.parquet}). No record is read again, so two releases of
 * millions of rows compare in seconds. Immutable.
 *
 * <p>{@link #metrics()} flattens it into named numbers, one per (kind, key, measure), for a
 * history of runs.
 *
 * @param folder the output folder as the caller named it
 * @param run the run's facts
 * @param rules per rule, in the summary's order
 * @param columns per (input, column) of the profile, in its order
 * @param recordsByFiscalYear records per fiscal year (null: no plausible book-in), ascending, null
 *     last
 * @param recordsByFacilityYear records per (fiscal year, facility code, facility name), as the
 *     breakdown has them
 * @param facilities per facility key of {@code facilities.parquet} (a code, or a name where the
 *     layout has no codes)
 */
public record ReleaseMetrics(
    String folder,
    Run run,
    List<RuleMetric> rules,
    List<ColumnMetric> columns,
    List<YearRecords> recordsByFiscalYear,
    List<FacilityYearRecords> recordsByFacilityYear,
    List<FacilityMetric> facilities) {
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseMetrics.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The Parquet tables read, besides {@code summary.json}. */
  static final List<AuditOutput> TABLES =
      List.of(AuditOutput.SUMMARY, AuditOutput.PROFILE, AuditOutput.BREAKDOWN, AuditOutput.FACILITIES);

  public ReleaseMetrics {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(run, "run");
    rules = List.copyOf(rules);
    columns = List.copyOf(columns);
    recordsByFiscalYear = List.copyOf(recordsByFiscalYear);
    recordsByFacilityYear = List.copyOf(recordsByFacilityYear);
    facilities = List.copyOf(facilities);
  }

  /**
   * The run as {@code summary.json} states it.
   *
   * @param extractDate ISO local date-time, or null when the audit could not tell
   * @param extractDateOrigin {@code given}, {@code workbook summary}, {@code inferred} or {@code
   *     unknown}
   * @param firstBookIn the earliest plausible book-in (ISO local date-time), null without one
   * @param lastBookIn the latest plausible book-in, null without one
   * @param records records loaded
   */
  public record Run(
      String toolVersion,
      String startedAt,
      List<Input> inputs,
      String extractDate,
      String extractDateOrigin,
      String firstBookIn,
      String lastBookIn,
      long records) {
    public Run {
      inputs = List.copyOf(inputs);
    }

    /** The layouts of the inputs, each once, in input order. */
    public List<String> layouts() {
      return inputs.stream().map(Input::layout).distinct().toList();
    }
  }

  /** One input of the run: its path, format, layout and rows read. */
  public record Input(String path, String format, String layout, long rowsRead) {}

  /**
   * One rule's outcome.
   *
   * @param status {@code PASS}, {@code WARN}, {@code FAIL} or {@code NOT_APPLICABLE} (then the
   *     counts and the ratio are null)
   */
  public record RuleMetric(
      String ruleId, String status, Long recordsChecked, Long recordsFailed, Double failedRatio) {
    public boolean applicable() {
      return !"NOT_APPLICABLE".equals(status) && failedRatio != null;
    }
  }

  /**
   * One input column's cells, as profiled: values + nulls + redacted + errors = rows profiled.
   *
   * @param canonicalField the field the layout reads from the column, null when unused
   */
  public record ColumnMetric(
      String input, String column, String canonicalField, long nonNull, long nulls, long redacted, long errors) {
    /** The key columns are matched by across releases: the canonical field, else the header. */
    public String key() {
      return canonicalField != null ? canonicalField : column;
    }

    /** Every cell profiled. */
    public long cells() {
      return nonNull + nulls + redacted + errors;
    }
  }

  /** Records whose book-in falls in a fiscal year (null: no plausible book-in). */
  public record YearRecords(Integer fiscalYear, long records) {}

  /** Records per (fiscal year, facility code, facility name); any of the three may be null. */
  public record FacilityYearRecords(Integer fiscalYear, String facilityCode, String facilityName, long records) {}

  /**
   * One facility as {@code facilities.parquet} has it.
   *
   * @param key the facility code, or its name where {@code keyedBy} is {@code facility_name}; null
   *     for the records without one
   */
  public record FacilityMetric(String key, String keyedBy, List<String> namesSeen, long records) {
    public FacilityMetric {
      namesSeen = List.copyOf(namesSeen);
    }
  }

  /**
   * Missing and redacted cells per column key ({@link ColumnMetric#key()}), summed over the inputs
   * that have the column, in first-seen order; the header shown is the first input's.
   */
  public List<ColumnShare> columnShares() {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, String> fields = new LinkedHashMap<>();
    for (ColumnMetric c : columns) {
      long[] sum = counts.computeIfAbsent(c.key(), k -> new long[3]);
      sum[0] += c.cells();
      sum[1] += c.nulls() + c.errors();
      sum[2] += c.redacted();
      headers.putIfAbsent(c.key(), c.column());
      if (c.canonicalField() != null) {
        fields.putIfAbsent(c.key(), c.canonicalField());
      }
    }
    List<ColumnShare> shares = new ArrayList<>();
    counts.forEach(
        (key, sum) ->
            shares.add(new ColumnShare(key, headers.get(key), fields.get(key), sum[0], sum[1], sum[2])));
    return shares;
  }

  /**
   * A column's missing and redacted cells over every input that has it.
   *
   * @param missing blank and {@code NA} cells plus workbook error cells
   */
  public record ColumnShare(
      String key, String header, String canonicalField, long cells, long missing, long redacted) {
    /** Missing cells over all cells; 0 when there are no cells. */
    public double missingShare() {
      return cells == 0 ? 0 : (double) missing / cells;
    }

    /** Redacted cells over all cells; 0 when there are no cells. */
    public double redactedShare() {
      return cells == 0 ? 0 : (double) redacted / cells;
    }
  }

  /**
   * A named number for a history of runs.
   *
   * @param kind {@code rule}, {@code column}, {@code records}, {@code facility} or {@code dataset}
   * @param key the rule id, column key, fiscal year ({@code unknown} for records without one),
   *     facility key or dataset fact
   * @param measure what is measured: {@code failed_ratio}, {@code missing_share}, {@code
   *     redacted_share}, {@code records}
   */
  public record Metric(String kind, String key, String measure, double value) {}

  /**
   * Every number of this release by name: each applicable rule's failed ratio (a {@code
   * NOT_APPLICABLE} rule has none), each column key's missing and redacted shares, the records
   * per fiscal year, per facility key, and the records and rows read of the dataset.
   */
  public List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    metrics.add(new Metric("dataset", "records", "records", run.records()));
    metrics.add(
        new Metric("dataset", "rows_read", "records", run.inputs().stream().mapToLong(Input::rowsRead).sum()));
    for (RuleMetric rule : rules) {
      if (rule.applicable()) {
        metrics.add(new Metric("rule", rule.ruleId(), "failed_ratio", rule.failedRatio()));
      }
    }
    for (ColumnShare share : columnShares()) {
      metrics.add(new Metric("column", share.key(), "missing_share", share.missingShare()));
      metrics.add(new Metric("column", share.key(), "redacted_share", share.redactedShare()));
    }
    for (YearRecords year : recordsByFiscalYear) {
      metrics.add(
          new Metric(
              "records",
              year.fiscalYear() == null ? "unknown" : year.fiscalYear().toString(),
              "records",
              year.records()));
    }
    for (FacilityMetric facility : facilities) {
      if (facility.key() != null) {
        metrics.add(new Metric("facility", facility.key(), "records", facility.records()));
      }
    }
    return List.copyOf(metrics);
  }

  /**
   * Reads an audit's output folder.
   *
   * @param dir the folder as the user named it (any Hadoop file system path)
   * @throws InputException when {@code dir} is not a folder, holds no {@code summary.json} (not an
   *     audit output), lacks one of the tables (an audit by an older version), or holds a file that
   *     cannot be read
   */
  public static ReleaseMetrics read(SparkSession spark, String dir) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path folder = new Path(dir);
    JsonNode summary;
    try {
      FileSystem fs = folder.getFileSystem(conf);
      if (!fs.exists(folder)) {
        throw new InputException(
            "Cannot compare audit output " + dir + ": it does not exist. Give the folder an audit wrote (its --output).");
      }
      if (!fs.getFileStatus(folder).isDirectory()) {
        throw new InputException(
            "Cannot compare audit output "
                + dir
                + ": it is a file, not an audit output folder. Give the folder an audit wrote (its --output).");
      }
      Path json = new Path(folder, AuditOutput.SUMMARY_JSON.file());
      if (!fs.exists(json)) {
        throw new InputException(
            "Cannot compare audit output "
                + dir
                + ": it is not an audit output folder (it has no "
                + AuditOutput.SUMMARY_JSON.file()
                + "). Give the folder an audit wrote (its --output), or run `detention-audit audit` first.");
      }
      try (InputStream in = fs.open(json)) {
        summary = JSON.readTree(in);
      } catch (JacksonException e) {
        throw new InputException(
            "Cannot compare audit output "
                + dir
                + ": its "
                + AuditOutput.SUMMARY_JSON.file()
                + " is not valid JSON ("
                + e.getOriginalMessage().lines().findFirst().orElse("parse error")
                + "). The folder was damaged after the audit: run the audit again.",
            e);
      }
      if (summary == null || !summary.isObject()) {
        throw new InputException(
            "Cannot compare audit output "
                + dir
                + ": its "
                + AuditOutput.SUMMARY_JSON.file()
                + " holds no JSON object. The folder was damaged after the audit: run the audit again.");
      }
      String version = text(summary, "tool_version");
      for (AuditOutput table : TABLES) {
        if (!fs.exists(new Path(folder, table.file()))) {
          throw olderVersion(dir, table.file(), version);
        }
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot read audit output " + dir + ": " + e.getMessage() + ". Check the path and its permissions.", e);
    }
    Run run = readRun(dir, summary);
    ReleaseMetrics metrics =
        fromRows(
            dir,
            run,
            table(spark, dir, AuditOutput.SUMMARY, run.toolVersion()),
            table(spark, dir, AuditOutput.PROFILE, run.toolVersion()),
            table(spark, dir, AuditOutput.BREAKDOWN, run.toolVersion()),
            table(spark, dir, AuditOutput.FACILITIES, run.toolVersion()));
    LOG.info(
        "Read audit output {}: {} rules, {} profiled columns, {} fiscal years, {} facilities",
        dir,
        metrics.rules().size(),
        metrics.columns().size(),
        metrics.recordsByFiscalYear().size(),
        metrics.facilities().size());
    return metrics;
  }

  private static Run readRun(String dir, JsonNode summary) {
    String version = text(summary, "tool_version");
    JsonNode dataset = summary.path("dataset");
    JsonNode inputs = summary.path("inputs");
    if (!dataset.isObject() || !inputs.isArray() || !dataset.path("records").canConvertToLong()) {
      throw new InputException(
          "Cannot compare audit output "
              + dir
              + ": its "
              + AuditOutput.SUMMARY_JSON.file()
              + " lacks the 'inputs' list or the 'dataset' facts (written by detention-audit "
              + (version == null ? "of an unknown version" : version)
              + "). Run the audit again with this version ("
              + org.detentionaudit.core.DetentionAudit.toolVersion()
              + ").");
    }
    List<Input> list = new ArrayList<>();
    for (JsonNode input : inputs) {
      list.add(
          new Input(
              text(input, "path"), text(input, "format"), text(input, "layout"), input.path("rows_read").asLong()));
    }
    return new Run(
        version,
        text(summary, "started_at"),
        list,
        text(summary, "extract_date"),
        text(summary, "extract_date_origin"),
        text(dataset, "first_book_in"),
        text(dataset, "last_book_in"),
        dataset.path("records").asLong());
  }

  private static List<Row> table(SparkSession spark, String dir, AuditOutput table, String version) {
    String path = new Path(dir, table.file()).toString();
    StructType expected = table.schema().orElseThrow();
    try {
      var frame = spark.read().parquet(path);
      for (String column : expected.fieldNames()) {
        if (!List.of(frame.columns()).contains(column)) {
          throw new InputException(
              "Cannot compare audit output "
                  + dir
                  + ": its "
                  + table.file()
                  + " has no column '"
                  + column
                  + "' (written by detention-audit "
                  + (version == null ? "of an unknown version" : version)
                  + "). Run the audit again with this version ("
                  + org.detentionaudit.core.DetentionAudit.toolVersion()
                  + ").");
        }
      }
      // Only the count-only rows of the breakdown are read: its rule rows are many times more.
      return (table == AuditOutput.BREAKDOWN ? frame.where(frame.col("rule_id").isNull()) : frame).collectAsList();
    } catch (InputException e) {
      throw e;
    } catch (Exception e) {
      // Spark's AnalysisException (an empty folder), or the checked SparkException that Scala code
      // raises when a task fails on a damaged file.
      LOG.warn("Cannot read {}", path, e);
      throw new InputException(
          "Cannot compare audit output "
              + dir
              + ": its "
              + table.file()
              + " cannot be read ("
              + firstLine(e)
              + "). The folder was damaged after the audit: run the audit again.",
          e);
    }
  }

  private static InputException olderVersion(String dir, String file, String version) {
    return new InputException(
        "Cannot compare audit output "
            + dir
            + ": it has no "
            + file
            + ", which detention-audit "
            + (version == null ? "of an unknown version" : version)
            + " did not write or which was deleted. Run the audit again with this version ("
            + org.detentionaudit.core.DetentionAudit.toolVersion()
            + ") into a new folder, then compare that.");
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  private static long longOf(Row row, String field) {
    Object value = row.getAs(field);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  /**
   * A release from its output tables' rows (the columns of the files {@link #read} reads): what
   * {@link #read} builds from the files, and what a history builds from the rows an audit holds
   * before writing, since its check goes into the {@code summary.json} being written.
   *
   * @param folder the output folder, as the caller names it
   * @param run the run's facts, as {@code summary.json} states them
   * @param summaryRows the rows of {@code summary.parquet}
   * @param profileRows the rows of {@code profile.parquet}
   * @param breakdownRows the rows of {@code breakdown.parquet} (the rule rows are skipped)
   * @param facilityRows the rows of {@code facilities.parquet}
   */
  public static ReleaseMetrics fromRows(
      String folder,
      Run run,
      List<Row> summaryRows,
      List<Row> profileRows,
      List<Row> breakdownRows,
      List<Row> facilityRows) {
    List<RuleMetric> rules = new ArrayList<>();
    for (Row r : summaryRows) {
      rules.add(
          new RuleMetric(
              r.getAs("rule_id"), r.getAs("status"), r.getAs("records_checked"), r.getAs("records_failed"),
              r.getAs("failed_ratio")));
    }
    List<ColumnMetric> columns = new ArrayList<>();
    for (Row r : profileRows) {
      columns.add(
          new ColumnMetric(
              r.getAs("input"), r.getAs("column"), r.getAs("canonical_field"), longOf(r, "non_null"),
              longOf(r, "nulls"), longOf(r, "redacted"), longOf(r, "errors")));
    }
    Map<Integer, Long> byYear = new TreeMap<>(java.util.Comparator.nullsLast(Integer::compare));
    List<FacilityYearRecords> byFacilityYear = new ArrayList<>();
    for (Row r : breakdownRows) {
      if (r.getAs("rule_id") != null) {
        continue;
      }
      Integer year = r.getAs("fiscal_year");
      long records = longOf(r, "records");
      byYear.merge(year, records, Long::sum);
      byFacilityYear.add(new FacilityYearRecords(year, r.getAs("facility_code"), r.getAs("facility_name"), records));
    }
    List<YearRecords> years = new ArrayList<>();
    byYear.forEach((year, records) -> years.add(new YearRecords(year, records)));
    List<FacilityMetric> facilities = new ArrayList<>();
    for (Row r : facilityRows) {
      List<String> names = r.getList(r.fieldIndex("names_seen"));
      facilities.add(
          new FacilityMetric(r.getAs("facility_code"), r.getAs("keyed_by"), names, longOf(r, "records")));
    }
    return new ReleaseMetrics(folder, run, rules, columns, years, byFacilityYear, facilities);
  }
}

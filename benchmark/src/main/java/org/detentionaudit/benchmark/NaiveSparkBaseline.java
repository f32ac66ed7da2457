package org.detentionaudit.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.sort.PersonPass;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.core.load.CellExpressions;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.rules.RuleKind;

/**
 * The benchmark's naive baseline (b): the rules wired by hand the way a data engineer would,
 * without the audit's shared scans.
 *
 * <ul>
 *   <li>One normalizing {@code select} over the Parquet file, kept as a lazy DataFrame and never
 *       cached, so every rule re-reads and re-normalizes the file.
 *   <li>Each column rule is one Deequ {@code VerificationSuite} run of its own check ({@code
 *       isComplete}, {@code isContainedIn} or {@code satisfies} with the rule's SQL predicate, plus
 *       {@code hasSize}); the failed count comes from the metrics ({@link NaiveDeequCheck}).
 *   <li>Each cross-row rule (duplicates, overlaps, stays, facility names) is one Spark SQL query of
 *       its own, with its own window or group-by.
 * </ul>
 *
 * <p>Semantics, as docs/rules.md and the rule catalog word them (and as the audit's {@code
 * RulePredicates} and the generator's oracle compute them):
 *
 * <ul>
 *   <li>Text cells are trimmed as {@link String#trim()} does; blank, {@code NA}, {@code N/A} and
 *       redaction markers become null ({@link CellExpressions}). Text comparisons ignore case:
 *       person ids, facility codes and names are compared upper-cased, release reasons lower-cased
 *       against the rule's folded vocabulary or transfer reason.
 *   <li>Timestamps must be typed in the Parquet file: {@code TIMESTAMP_NTZ} is kept, {@code DATE}
 *       is midnight, {@code TIMESTAMP} is read as its UTC wall clock whatever the session time zone.
 *   <li>Input order is the row's position in its file ({@code _metadata.row_index}, files by path).
 *       A person's placements are ordered by book_in (nulls last), book_out (nulls last), then
 *       input order; a stay is (person, stay_book_in) with a null stay_book_in a group of its own.
 *   <li>A field the layout lacks is a null column; a rule needing such a field (or {@code
 *       stay.implausibly_early} without the layout's {@code covers_from}) maps to null.
 * </ul>
 *
 * <p>Runs on the active SparkSession if there is one; otherwise it builds the audit command's
 * embedded session ({@code local[*]}, UI off, bound to 127.0.0.1, UTC, {@code max(8, 4 x cores)}
 * shuffle partitions, raised for large inputs as the audit's per-person sort does: {@link
 * PersonPass#partitionsFor}) and stops it when done.
 */
public final class NaiveSparkBaseline implements Baseline {
  private static final String VIEW = "naive_placements";
  private static final String PERSON_KEY = "person_key";
  private static final String FACILITY_KEY = "facility_key";
  private static final String FACILITY_NAME_KEY = "facility_name_key";
  private static final String RELEASE_KEY = "release_key";
  private static final String SOURCE_FILE = "source_file";
  private static final String SOURCE_ROW = "source_row";
  /** A person's placements in the order of docs/rules.md; input order breaks ties. */
  private static final String PERSON_ORDER =
      "book_in ASC NULLS LAST, book_out ASC NULLS LAST, source_file, source_row";

  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  @Override
  public Map<String, Long> failedCounts(BaselineInput input) {
    boolean ownSession = !hasActiveSession();
    SparkSession spark = ownSession ? embeddedSession() : SparkSession.active();
    try {
      if (ownSession) {
        // The audit's rule for the per-person sort (PersonPass.partitionsFor), so both scale
        // alike; the row count comes from the Parquet footers.
        long rows = spark.read().parquet(input.parquet().toString()).count();
        int configured = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        spark.conf().set("spark.sql.shuffle.partitions", PersonPass.partitionsFor(rows, configured));
      }
      Dataset<Row> placements = normalizedPlacements(spark, input);
      placements.createOrReplaceTempView(VIEW);
      Map<String, Long> counts = new LinkedHashMap<>();
      for (Rule rule : input.rules()) {
        counts.put(rule.id(), input.judges(rule) ? failedCount(spark, placements, rule, input) : null);
      }
      return counts;
    } finally {
      if (ownSession) {
        spark.stop();
      } else {
        spark.catalog().dropTempView(VIEW);
      }
    }
  }

  private static long failedCount(SparkSession spark, Dataset<Row> placements, Rule rule, BaselineInput input) {
    String id = rule.id();
    LocalDateTime extract = input.extractDate();
    return switch (rule.kind()) {
      case FACILITY_MISSING_CODE -> NaiveDeequCheck.isComplete(id, "facility_code").failedRows(placements);
      case PLACEMENT_MISSING_BOOK_IN -> NaiveDeequCheck.isComplete(id, "book_in").failedRows(placements);
      case PERSON_MISSING_ID -> NaiveDeequCheck.isComplete(id, "person_id").failedRows(placements);
      case PLACEMENT_NEGATIVE_LENGTH ->
          NaiveDeequCheck.failsWhere(id, "book_out < book_in").failedRows(placements);
      case PLACEMENT_ZERO_LENGTH ->
          NaiveDeequCheck.failsWhere(id, "book_out = book_in").failedRows(placements);
      case PLACEMENT_OUTSIDE_STAY ->
          NaiveDeequCheck.failsWhere(id, "book_in < stay_book_in OR book_out > stay_book_out")
              .failedRows(placements);
      case PLACEMENT_OPEN_IN_CLOSED_STAY ->
          NaiveDeequCheck.failsWhere(id, "book_out IS NULL AND stay_book_out IS NOT NULL")
              .failedRows(placements);
      case PLACEMENT_BOOKED_OUT_WITHOUT_REASON ->
          NaiveDeequCheck.failsWhere(id, "book_out IS NOT NULL AND release_reason IS NULL")
              .failedRows(placements);
      case PLACEMENT_REASON_WITHOUT_BOOK_OUT ->
          NaiveDeequCheck.failsWhere(id, "release_reason IS NOT NULL AND book_out IS NULL")
              .failedRows(placements);
      case STAY_REASON_WITHOUT_BOOK_OUT ->
          NaiveDeequCheck.failsWhere(id, "stay_release_reason IS NOT NULL AND stay_book_out IS NULL")
              .failedRows(placements);
      case PLACEMENT_UNKNOWN_RELEASE_REASON ->
          NaiveDeequCheck.isContainedIn(
                  id,
                  RELEASE_KEY,
                  rule.stringListParameter(RuleKind.Parameters.KNOWN_REASONS).stream()
                      .map(NaiveSparkBaseline::releaseKey)
                      .distinct()
                      .toList())
              .failedRows(placements);
      case FACILITY_UNKNOWN_CODE ->
          NaiveDeequCheck.isContainedIn(id, FACILITY_KEY, input.facilityCodeKeys()).failedRows(placements);
      case STAY_IMPLAUSIBLY_EARLY ->
          NaiveDeequCheck.failsWhere(
                  id,
                  "coalesce(stay_book_in, book_in) < "
                      + timestampLiteral(
                          input
                              .windowStart()
                              .orElseThrow()
                              .minusYears(rule.intParameter(RuleKind.Parameters.YEARS_BEFORE_WINDOW))
                              .atStartOfDay()))
              .failedRows(placements);
      case PLACEMENT_HOLD_ROOM_OVER_72H ->
          NaiveDeequCheck.failsWhere(
                  id,
                  inList(FACILITY_KEY, input.under72CodeKeys())
                      + " AND book_in IS NOT NULL AND book_out > book_in + INTERVAL 72 HOURS")
              .failedRows(placements);
      case PLACEMENT_AFTER_EXTRACT ->
          NaiveDeequCheck.failsWhere(
                  id,
                  List.of("book_in", "book_out", "stay_book_in", "stay_book_out").stream()
                      .map(column -> column + " > " + timestampLiteral(extract))
                      .collect(Collectors.joining(" OR ")))
              .failedRows(placements);
      case PLACEMENT_IMPLAUSIBLE_DATE ->
          NaiveDeequCheck.failsWhere(
                  id,
                  List.of("book_in", "book_out", "stay_book_in", "stay_book_out").stream()
                      .map(column -> column + " < " + timestampLiteral(PlausibleTimestamps.EARLIEST)
                          + " OR " + column + " >= "
                          + timestampLiteral(LocalDate.now().plusDays(1).atStartOfDay()))
                      .collect(Collectors.joining(" OR ")))
              .failedRows(placements);
      case PLACEMENT_DUPLICATE -> count(spark, duplicateSql());
      case PERSON_OVERLAPPING_PLACEMENTS -> count(spark, overlapSql());
      case STAY_TRANSFERRED_WITHOUT_NEXT -> count(spark, transferredWithoutNextSql(transferKey(rule)));
      case STATUS_UNKNOWN ->
          count(
              spark,
              statusUnknownSql(extract.minusDays(rule.intParameter(RuleKind.Parameters.MAX_OPEN_DAYS))));
      case FACILITY_CODE_SEVERAL_NAMES -> count(spark, severalPartnersSql(FACILITY_KEY, FACILITY_NAME_KEY));
      case FACILITY_NAME_SEVERAL_CODES -> count(spark, severalPartnersSql(FACILITY_NAME_KEY, FACILITY_KEY));
      case PLACEMENT_SELF_TRANSFER -> count(spark, selfTransferSql(transferKey(rule)));
    };
  }

  /** {@code column IN ('A', 'B', ...)}, or {@code false} for no values. */
  private static String inList(String column, java.util.Collection<String> values) {
    if (values.isEmpty()) {
      return "false";
    }
    return column
        + " IN ("
        + values.stream().sorted().map(v -> "'" + v.replace("'", "\\'") + "'").collect(Collectors.joining(", "))
        + ")";
  }

  /** Records with an earlier record (input order) of the same person, book_in, book_out and code. */
  private static String duplicateSql() {
    return "SELECT count(*) FROM ("
        + " SELECT row_number() OVER (PARTITION BY person_key, book_in, book_out, facility_key"
        + " ORDER BY source_file, source_row) AS copy_number"
        + " FROM " + VIEW + " WHERE person_key IS NOT NULL)"
        + " WHERE copy_number > 1";
  }

  /**
   * Records booked in before the latest end of the person's earlier placements; an open earlier
   * placement never ends. Rows without book_in sort last, so they precede nothing and are left out.
   */
  private static String overlapSql() {
    return "SELECT count(*) FROM ("
        + " SELECT book_in, bool_or(book_out IS NULL) OVER earlier AS earlier_open,"
        + " max(book_out) OVER earlier AS earlier_end"
        + " FROM " + VIEW + " WHERE person_key IS NOT NULL AND book_in IS NOT NULL"
        + " WINDOW earlier AS (PARTITION BY person_key ORDER BY " + PERSON_ORDER
        + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))"
        + " WHERE earlier_open OR book_in < earlier_end";
  }

  /** Transfers that are the last placement of their stay (every row of the stay counts). */
  private static String transferredWithoutNextSql(String transferKey) {
    return "SELECT count(*) FROM ("
        + " SELECT book_in, release_key,"
        + " lead(1) OVER (PARTITION BY person_key, stay_book_in ORDER BY " + PERSON_ORDER + ") AS next_in_stay"
        + " FROM " + VIEW + " WHERE person_key IS NOT NULL)"
        + " WHERE book_in IS NOT NULL AND release_key = " + sqlString(transferKey)
        + " AND next_in_stay IS NULL";
  }

  /**
   * Open records without a release reason whose stay has a stay_book_out on any row, or whose
   * person has a later book_in, or booked in before {@code cutoff}.
   */
  private static String statusUnknownSql(LocalDateTime cutoff) {
    return "SELECT count(*) FROM ("
        + " SELECT book_in, book_out, release_reason,"
        + " bool_or(stay_book_out IS NOT NULL) OVER (PARTITION BY person_key, stay_book_in) AS stay_ended,"
        + " max(book_in) OVER (PARTITION BY person_key) AS latest_book_in"
        + " FROM " + VIEW + " WHERE person_key IS NOT NULL)"
        + " WHERE book_in IS NOT NULL AND book_out IS NULL AND release_reason IS NULL"
        + " AND (stay_ended OR latest_book_in > book_in OR book_in < " + timestampLiteral(cutoff) + ")";
  }

  /** Records with both keys whose {@code key} the data set holds with more than one {@code partner}. */
  private static String severalPartnersSql(String key, String partner) {
    return "SELECT coalesce(sum(records), 0) FROM ("
        + " SELECT " + key + ", count(*) AS records, count(DISTINCT " + partner + ") AS partners"
        + " FROM " + VIEW + " WHERE " + key + " IS NOT NULL AND " + partner + " IS NOT NULL"
        + " GROUP BY " + key + ")"
        + " WHERE partners > 1";
  }

  /** Transfers whose next placement of the same stay has the same facility code. */
  private static String selfTransferSql(String transferKey) {
    return "SELECT count(*) FROM ("
        + " SELECT book_in, facility_key, release_key,"
        + " lead(facility_key) OVER (PARTITION BY person_key, stay_book_in ORDER BY " + PERSON_ORDER
        + ") AS next_facility_key"
        + " FROM " + VIEW + " WHERE person_key IS NOT NULL)"
        + " WHERE book_in IS NOT NULL AND facility_key IS NOT NULL"
        + " AND release_key = " + sqlString(transferKey)
        + " AND next_facility_key = facility_key";
  }

  private static long count(SparkSession spark, String sql) {
    return ((Number) spark.sql(sql).first().get(0)).longValue();
  }

  /**
   * The placements as the audit normalizes them: one column per canonical field (null where the
   * layout lacks it), the folded comparison keys and the input order. Lazy: each action re-reads
   * the file.
   */
  static Dataset<Row> normalizedPlacements(SparkSession spark, BaselineInput input) {
    Dataset<Row> source = spark.read().parquet(input.parquet().toString());
    StructType schema = source.schema();
    List<Column> columns = new ArrayList<>();
    columns.add(col("_metadata.file_path").as(SOURCE_FILE));
    columns.add(col("_metadata.row_index").as(SOURCE_ROW));
    for (CanonicalField field : CanonicalField.values()) {
      Optional<String> column = input.column(field);
      Column value =
          column.isEmpty()
              ? lit(null).cast(field.type() == CanonicalField.Type.TEXT ? DataTypes.StringType : DataTypes.TimestampNTZType)
              : field.type() == CanonicalField.Type.TEXT
                  ? text(quoted(column.get()).cast(DataTypes.StringType))
                  : timestamp(schema.apply(column.get()), quoted(column.get()));
      columns.add(value.as(field.columnName()));
    }
    return source
        .select(columns.toArray(new Column[0]))
        .withColumn(PERSON_KEY, upper(col("person_id")))
        .withColumn(FACILITY_KEY, upper(col("facility_code")))
        .withColumn(FACILITY_NAME_KEY, upper(col("facility_name")))
        .withColumn(RELEASE_KEY, lower(col("release_reason")));
  }

  /** A text cell trimmed, or null when it is missing or a redaction marker. */
  private static Column text(Column raw) {
    Column trimmed = CellExpressions.trimmed(raw);
    return when(CellExpressions.isMissing(trimmed), lit(null))
        .when(CellExpressions.isRedaction(trimmed), lit(null))
        .otherwise(trimmed);
  }

  /** A typed timestamp cell as a wall-clock {@code TIMESTAMP_NTZ}. */
  private static Column timestamp(StructField field, Column value) {
    DataType type = field.dataType();
    if (type.equals(DataTypes.TimestampNTZType)) {
      return value;
    }
    if (type.equals(DataTypes.DateType)) {
      return value.cast(DataTypes.TimestampNTZType);
    }
    if (type.equals(DataTypes.TimestampType)) {
      // An instant, read as its UTC wall clock whatever the session time zone.
      return lit(EPOCH).plus(lit(Duration.ofNanos(1_000)).multiply(functions.unix_micros(value)));
    }
    throw new IllegalArgumentException(
        "Cannot read column '"
            + field.name()
            + "' as a timestamp: it is "
            + type.simpleString()
            + ". The naive baseline reads typed Parquet timestamps only (TIMESTAMP, TIMESTAMP_NTZ or"
            + " DATE), as the sample generator writes them.");
  }

  private static String transferKey(Rule rule) {
    return releaseKey(rule.textParameter(RuleKind.Parameters.TRANSFER_REASON));
  }

  /** A release reason folded as the {@code release_key} column folds the data: trimmed, lower case. */
  private static String releaseKey(String reason) {
    return reason.trim().toLowerCase(Locale.ROOT);
  }

  private static String timestampLiteral(LocalDateTime value) {
    return "TIMESTAMP_NTZ '" + SQL_TIMESTAMP.format(value) + "'";
  }

  private static String sqlString(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static Column quoted(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }

  private static boolean hasActiveSession() {
    try {
      SparkSession.active();
      return true;
    } catch (IllegalStateException none) {
      return false;
    }
  }

  /** The audit command's embedded session (see spark-jobs' {@code SparkSessions}). */
  private static SparkSession embeddedSession() {
    int cores = Runtime.getRuntime().availableProcessors();
    return SparkSession.builder()
        .appName("detention-audit-naive-baseline")
        .master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", Integer.toString(Math.max(8, cores * 4)))
        .getOrCreate();
  }
}

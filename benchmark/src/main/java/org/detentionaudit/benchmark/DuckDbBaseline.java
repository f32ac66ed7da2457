package org.detentionaudit.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.detentionaudit.core.normalize.RedactionMarker;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.rules.RuleKind;
import org.detentionaudit.rules.RuleScope;

/**
 * The rule meanings of docs/rules.md as one hand-written DuckDB query over the Parquet file: contender
 * (c) of the benchmark.
 *
 * <p>The query runs in an in-memory database with DuckDB's default of one thread per core. It reads
 * the mapped columns once with {@code read_parquet}, normalizes them, turns each rule's test of the
 * record alone into a boolean flag, computes the per-person and per-stay facts with window
 * functions over those narrow rows, and counts every rule's failures with one {@code FILTER}
 * aggregate each. Besides that scan, only the distinct raw (facility code, facility name) pairs are
 * read again (two columns, hashed, then normalized), for the facility-name conflicts. Nothing is
 * materialized but DuckDB's own hash tables and sorts, and that small set of pairs.
 *
 * <p>The per-stay facts (next placement of the stay, whether the stay has a book-out) use a second
 * window partitioning, (person, stay_book_in), next to the per-person one: DuckDB sorts twice. The
 * one-sort alternative, collecting each person's later placements into lists over window frames and
 * filtering them by stay (as the Spark audit does), measured about fifteen times slower in DuckDB.
 *
 * <p>Semantics are the audit's ({@code RulePredicates}, {@code PersonColumns}) and the generator's
 * oracle's ({@code ReferenceRuleEvaluator}):
 *
 * <ul>
 *   <li>Text cells are trimmed as {@link String#trim()} does (U+0000 to U+0020); blank, {@code NA}
 *       and {@code N/A} (any case) and redaction markers ({@link RedactionMarker}) become null.
 *       Text is compared trimmed and ignoring case: person ids, facility codes and names
 *       upper-cased, release reasons lower-cased, as the audit folds them. DuckDB's case mapping
 *       is Java's for ASCII; a few other letters differ (Java upper-cases {@code ß} to {@code SS},
 *       DuckDB to {@code ẞ}).
 *   <li>Timestamp fields may be {@code TIMESTAMP} (any unit), {@code TIMESTAMP WITH TIME ZONE} (its
 *       UTC wall clock, as the audit reads an instant) or {@code DATE} (midnight). Timestamps
 *       written as text are out of scope (the audit parses them with the layout's date formats and
 *       quarantines what it cannot parse): such a file is refused with an {@link
 *       IllegalArgumentException}.
 *   <li>A person's placements are ordered by book_in, then book_out (nulls last for both), then
 *       input order, which is the row's position in the file ({@code file_row_number}). Records
 *       without a person id share one window partition, but no per-person rule judges them. A stay
 *       is (person, stay_book_in), a null stay_book_in being one stay of its own. An open placement
 *       never ends for {@code person.overlapping_placements} ({@code 'infinity'}; the audit uses
 *       9999-12-31 23:59:59, which differs only for a book_in after that).
 *   <li>{@code placement.duplicate} fails every record of a (person, book_in, book_out,
 *       facility_code) group but the first in input order, nulls equal to nulls, so its count is
 *       the number of records with a person id less the number of distinct groups: a hash
 *       aggregate, no window.
 *   <li>A rule whose required fields ({@link RuleKind#requiredFields()}) the file's layout lacks,
 *       and {@code stay.implausibly_early} without the layout's window start, map to null. A field
 *       a rule can do without (stay_book_out for {@code status.unknown}, say) reads as null.
 * </ul>
 */
public final class DuckDbBaseline implements Baseline {
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  /** {@link RedactionMarker#PATTERN} in the RE2 dialect of DuckDB's regular expressions. */
  static final String REDACTION_RE2 = re2Form(RedactionMarker.PATTERN);

  /** Longest cell {@link RedactionMarker#isRedaction(String)} looks at. */
  private static final int MAX_MARKER_LENGTH = 200;

  /** The characters {@link String#trim()} removes, as a DuckDB string expression. */
  private static final String JAVA_WHITESPACE_SQL = javaWhitespaceSql();

  private static final List<CanonicalField> TEXT_FIELDS =
      List.of(
          CanonicalField.PERSON_ID,
          CanonicalField.FACILITY_CODE,
          CanonicalField.FACILITY_NAME,
          CanonicalField.RELEASE_REASON,
          CanonicalField.STAY_RELEASE_REASON);

  private static final List<CanonicalField> TIMESTAMP_FIELDS =
      List.of(
          CanonicalField.STAY_BOOK_IN,
          CanonicalField.BOOK_IN,
          CanonicalField.BOOK_OUT,
          CanonicalField.STAY_BOOK_OUT);

  @Override
  public Map<String, Long> failedCounts(BaselineInput input) throws SQLException {
    if (input.extractDate() == null) {
      throw new IllegalArgumentException(
          "Cannot evaluate " + input.parquet() + ": no extract date was given");
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement settings = connection.createStatement()) {
        // An instant (TIMESTAMP WITH TIME ZONE) is read as its UTC wall clock, as the audit does.
        settings.execute("SET TimeZone = 'UTC'");
      }
      Map<String, String> types = columnTypes(connection, input);
      List<Rule> judged = new ArrayList<>();
      for (Rule rule : input.rules()) {
        if (input.judges(rule)) {
          judged.add(rule);
        }
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      input.rules().forEach(rule -> counts.put(rule.id(), null));
      if (judged.isEmpty()) {
        return counts;
      }
      try (PreparedStatement query = connection.prepareStatement(query(input, types, judged))) {
        if (judges(judged, RuleKind.FACILITY_UNKNOWN_CODE)) {
          Array facilityCodes =
              connection.createArrayOf("VARCHAR", input.facilityCodeKeys().toArray(new String[0]));
          query.setArray(1, facilityCodes);
        }
        try (ResultSet result = query.executeQuery()) {
          result.next();
          for (int i = 0; i < judged.size(); i++) {
            counts.put(judged.get(i).id(), result.getLong(i + 1));
          }
        }
      }
      return counts;
    }
  }

  /**
   * The SQL of the whole evaluation, one column per judged rule in their order. When {@code
   * facility.unknown_code} is judged, its one parameter is the facility reference's code keys.
   */
  static String query(BaselineInput input, Map<String, String> types, List<Rule> judged) {
    List<RuleSql> rules = judged.stream().map(rule -> ruleSql(rule, input)).toList();
    boolean window = judged.stream().anyMatch(rule -> rule.kind().scope() == RuleScope.PERSON);
    boolean facilityConflicts =
        judges(judged, RuleKind.FACILITY_CODE_SEVERAL_NAMES)
            || judges(judged, RuleKind.FACILITY_NAME_SEVERAL_CODES);
    StringBuilder sql = new StringBuilder("WITH\n");
    if (judges(judged, RuleKind.FACILITY_UNKNOWN_CODE)) {
      // A table for a hash semi-join, not an IN list of some 1,700 literals.
      sql.append("known_facility_code AS (SELECT unnest(?::VARCHAR[]) AS code_key),\n");
    }

    // 1. The mapped columns, text trimmed, timestamps as TIMESTAMP; input order from the file.
    List<String> read = new ArrayList<>();
    read.add("file_row_number AS input_order");
    for (CanonicalField field : TEXT_FIELDS) {
      read.add(
          input
                  .column(field)
                  .map(column -> javaTrimmed(textOf(column, types)))
                  .orElse("NULL::VARCHAR")
              + " AS "
              + field.columnName());
    }
    for (CanonicalField field : TIMESTAMP_FIELDS) {
      read.add(
          input.column(field).map(column -> timestampOf(column, types)).orElse("NULL::TIMESTAMP")
              + " AS "
              + field.columnName());
    }
    sql.append("cells AS (\n  SELECT ")
        .append(String.join(",\n    ", read))
        .append("\n  FROM read_parquet(")
        .append(sqlString(input.parquet().toAbsolutePath().toString()))
        .append(", file_row_number := true)),\n");

    // 2. Missing values and redaction markers become null; then the folded comparison keys.
    List<String> normalized = new ArrayList<>();
    normalized.add("input_order");
    for (CanonicalField field : TEXT_FIELDS) {
      String name = field.columnName();
      normalized.add(normalizedText(name) + " AS " + name);
    }
    for (CanonicalField field : TIMESTAMP_FIELDS) {
      normalized.add(field.columnName());
    }
    sql.append("placements AS (\n  SELECT ")
        .append(String.join(",\n    ", normalized))
        .append("\n  FROM cells),\n");
    sql.append(
        """
        keyed AS (
          SELECT *,
            upper(person_id) AS person_key,
            upper(facility_code) AS code_key,
            upper(facility_name) AS name_key
          FROM placements),
        """);
    if (facilityConflicts) {
      // Normalization is a function of the raw cell, so only the few distinct raw (code, name)
      // pairs are normalized. No WHERE here: DuckDB would push it back into the scan of every row.
      String code = input.column(CanonicalField.FACILITY_CODE).orElseThrow();
      String name = input.column(CanonicalField.FACILITY_NAME).orElseThrow();
      sql.append("raw_facility_pair AS (\n  SELECT DISTINCT ")
          .append(textOf(code, types))
          .append(" AS code, ")
          .append(textOf(name, types))
          .append(" AS name\n  FROM read_parquet(")
          .append(sqlString(input.parquet().toAbsolutePath().toString()))
          .append(")),\n");
      sql.append("trimmed_facility_pair AS (\n  SELECT ")
          .append(javaTrimmed("code"))
          .append(" AS code,\n    ")
          .append(javaTrimmed("name"))
          .append(" AS name\n  FROM raw_facility_pair),\n");
      sql.append("facility_pair AS MATERIALIZED (\n  SELECT DISTINCT\n    upper(")
          .append(normalizedText("code"))
          .append(") AS code_key,\n    upper(")
          .append(normalizedText("name"))
          .append(") AS name_key\n  FROM trimmed_facility_pair),\n");
      sql.append(
          """
          code_with_several_names AS (
            SELECT code_key FROM facility_pair
            GROUP BY code_key HAVING count(DISTINCT name_key) > 1),
          name_with_several_codes AS (
            SELECT name_key FROM facility_pair
            GROUP BY name_key HAVING count(DISTINCT code_key) > 1),
          """);
    }

    // 3. Each rule's test of the record alone, as a flag: the window sorts flags, not text.
    List<String> flagged =
        new ArrayList<>(
            List.of(
                "input_order",
                "person_key",
                "code_key",
                "stay_book_in",
                "book_in",
                "book_out",
                "stay_book_out IS NOT NULL AS stay_closed"));
    for (int i = 0; i < rules.size(); i++) {
      flagged.add("coalesce(" + rules.get(i).recordTest() + ", false) AS " + flag(i));
    }
    sql.append("flagged AS (\n  SELECT ")
        .append(String.join(",\n    ", flagged))
        .append("\n  FROM keyed)");

    // 4. The per-person and per-stay facts: one sort by person, one by stay within the person.
    if (window) {
      sql.append(
          """
          ,
          ordered AS (
            SELECT *,
              max(coalesce(book_out, 'infinity'::TIMESTAMP)) OVER (by_person
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_max_end,
              max(book_in) OVER (by_person
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS person_max_book_in,
              lead(input_order) OVER by_stay IS NOT NULL AS later_in_stay,
              lead(code_key) OVER by_stay AS next_in_stay_code,
              bool_or(stay_closed) OVER (by_stay
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS stay_has_book_out
            FROM flagged
            WINDOW
              by_person AS (PARTITION BY person_key
                ORDER BY book_in ASC NULLS LAST, book_out ASC NULLS LAST, input_order),
              by_stay AS (PARTITION BY person_key, stay_book_in
                ORDER BY book_in ASC NULLS LAST, book_out ASC NULLS LAST, input_order))""");
    }

    // 5. One aggregate per rule, all in one pass.
    List<String> aggregates = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      String id = sqlIdentifier(judged.get(i).id());
      aggregates.add(rules.get(i).failedCount(flag(i)) + " AS " + id);
    }
    sql.append("\nSELECT\n  ")
        .append(String.join(",\n  ", aggregates))
        .append("\nFROM ")
        .append(window ? "ordered" : "flagged");
    return sql.toString();
  }

  /**
   * A rule as SQL. A record fails when {@code recordTest} (over the normalized record alone,
   * computed before the window as the rule's flag) holds and {@code orderedTest} (over the record
   * with its person's facts; null when the record test decides) holds too. With a {@code
   * distinctKey}, the flagged records of each distinct key fail all but one instead.
   */
  private record RuleSql(String recordTest, String orderedTest, String distinctKey) {
    static RuleSql record(String recordTest) {
      return new RuleSql(recordTest, null, null);
    }

    static RuleSql ordered(String recordTest, String orderedTest) {
      return new RuleSql(recordTest, orderedTest, null);
    }

    static RuleSql allButOnePer(String recordTest, String distinctKey) {
      return new RuleSql(recordTest, null, distinctKey);
    }

    String failedCount(String flag) {
      if (distinctKey != null) {
        return String.format(
            Locale.ROOT,
            "(count(*) FILTER (WHERE %1$s) - count(DISTINCT %2$s) FILTER (WHERE %1$s))",
            flag,
            distinctKey);
      }
      return "count(*) FILTER (WHERE "
          + flag
          + (orderedTest == null ? "" : " AND " + orderedTest)
          + ")";
    }
  }

  /** The meaning of one rule kind (docs/rules.md, core-rules.yaml); null never fails a record. */
  private static RuleSql ruleSql(Rule rule, BaselineInput input) {
    String personRow = "person_key IS NOT NULL AND book_in IS NOT NULL";
    return switch (rule.kind()) {
      case FACILITY_MISSING_CODE -> RuleSql.record("facility_code IS NULL");
      case PLACEMENT_MISSING_BOOK_IN -> RuleSql.record("book_in IS NULL");
      case PLACEMENT_NEGATIVE_LENGTH -> RuleSql.record("book_out < book_in");
      case PLACEMENT_ZERO_LENGTH -> RuleSql.record("book_out = book_in");
      case PLACEMENT_OUTSIDE_STAY ->
          RuleSql.record("book_in < stay_book_in OR book_out > stay_book_out");
      case PLACEMENT_OPEN_IN_CLOSED_STAY ->
          RuleSql.record("book_out IS NULL AND stay_book_out IS NOT NULL");
      case PLACEMENT_BOOKED_OUT_WITHOUT_REASON ->
          RuleSql.record("book_out IS NOT NULL AND release_reason IS NULL");
      case PLACEMENT_REASON_WITHOUT_BOOK_OUT ->
          RuleSql.record("release_reason IS NOT NULL AND book_out IS NULL");
      case STAY_REASON_WITHOUT_BOOK_OUT ->
          RuleSql.record("stay_release_reason IS NOT NULL AND stay_book_out IS NULL");
      case PLACEMENT_UNKNOWN_RELEASE_REASON ->
          RuleSql.record(
              "lower(release_reason) NOT IN ("
                  + rule.stringListParameter(RuleKind.Parameters.KNOWN_REASONS).stream()
                      .map(reason -> sqlString(folded(reason)))
                      .distinct()
                      .collect(Collectors.joining(", "))
                  + ")");
      case PERSON_MISSING_ID -> RuleSql.record("person_id IS NULL");
      case PLACEMENT_DUPLICATE ->
          // The first record of each group in input order passes, every later one fails.
          RuleSql.allButOnePer(
              "person_key IS NOT NULL", "(person_key, book_in, book_out, code_key)");
      case PERSON_OVERLAPPING_PLACEMENTS -> RuleSql.ordered(personRow, "book_in < earlier_max_end");
      case STAY_TRANSFERRED_WITHOUT_NEXT ->
          RuleSql.ordered(
              personRow
                  + " AND "
                  + isReason(rule.textParameter(RuleKind.Parameters.TRANSFER_REASON)),
              "NOT later_in_stay");
      case STATUS_UNKNOWN ->
          RuleSql.ordered(
              personRow + " AND book_out IS NULL AND release_reason IS NULL",
              "(stay_has_book_out OR person_max_book_in > book_in OR book_in < "
                  + timestampLiteral(
                      input
                          .extractDate()
                          .minusDays(rule.intParameter(RuleKind.Parameters.MAX_OPEN_DAYS)))
                  + ")");
      case FACILITY_UNKNOWN_CODE ->
          RuleSql.record("code_key NOT IN (SELECT code_key FROM known_facility_code)");
      case FACILITY_CODE_SEVERAL_NAMES ->
          RuleSql.record(
              "name_key IS NOT NULL"
                  + " AND code_key IN (SELECT code_key FROM code_with_several_names)");
      case FACILITY_NAME_SEVERAL_CODES ->
          RuleSql.record(
              "code_key IS NOT NULL"
                  + " AND name_key IN (SELECT name_key FROM name_with_several_codes)");
      case PLACEMENT_SELF_TRANSFER ->
          RuleSql.ordered(
              personRow
                  + " AND code_key IS NOT NULL AND "
                  + isReason(rule.textParameter(RuleKind.Parameters.TRANSFER_REASON)),
              "next_in_stay_code = code_key");
      case STAY_IMPLAUSIBLY_EARLY ->
          RuleSql.record(
              "coalesce(stay_book_in, book_in) < "
                  + timestampLiteral(
                      input
                          .windowStart()
                          .orElseThrow()
                          .minusYears(rule.intParameter(RuleKind.Parameters.YEARS_BEFORE_WINDOW))
                          .atStartOfDay()));
      case PLACEMENT_HOLD_ROOM_OVER_72H ->
          RuleSql.record(
              (input.under72CodeKeys().isEmpty()
                      ? "false"
                      : "code_key IN ("
                          + input.under72CodeKeys().stream()
                              .sorted()
                              .map(DuckDbBaseline::sqlString)
                              .collect(Collectors.joining(", "))
                          + ")")
                  + " AND book_in IS NOT NULL AND book_out > book_in + INTERVAL 72 HOUR");
      case PLACEMENT_AFTER_EXTRACT -> {
        String extract = timestampLiteral(input.extractDate());
        yield RuleSql.record(
            TIMESTAMP_FIELDS.stream()
                .map(field -> field.columnName() + " > " + extract)
                .collect(Collectors.joining(" OR ")));
      }
      case PLACEMENT_IMPLAUSIBLE_DATE -> {
        // From 1950-01-01T00:00 to the end of the run's day (PlausibleTimestamps in core).
        String earliest = timestampLiteral(LocalDateTime.of(1950, 1, 1, 0, 0));
        String afterRun = timestampLiteral(LocalDate.now().plusDays(1).atStartOfDay());
        yield RuleSql.record(
            TIMESTAMP_FIELDS.stream()
                .map(field -> field.columnName() + " < " + earliest + " OR " + field.columnName() + " >= " + afterRun)
                .collect(Collectors.joining(" OR ")));
      }
    };
  }

  private static boolean judges(List<Rule> judged, RuleKind kind) {
    return judged.stream().anyMatch(rule -> rule.kind() == kind);
  }

  private static String isReason(String reason) {
    return "lower(release_reason) = " + sqlString(folded(reason));
  }

  private static String flag(int rule) {
    return "r" + rule;
  }

  /** The DuckDB type of each column of the file. */
  private static Map<String, String> columnTypes(Connection connection, BaselineInput input)
      throws SQLException {
    Map<String, String> types = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet columns =
            statement.executeQuery(
                "DESCRIBE SELECT * FROM read_parquet("
                    + sqlString(input.parquet().toAbsolutePath().toString())
                    + ")")) {
      while (columns.next()) {
        types.put(columns.getString("column_name"), columns.getString("column_type"));
      }
    }
    return types;
  }

  private static String textOf(String column, Map<String, String> types) {
    String quoted = sqlIdentifier(column);
    return "VARCHAR".equals(types.get(column)) ? quoted : "CAST(" + quoted + " AS VARCHAR)";
  }

  private static String timestampOf(String column, Map<String, String> types) {
    String type = Optional.ofNullable(types.get(column)).orElse("unknown");
    if (!type.startsWith("TIMESTAMP") && !type.equals("DATE")) {
      throw new IllegalArgumentException(
          "Cannot evaluate column '"
              + column
              + "' as a timestamp: its Parquet type is "
              + type
              + ". This baseline reads typed timestamps and dates only; text dates need the"
              + " audit's date formats.");
    }
    return "CAST(" + sqlIdentifier(column) + " AS TIMESTAMP)";
  }

  /**
   * {@code text} trimmed as {@link String#trim()} does. DuckDB's {@code trim} with a set of
   * characters costs time in proportion to the set for every cell, so only cells that begin or end
   * with one of them go through it.
   */
  static String javaTrimmed(String text) {
    return "CASE WHEN ord("
        + text
        + ") <= 32 OR ord(right("
        + text
        + ", 1)) <= 32 THEN trim("
        + text
        + ", "
        + JAVA_WHITESPACE_SQL
        + ") ELSE "
        + text
        + " END";
  }

  /** The trimmed cell {@code x}, or null when it means no value ({@link #isNoValue}). */
  static String normalizedText(String x) {
    return "CASE WHEN " + isNoValue(x) + " THEN NULL ELSE " + x + " END";
  }

  /**
   * True when the trimmed cell {@code x} means no value: blank, {@code NA}, {@code N/A} (any case)
   * or a redaction marker ({@link RedactionMarker#isRedaction(String)}); null for null.
   *
   * <p>Cheap tests go first, so that the regular expression runs only on cells with a parenthesis
   * or the word "redacted" (the marker test asks for one of them), and {@code lower} only on
   * cells of at most three bytes. Byte lengths ({@code strlen}) stand for Java's lengths because
   * only ASCII can equal {@code NA} ignoring case or match the marker pattern.
   */
  private static String isNoValue(String x) {
    return String.format(
        Locale.ROOT,
        "%1$s = '' OR (strlen(%1$s) <= 3 AND lower(%1$s) IN ('na', 'n/a'))"
            + " OR ((contains(%1$s, '(') OR contains(%1$s, ')') OR %1$s ILIKE '%%redacted%%')"
            + " AND strlen(%1$s) <= %2$d AND regexp_full_match(%1$s, %3$s))",
        x,
        MAX_MARKER_LENGTH,
        sqlString(REDACTION_RE2));
  }

  /**
   * A Java pattern of {@link RedactionMarker}'s kind, rewritten for RE2: possessive {@code *+}
   * becomes greedy {@code *} (RE2 has no possessive quantifiers), {@code \s} becomes Java's six
   * whitespace characters (RE2's {@code \s} lacks the vertical tab), and the case-insensitive flag
   * is inlined.
   *
   * <p>Dropping possessiveness changes no match of this pattern: each possessive run ({@code (},
   * {@code )} or whitespace) is followed by an element that cannot begin with the character it
   * consumed, or by one that takes the same characters again (a separator's whitespace), so giving
   * characters back never lets a match succeed that failed without. DuckDbBaselineTest checks the
   * two dialects agree on the documented examples and near misses.
   */
  static String re2Form(Pattern pattern) {
    if (pattern.flags() != Pattern.CASE_INSENSITIVE) {
      throw new IllegalStateException(
          "Cannot translate the redaction pattern for DuckDB: flags "
              + pattern.flags()
              + " are not CASE_INSENSITIVE alone. Inline the new flags in DuckDbBaseline.");
    }
    String java = pattern.pattern();
    for (String unsupported : List.of("++", "?+", "}+", "(?=", "(?!", "(?<", "\\*", "\\p", "\\b")) {
      if (java.contains(unsupported)) {
        throw new IllegalStateException(
            "Cannot translate the redaction pattern for DuckDB: it uses '"
                + unsupported
                + "', which DuckDbBaseline.re2Form does not rewrite: "
                + java);
      }
    }
    return "(?i)" + java.replace("*+", "*").replace("\\s", "[\\t\\n\\x0B\\f\\r ]");
  }

  private static String folded(String text) {
    return text.trim().toLowerCase(Locale.ROOT);
  }

  private static String timestampLiteral(LocalDateTime value) {
    return "TIMESTAMP '" + SQL_TIMESTAMP.format(value) + "'";
  }

  private static String sqlString(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String sqlIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String javaWhitespaceSql() {
    List<String> characters = new ArrayList<>();
    for (int c = 0; c <= ' '; c++) {
      characters.add("chr(" + c + ")");
    }
    return "(" + String.join(" || ", characters) + ")";
  }
}

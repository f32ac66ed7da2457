package org.detentionaudit.core.reference;

import static org.detentionaudit.core.load.SmallCsv.cell;
import static org.detentionaudit.core.load.SmallCsv.column;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.HeaderKey;
import org.detentionaudit.core.load.SmallCsv;
import org.detentionaudit.core.normalize.RedactionMarker;

/**
 * The facility codes an audit knows, with their names and per-diem rates. Immutable.
 *
 * <p>{@link #bundled()} is the table shipped with the library (provenance in the README, "Provenance
 * and privacy"): every code of ICE's November 2017 facility list and of the Deportation Data
 * Project's February 2025 release, one row per (code, name), with the 2017 per-diem text. {@link
 * #withUserFile(Path)} adds the user's list ({@code --facilities FILE.csv}): <b>for a code in the
 * user's file, each column the file has replaces the bundled fact (names, per-diem, type, detailed
 * type, over_under_72 mark), the others are kept; other codes are added.</b>
 *
 * <p>File format: CSV with a header row holding at least {@code facility_code}; {@code
 * facility_name}, {@code per_diem_rate}, {@code type}, {@code type_detailed} and {@code
 * over_under_72} are optional, other columns are ignored. Header names are compared ignoring case,
 * spaces, underscores and punctuation ({@code Facility Code} works); the lists derived from ICE's
 * detention data, whose headers are {@code detention_facility_code} and {@code
 * detention_facility}, are read as they are published. A code
 * may have several rows (one per name); its per-diem is the first non-empty one among them. Codes are
 * compared trimmed and ignoring case ({@link #key(String)}). A code's type, detailed type and
 * {@code over_under_72} mark are the first non-empty ones among its rows.
 *
 * <p>Names: {@link #matchName(String)} finds the codes listing a name, comparing the {@link
 * FacilityNames#normalize normal forms} of the names; a name under several codes is ambiguous.
 *
 * <p>Look-ups ({@link #find}, {@link #contains}) take a raw code from the data; null and blank codes
 * are never in the reference.
 */
public final class FacilityReference {
  /** The bundled table, a class-path resource next to this class. */
  public static final String BUNDLED_RESOURCE = "facilities.csv";

  /**
   * The code column, first found wins: {@code facility_code}, else {@code detention_facility_code}
   * (the header of the facility lists derived from ICE's detention data, e.g. UWCHR's and the
   * ACLU's).
   */
  private static final List<String> CODE =
      List.of(HeaderKey.of("facility_code"), HeaderKey.of("detention_facility_code"));
  /** The name column, first found wins: {@code facility_name}, else {@code detention_facility}. */
  private static final List<String> NAME =
      List.of(HeaderKey.of("facility_name"), HeaderKey.of("detention_facility"));
  private static final String PER_DIEM = HeaderKey.of("per_diem_rate");
  private static final String SOURCES = HeaderKey.of("sources");
  private static final String TYPE = HeaderKey.of("type");
  private static final String TYPE_DETAILED = HeaderKey.of("type_detailed");
  private static final String OVER_UNDER_72 = HeaderKey.of("over_under_72");

  private final Map<String, FacilityEntry> entriesByKey;
  private final String description;
  private final long rows;
  /** Normal form of a name -> the keys of the codes listing it, sorted. */
  private final Map<String, Set<String>> codeKeysByName;

  private FacilityReference(Map<String, FacilityEntry> entriesByKey, String description, long rows) {
    this.entriesByKey = Collections.unmodifiableMap(new TreeMap<>(entriesByKey));
    this.description = description;
    this.rows = rows;
    Map<String, Set<String>> byName = new HashMap<>();
    this.entriesByKey.forEach(
        (key, entry) -> {
          for (String name : entry.names()) {
            String normal = FacilityNames.normalize(name);
            if (normal != null) {
              byName.computeIfAbsent(normal, n -> new TreeSet<>()).add(key);
            }
          }
        });
    this.codeKeysByName = byName;
  }

  /** The table shipped with detention-audit (about 1,700 codes). */
  public static FacilityReference bundled() {
    try (InputStream in = FacilityReference.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled facility reference missing: " + BUNDLED_RESOURCE);
      }
      Parsed parsed = parse(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled", null);
      return new FacilityReference(parsed.entries(), "bundled", parsed.rows());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled facility reference", e);
    }
  }

  /**
   * This reference extended by the user's CSV file: each code in the file replaces this
   * reference's entry for that code (names, per-diem and sources); the other codes are added.
   *
   * @throws InputException naming the file, the problem and the fix: the file does not exist or
   *     cannot be read, has no {@code facility_code} column, holds no data rows, has a row without
   *     a code, or is not valid CSV
   */
  public FacilityReference withUserFile(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          "Cannot read facility list '"
              + file
              + "': it does not exist or is not a file. Check the path given to --facilities (a CSV file with a"
              + " facility_code column).");
    }
    Parsed user;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      user = parse(reader, file.toString(), file.getFileName().toString());
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new InputException(
          "Cannot read facility list '"
              + file
              + "': "
              + e.getMessage()
              + ". Save it as a UTF-8 CSV file with a header row holding facility_code.",
          e);
    }
    Map<String, FacilityEntry> merged = new LinkedHashMap<>(entriesByKey);
    user.entries().forEach((key, entry) -> merged.merge(key, entry, (bundled, mine) -> overlay(bundled, mine, user.columns())));
    return new FacilityReference(
        merged, description + " + " + file, rows + user.rows());
  }

  /**
   * A code of the user's file over the entry already known: each fact the file has a column for is
   * the file's (even where its cell is empty: the user says it is unknown), each it has no column
   * for stays as it was, so a list of codes and names does not erase the known rates and marks.
   */
  private static FacilityEntry overlay(FacilityEntry known, FacilityEntry mine, Set<String> columns) {
    List<String> sources = new ArrayList<>(known.sources());
    mine.sources().stream().filter(source -> !sources.contains(source)).forEach(sources::add);
    return new FacilityEntry(
        mine.code(),
        columns.contains(NAME.get(0)) ? mine.names() : known.names(),
        columns.contains(PER_DIEM) ? mine.perDiem() : known.perDiem(),
        sources,
        columns.contains(TYPE) ? mine.type() : known.type(),
        columns.contains(TYPE_DETAILED) ? mine.typeDetailed() : known.typeDetailed(),
        columns.contains(OVER_UNDER_72) ? mine.holdLimit() : known.holdLimit());
  }

  /** The normalized look-up key of a code: trimmed and upper-cased; null for null or blank. */
  public static String key(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return code.trim().toUpperCase(Locale.ROOT);
  }

  /** The entry for {@code code} (trimmed, ignoring case); empty for unknown, null or blank codes. */
  public Optional<FacilityEntry> find(String code) {
    String key = key(code);
    return key == null ? Optional.empty() : Optional.ofNullable(entriesByKey.get(key));
  }

  /** True when the reference lists {@code code} (trimmed, ignoring case): {@code in_reference}. */
  public boolean contains(String code) {
    return find(code).isPresent();
  }

  /**
   * The reference codes (their {@link #key(String) keys}) that list {@code name}, comparing {@link
   * FacilityNames#normalize normal forms}: none (not in the reference), one (the facility), or
   * several (ambiguous: never assigned to one of them). A null or blank name matches none.
   */
  public NameMatch matchName(String name) {
    String normal = FacilityNames.normalize(name);
    Set<String> codes = normal == null ? Set.of() : codeKeysByName.getOrDefault(normal, Set.of());
    return new NameMatch(name, List.copyOf(codes));
  }

  /** Every known code's {@link #key(String) key}, sorted. */
  public Set<String> codeKeys() {
    return entriesByKey.keySet();
  }

  /** The {@link #key(String) keys} of the codes with the given {@code over_under_72} mark, sorted. */
  public Set<String> codeKeys(FacilityEntry.HoldLimit holdLimit) {
    Set<String> keys = new TreeSet<>();
    entriesByKey.forEach(
        (key, entry) -> {
          if (entry.holdLimit() == holdLimit) {
            keys.add(key);
          }
        });
    return keys;
  }

  /** Every entry, sorted by key. */
  public Collection<FacilityEntry> entries() {
    return entriesByKey.values();
  }

  /** Number of distinct codes. */
  public int size() {
    return entriesByKey.size();
  }

  /**
   * Which reference this is, for {@code summary.json}: {@code bundled}, or {@code bundled + FILE}
   * for each user file added.
   */
  public String description() {
    return description;
  }

  /** Data rows read to build this reference (bundled rows plus every user file's rows). */
  public long rows() {
    return rows;
  }

  /**
   * A parsed list: its entries, its data rows, and which of the optional columns its header has
   * ({@code NAME}, {@code PER_DIEM}, {@code TYPE}, {@code TYPE_DETAILED}, {@code OVER_UNDER_72}).
   */
  private record Parsed(Map<String, FacilityEntry> entries, long rows, Set<String> columns) {}

  /**
   * Parses a facility CSV.
   *
   * @param sourceLabel for messages
   * @param sourceName the source recorded on every entry, or null to read the {@code sources}
   *     column (the bundled table)
   */
  private static Parsed parse(Reader reader, String sourceLabel, String sourceName)
      throws IOException {
    try (CSVParser parser = SmallCsv.parser(reader)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw new IllegalStateException("it is empty");
      }
      int codeColumn = firstColumn(header, CODE);
      if (codeColumn < 0) {
        throw new IllegalStateException(
            "it has no facility_code column (columns found: " + header + ")");
      }
      int nameColumn = firstColumn(header, NAME);
      int perDiemColumn = column(header, PER_DIEM);
      int typeColumn = column(header, TYPE);
      int typeDetailedColumn = column(header, TYPE_DETAILED);
      int holdLimitColumn = column(header, OVER_UNDER_72);
      int sourcesColumn = sourceName == null ? column(header, SOURCES) : -1;
      Map<String, Builder> builders = new LinkedHashMap<>();
      long rows = 0;
      for (CSVRecord record : parser) {
        rows++;
        String code = cell(record, codeColumn);
        if (RedactionMarker.isRedaction(code)) {
          continue; // ICE's 2017 list has 207 rows coded "Redacted": a redacted code names no facility
        }
        String key = key(code);
        if (key == null) {
          throw new IllegalStateException(
              "data row " + rows + " has no facility_code; give every row a code or remove it");
        }
        Builder builder = builders.computeIfAbsent(key, k -> new Builder(code.trim()));
        builder.addName(cell(record, nameColumn));
        builder.addPerDiem(cell(record, perDiemColumn));
        builder.addFacts(
            cell(record, typeColumn), cell(record, typeDetailedColumn), cell(record, holdLimitColumn));
        if (sourceName != null) {
          builder.addSource(sourceName);
        } else {
          for (String source : cell(record, sourcesColumn).split("\\s+")) {
            builder.addSource(source);
          }
        }
      }
      if (rows == 0) {
        throw new IllegalStateException("it has a header but no data rows");
      }
      Map<String, FacilityEntry> entries = new LinkedHashMap<>();
      builders.forEach((key, builder) -> entries.put(key, builder.build()));
      Set<String> columns = new java.util.HashSet<>();
      if (nameColumn >= 0) {
        columns.add(NAME.get(0));
      }
      for (Map.Entry<String, Integer> optional :
          Map.of(PER_DIEM, perDiemColumn, TYPE, typeColumn, TYPE_DETAILED, typeDetailedColumn,
              OVER_UNDER_72, holdLimitColumn).entrySet()) {
        if (optional.getValue() >= 0) {
          columns.add(optional.getKey());
        }
      }
      return new Parsed(entries, rows, Set.copyOf(columns));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // commons-csv reports broken quoting and similar problems this way
      throw new IllegalStateException("it is not valid CSV (" + e.getMessage() + ")", e);
    }
  }

  /** The first of {@code keys} (in their order) that the header holds; -1 when none. */
  private static int firstColumn(List<String> header, List<String> keys) {
    for (String key : keys) {
      int index = column(header, key);
      if (index >= 0) {
        return index;
      }
    }
    return -1;
  }


  /** Collects one code's rows. */
  private static final class Builder {
    private final String code;
    private final Map<String, String> namesByFoldedName = new LinkedHashMap<>();
    private final Set<String> sources = new LinkedHashSet<>();
    private String perDiem = "";
    private String type = "";
    private String typeDetailed = "";
    private FacilityEntry.HoldLimit holdLimit = FacilityEntry.HoldLimit.UNKNOWN;

    Builder(String code) {
      this.code = code;
    }

    void addName(String name) {
      if (!name.isEmpty()) {
        namesByFoldedName.putIfAbsent(name.toUpperCase(Locale.ROOT), name);
      }
    }

    void addPerDiem(String text) {
      if (perDiem.isEmpty() && !text.isEmpty()) {
        perDiem = text;
      }
    }

    void addFacts(String typeText, String typeDetailedText, String holdLimitText) {
      if (type.isEmpty()) {
        type = typeText;
      }
      if (typeDetailed.isEmpty()) {
        typeDetailed = typeDetailedText;
      }
      if (holdLimit == FacilityEntry.HoldLimit.UNKNOWN) {
        holdLimit = FacilityEntry.HoldLimit.of(holdLimitText);
      }
    }

    void addSource(String source) {
      if (!source.isBlank()) {
        sources.add(source.trim());
      }
    }

    FacilityEntry build() {
      return new FacilityEntry(
          code,
          new ArrayList<>(namesByFoldedName.values()),
          PerDiem.of(perDiem),
          new ArrayList<>(sources),
          type,
          typeDetailed,
          holdLimit);
    }
  }
}

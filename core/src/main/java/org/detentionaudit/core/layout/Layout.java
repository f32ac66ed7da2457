package org.detentionaudit.core.layout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.detentionaudit.core.normalize.TimestampParser;
import org.detentionaudit.rules.CanonicalField;

/**
 * One generation of released detention tables: the header aliases of each canonical field, the
 * other columns known to belong to it, the date formats its files use, and how many preamble lines
 * may precede its header. Immutable; validated on construction.
 *
 * <p>Header names are compared by {@link HeaderKey}, so aliases match regardless of case, spaces,
 * underscores and punctuation. Within one layout an alias key belongs to exactly one column.
 */
public final class Layout {
  private final String name;
  private final String description;
  private final Map<CanonicalField, List<String>> fieldAliases;
  private final List<String> otherColumns;
  private final List<String> dateFormats;
  private final int maxPreambleLines;
  private final Optional<LocalDate> coversFrom;
  private final TimestampParser timestampParser;
  /** Key of every known column (all aliases and other columns) to its display name. */
  private final Map<String, String> knownColumnsByKey;
  /** Key of every canonical alias to its field. */
  private final Map<String, CanonicalField> fieldByAliasKey;

  /**
   * @param name short identifier, e.g. {@code ddp-2025}: letters, digits, '-', '_' or '.'
   * @param description one line for people; may be empty, not null
   * @param fieldAliases for each canonical field the layout carries, its header names in order of
   *     preference (the first present in a header wins); at least one field
   * @param otherColumns the layout's non-canonical columns; may be empty
   * @param dateFormats {@link TimestampParser} patterns, tried in order; at least one
   * @param maxPreambleLines how many lines may precede the header (0 to 1000)
   * @throws IllegalArgumentException naming the layout and the problem
   */
  public Layout(
      String name,
      String description,
      Map<CanonicalField, List<String>> fieldAliases,
      List<String> otherColumns,
      List<String> dateFormats,
      int maxPreambleLines) {
    this(name, description, fieldAliases, otherColumns, dateFormats, maxPreambleLines, Optional.empty());
  }

  /**
   * As the six-argument constructor, with the start of the release window.
   *
   * @param coversFrom the first day the release covers (e.g. 2011-10-01 for a FY2012-2024 release),
   *     read by {@code stay.implausibly_early}; empty when the layout does not say
   */
  public Layout(
      String name,
      String description,
      Map<CanonicalField, List<String>> fieldAliases,
      List<String> otherColumns,
      List<String> dateFormats,
      int maxPreambleLines,
      Optional<LocalDate> coversFrom) {
    this.coversFrom = Objects.requireNonNull(coversFrom, "coversFrom");
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "Cannot define layout '"
              + name
              + "': the name must be letters, digits, '-', '_' or '.'. Rename it.");
    }
    this.name = name;
    this.description = Objects.requireNonNullElse(description, "");
    if (fieldAliases == null || fieldAliases.isEmpty()) {
      throw invalid("it maps no canonical field. Add a 'fields' entry such as book_in");
    }
    if (maxPreambleLines < 0 || maxPreambleLines > 1000) {
      throw invalid("max_preamble_lines is " + maxPreambleLines + ". Use a value from 0 to 1000");
    }
    this.maxPreambleLines = maxPreambleLines;
    if (dateFormats == null || dateFormats.isEmpty()) {
      throw invalid("it lists no date formats. Add at least one, e.g. 'M/d/yyyy H:mm'");
    }
    this.dateFormats = List.copyOf(dateFormats);
    try {
      this.timestampParser = new TimestampParser(this.dateFormats);
    } catch (IllegalArgumentException badFormat) {
      throw invalid(badFormat.getMessage());
    }

    Map<String, String> known = new LinkedHashMap<>();
    Map<String, CanonicalField> fieldByKey = new HashMap<>();
    Map<CanonicalField, List<String>> aliases = new EnumMap<>(CanonicalField.class);
    for (Map.Entry<CanonicalField, List<String>> entry : fieldAliases.entrySet()) {
      List<String> names = entry.getValue() == null ? List.of() : List.copyOf(entry.getValue());
      if (names.isEmpty()) {
        throw invalid("field " + entry.getKey().columnName() + " has no header alias. Add one");
      }
      for (String alias : names) {
        addKnownColumn(known, alias);
        fieldByKey.put(HeaderKey.of(alias), entry.getKey());
      }
      aliases.put(entry.getKey(), names);
    }
    this.otherColumns = otherColumns == null ? List.of() : List.copyOf(otherColumns);
    Set<String> otherKeys = new HashSet<>();
    for (String column : this.otherColumns) {
      // A layout may repeat a non-canonical header (one old layout has 'Detention Facility Type'
      // twice); only a clash with a canonical alias is ambiguous.
      if (otherKeys.add(HeaderKey.of(column))) {
        addKnownColumn(known, column);
      }
    }
    this.fieldAliases = Collections.unmodifiableMap(aliases);
    this.knownColumnsByKey = Collections.unmodifiableMap(known);
    this.fieldByAliasKey = Collections.unmodifiableMap(fieldByKey);
  }

  private void addKnownColumn(Map<String, String> known, String column) {
    String key = HeaderKey.of(column);
    if (key.isEmpty()) {
      throw invalid("column name '" + column + "' has no letters or digits. Fix the name");
    }
    String previous = known.putIfAbsent(key, column);
    if (previous != null) {
      throw invalid(
          "columns '"
              + previous
              + "' and '"
              + column
              + "' are the same header once case, spaces and punctuation are ignored. Keep one");
    }
  }

  private IllegalArgumentException invalid(String reason) {
    return new IllegalArgumentException("Cannot define layout '" + name + "': " + reason + ".");
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** Header aliases per canonical field, in canonical order; only the fields the layout carries. */
  public Map<CanonicalField, List<String>> fieldAliases() {
    return fieldAliases;
  }

  public List<String> otherColumns() {
    return otherColumns;
  }

  public List<String> dateFormats() {
    return dateFormats;
  }

  public int maxPreambleLines() {
    return maxPreambleLines;
  }

  /**
   * The first day of the release window the layout's files cover (YAML {@code covers_from}), e.g.
   * 2011-10-01 for {@code uwchr-2012-2024}; empty when unknown. {@code stay.implausibly_early}
   * needs it.
   */
  public Optional<LocalDate> coversFrom() {
    return coversFrom;
  }

  /** A parser for this layout's date formats. */
  public TimestampParser timestampParser() {
    return timestampParser;
  }

  /** Number of distinct columns the layout knows (all aliases plus other columns). */
  public int knownColumnCount() {
    return knownColumnsByKey.size();
  }

  /**
   * Matches {@code header} against this layout.
   *
   * <p>Each canonical field takes the first of its aliases present in the header; where a header
   * repeats a name, the first occurrence is used. Null or blank header names match nothing.
   */
  public LayoutMatch match(List<String> header) {
    List<String> keys = new ArrayList<>(header.size());
    Map<String, Integer> firstPosition = new HashMap<>();
    for (int position = 0; position < header.size(); position++) {
      String key = HeaderKey.of(header.get(position));
      keys.add(key);
      firstPosition.putIfAbsent(key, position);
    }
    Map<CanonicalField, Integer> positions = new EnumMap<>(CanonicalField.class);
    for (Map.Entry<CanonicalField, List<String>> entry : fieldAliases.entrySet()) {
      for (String alias : entry.getValue()) {
        Integer position = firstPosition.get(HeaderKey.of(alias));
        if (position != null) {
          positions.put(entry.getKey(), position);
          break;
        }
      }
    }
    int matchedKnown = 0;
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> known : knownColumnsByKey.entrySet()) {
      if (firstPosition.containsKey(known.getKey())) {
        matchedKnown++;
      } else if (!isUnusedAliasOfMatchedField(known.getKey(), positions)) {
        missing.add(known.getValue());
      }
    }
    int knownHeaderColumns =
        (int) keys.stream().filter(k -> !k.isEmpty() && knownColumnsByKey.containsKey(k)).count();
    return new LayoutMatch(this, header, positions, matchedKnown, knownHeaderColumns, missing);
  }

  private boolean isUnusedAliasOfMatchedField(String key, Map<CanonicalField, Integer> positions) {
    CanonicalField field = fieldByAliasKey.get(key);
    return field != null && positions.containsKey(field);
  }

  @Override
  public String toString() {
    return "Layout[" + name + "]";
  }
}

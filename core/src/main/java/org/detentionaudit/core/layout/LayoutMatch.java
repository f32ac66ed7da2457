package org.detentionaudit.core.layout;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detentionaudit.rules.CanonicalField;

/**
 * How well one header fits one layout.
 *
 * @param layout the layout tried
 * @param header the header as read (names as written in the file)
 * @param fieldPositions 0-based header position of each canonical field found, canonical order
 * @param matchedColumns number of the layout's known columns present in the header
 * @param knownHeaderColumns number of header columns the layout knows (repeats counted)
 * @param missingColumns the layout's known columns absent from the header (aliases of a field
 *     found under another alias are not listed)
 */
public record LayoutMatch(
    Layout layout,
    List<String> header,
    Map<CanonicalField, Integer> fieldPositions,
    int matchedColumns,
    int knownHeaderColumns,
    List<String> missingColumns) {

  /** Share of header columns or layout columns that must match for detection to accept. */
  static final double CONVINCING_SHARE = 0.5;

  public LayoutMatch {
    header = Collections.unmodifiableList(new java.util.ArrayList<>(header));
    fieldPositions = Collections.unmodifiableMap(new EnumMap<>(fieldPositions));
    missingColumns = List.copyOf(missingColumns);
  }

  /** The canonical fields this header provides under this layout. */
  public Set<CanonicalField> availableFields() {
    return fieldPositions.keySet();
  }

  /** Matched known columns / all known columns of the layout, from 0 to 1. */
  public double layoutCoverage() {
    return layout.knownColumnCount() == 0
        ? 0
        : (double) matchedColumns / layout.knownColumnCount();
  }

  /** Header columns the layout knows / all header columns, from 0 to 1 (0 for an empty header). */
  public double headerShare() {
    return header.isEmpty() ? 0 : (double) knownHeaderColumns / header.size();
  }

  /**
   * True when detection may pick this layout: at least one canonical field is present and either
   * half the header's columns are known to the layout or half the layout's columns are present.
   * (A re-save that keeps only some columns, or adds a few, still matches.)
   */
  public boolean isConvincing() {
    return !fieldPositions.isEmpty()
        && (headerShare() >= CONVINCING_SHARE || layoutCoverage() >= CONVINCING_SHARE);
  }
}

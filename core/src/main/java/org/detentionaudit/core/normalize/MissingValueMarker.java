package org.detentionaudit.core.normalize;

/**
 * Recognises a cell that means "no value": empty or whitespace only, or {@code NA} / {@code N/A}
 * (written by R and by spreadsheets; case ignored).
 */
public final class MissingValueMarker {
  private MissingValueMarker() {}

  /** True for null, blank, {@code NA} and {@code N/A} (surrounding spaces ignored). */
  public static boolean isMissing(String cell) {
    if (cell == null) {
      return true;
    }
    return isMissingTrimmed(cell.trim());
  }

  /** As {@link #isMissing(String)}, for a cell already trimmed with {@link String#trim()} (not null). */
  public static boolean isMissingTrimmed(String trimmed) {
    return trimmed.isEmpty() || trimmed.equalsIgnoreCase("NA") || trimmed.equalsIgnoreCase("N/A");
  }
}

package org.detentionaudit.sample.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The detention release reasons released by ICE (docs/formats-and-layouts.md, DDP February 2025), with their published
 * frequencies, spelled exactly as released (capitalisation is inconsistent between values).
 */
public final class ReleaseReasons {

  /** The reason of every placement followed by another placement of the same stay. */
  public static final String TRANSFERRED = "Transferred";

  /** Published placement counts per reason (blank, i.e. open placements, left out). */
  public static final Map<String, Integer> PUBLISHED_COUNTS = publishedCounts();

  /** The known vocabulary, exactly as released. */
  public static final List<String> VOCABULARY = List.copyOf(PUBLISHED_COUNTS.keySet());

  private static final Set<String> KNOWN_FOLDED =
      VOCABULARY.stream().map(ReleaseReasons::fold).collect(Collectors.toUnmodifiableSet());

  /** Values seen in the wild or plausible that are NOT in the vocabulary (near spellings included). */
  public static final List<String> OUTSIDE_VOCABULARY =
      List.of(
          "Released to family",
          "Transfered",
          "Deported",
          "Bonded Out",
          "Paroled-Fear Found",
          "Order of Supervision Re-Release",
          "Other",
          "Released");

  private ReleaseReasons() {}

  /**
   * Whether {@code reason} is in the known vocabulary, compared trimmed and ignoring case.
   *
   * @return false for null
   */
  public static boolean isKnown(String reason) {
    return reason != null && KNOWN_FOLDED.contains(fold(reason));
  }

  /** Whether {@code reason} is {@code Transferred}, compared trimmed and ignoring case; false for null. */
  public static boolean isTransferred(String reason) {
    return reason != null && reason.trim().equalsIgnoreCase(TRANSFERRED);
  }

  private static String fold(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Integer> publishedCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("Transferred", 386_645);
    counts.put("Removed", 193_947);
    counts.put("Paroled", 41_920);
    counts.put("Order of recognizance", 23_834);
    counts.put("Paroled - Fear Found", 20_799);
    counts.put("Bonded Out - IJ", 9_856);
    counts.put("Paroled - Humanitarian", 9_454);
    counts.put("U.S. Marshals or other agency (explain in Detention Comments)", 8_549);
    counts.put("Order of supervision", 5_980);
    counts.put("Processing Disposition Changed Locally", 5_203);
    counts.put("Order of Recognizance - Humanitarian", 3_640);
    counts.put("Bonded Out - Field Office", 2_618);
    counts.put("Order of Supervision - No SLRRFF", 2_015);
    counts.put("Relief Granted by IJ", 1_565);
    counts.put("Proceedings Terminated", 1_333);
    counts.put("Voluntary departure", 1_093);
    counts.put("Paroled - Public Benefit", 928);
    counts.put("Order of Supervision - Humanitarian", 876);
    counts.put("Voluntary Return", 330);
    counts.put("Order of Supervision - Re-Release", 151);
    counts.put("Withdrawal", 102);
    counts.put("Died", 17);
    counts.put("Escaped", 11);
    counts.put("Title 42 Return", 2);
    return Collections.unmodifiableMap(counts);
  }
}

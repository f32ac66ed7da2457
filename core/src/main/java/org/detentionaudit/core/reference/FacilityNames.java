package org.detentionaudit.core.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a facility name from the data is compared with the names of the facility reference, where a
 * layout has facility names but no codes. Exact and explicit: no fuzzy matching, so no match is
 * invented.
 *
 * <p>{@link #normalize(String)}, in order:
 *
 * <ol>
 *   <li>null or blank gives null (no name);
 *   <li>upper case ({@link Locale#ROOT});
 *   <li>apostrophes ({@code '} and {@code ’}) are removed ({@code SHERIFF'S} is {@code SHERIFFS});
 *       {@code &} becomes the word {@code AND};
 *   <li>every other character that is not a letter A-Z or a digit (dots, commas, hyphens, slashes,
 *       parentheses, spaces) separates words ({@code CORR.FAC.} is {@code CORR FAC});
 *   <li>each word found in {@link #EXPANSIONS} is replaced by its expansion (one pass, whole words
 *       only: {@code CO} is {@code COUNTY}, {@code COLUMBIA} is left alone);
 *   <li>the words are joined by one space.
 * </ol>
 *
 * <p>So {@code Northwest Det. Center}, {@code NORTHWEST DETENTION CTR} and {@code NORTHWEST
 * DETENTION CENTER} are one name; {@code NORTHWEST DETENTION CENTRE} is another (no such
 * expansion). Two names are the same facility name when their normal forms are equal.
 */
public final class FacilityNames {
  /**
   * The abbreviations ICE facility names use, each a whole word, and what they stand for. Kept
   * small on purpose: a word is listed only when it has one meaning in facility names.
   */
  public static final Map<String, String> EXPANSIONS =
      Map.ofEntries(
          Map.entry("CNTR", "CENTER"),
          Map.entry("CNTY", "COUNTY"),
          Map.entry("CO", "COUNTY"),
          Map.entry("CORR", "CORRECTIONAL"),
          // ICE writes both DEPT OF CORR and DEPARTMENT OF CORRECTIONS for one facility (Yakima):
          // the three spellings of the word are one word here.
          Map.entry("CORRECTION", "CORRECTIONAL"),
          Map.entry("CORRECTIONS", "CORRECTIONAL"),
          Map.entry("CTR", "CENTER"),
          Map.entry("DEPT", "DEPARTMENT"),
          Map.entry("DET", "DETENTION"),
          Map.entry("FAC", "FACILITY"),
          Map.entry("HOLDROOM", "HOLD ROOM"),
          Map.entry("IPC", "ICE PROCESSING CENTER"),
          Map.entry("SPC", "SERVICE PROCESSING CENTER"));

  private FacilityNames() {}

  /** The normal form of a facility name (see the class comment), or null for a null or blank one. */
  public static String normalize(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String upper =
        name.toUpperCase(Locale.ROOT).replace("'", "").replace("\u2019", "").replace("&", " AND ");
    List<String> words = new ArrayList<>();
    for (String word : upper.split("[^A-Z0-9]+")) {
      if (!word.isEmpty()) {
        words.add(EXPANSIONS.getOrDefault(word, word));
      }
    }
    return words.isEmpty() ? null : String.join(" ", words);
  }
}

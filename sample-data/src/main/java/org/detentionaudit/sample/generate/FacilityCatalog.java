package org.detentionaudit.sample.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.detentionaudit.sample.model.Facility;

/**
 * The facility codes and names of the DDP February 2025 release (617 pairs), bundled as the resource
 * {@code facilities.csv} with areas of responsibility from ICE's 2017 facility list (see the
 * resource's README for provenance).
 */
public final class FacilityCatalog {

  private static final String RESOURCE = "/org/detentionaudit/sample/facilities.csv";

  /** 3-letter AOR codes as in facility lists, spelled out as in records. */
  private static final Map<String, String> AOR_NAMES =
      Map.ofEntries(
          Map.entry("ATL", "Atlanta"),
          Map.entry("BAL", "Baltimore"),
          Map.entry("BOS", "Boston"),
          Map.entry("BUF", "Buffalo"),
          Map.entry("CHI", "Chicago"),
          Map.entry("DAL", "Dallas"),
          Map.entry("DEN", "Denver"),
          Map.entry("DET", "Detroit"),
          Map.entry("ELP", "El Paso"),
          Map.entry("HOU", "Houston"),
          Map.entry("LOS", "Los Angeles"),
          Map.entry("MIA", "Miami"),
          Map.entry("NEW", "Newark"),
          Map.entry("NOL", "New Orleans"),
          Map.entry("NYC", "New York City"),
          Map.entry("PHI", "Philadelphia"),
          Map.entry("PHO", "Phoenix"),
          Map.entry("SEA", "Seattle"),
          Map.entry("SFR", "San Francisco"),
          Map.entry("SLC", "Salt Lake City"),
          Map.entry("SNA", "San Antonio"),
          Map.entry("SND", "San Diego"),
          Map.entry("SPM", "St. Paul"),
          Map.entry("WAS", "Washington"));

  /** First day of fiscal year 2018: the Tacoma center's rename (UWCHR), used for every rename. */
  static final LocalDateTime FY2018 = LocalDateTime.of(2017, 10, 1, 0, 0);

  /** First day of fiscal year 2023: the Tacoma center's second name ends (the generator's choice). */
  static final LocalDateTime FY2023 = LocalDateTime.of(2022, 10, 1, 0, 0);

  /**
   * The calibrated profile's renames: one facility under different names across releases (UWCHR's
   * hand map of renamed facilities), keyed by the code of the February 2025 release, each earlier
   * name with the first book-in date that no longer carries it, oldest first. A placement booked in
   * before that date is written with the earlier name.
   */
  private static final Map<String, List<EarlierName>> EARLIER_NAMES =
      Map.of(
          "CSCNWWA",
          List.of(
              new EarlierName(FY2018, "NORTHWEST DET. CENTER"),
              new EarlierName(FY2023, "TACOMA ICE PROCESSING CENTER")),
          "NYCHOLD", List.of(new EarlierName(FY2018, "NYC FIELD OFFICE")),
          "STRAFNH", List.of(new EarlierName(FY2018, "STRAFFORD CO. CORRECTION")),
          "FIPCMGA", List.of(new EarlierName(FY2018, "FOLKSTON ICE PROCESSING CENTER")),
          "FIPCAGA", List.of(new EarlierName(FY2018, "FOLKSTON ICE PROCESS CTR ANX")),
          "JCRLYTX", List.of(new EarlierName(FY2018, "JOE CORLEY DET. FACILITY")));

  /** Types of the large centers built for immigration detention (ICE's 2017 list). */
  private static final Set<String> LARGE_CENTER_TYPES =
      Set.of("SPC", "CDF", "DIGSA", "FAMILY", "STAGING", "USMS CDF");

  private static final Pattern PROCESSING_CENTER = Pattern.compile("\\bPROC|\\bIPC\\b|\\bSPC\\b");

  private static final Pattern MEDICAL =
      Pattern.compile("HOSP|MEDICAL|\\bMED\\b|MED\\.|HEALTH|CLINIC|BEHAVIORAL|PSYCH|INFIRM");

  /** Rank offset of the calibrated mix: the larger, the flatter the head of the distribution. */
  private static final int MIX_RANK_OFFSET = 6;

  /** The calibrated mix's weight of a hospital relative to a jail of the same rank. */
  private static final double MEDICAL_WEIGHT = 0.1;

  private static final FacilityCatalog BUNDLED = load();

  private final List<Facility> holdRooms;
  private final List<Facility> detentionCenters;
  /** The calibrated mix: detention centers by rank, and the cumulative weights of that order. */
  private final List<Facility> rankedCenters;
  private final double[] rankedCumulative;

  private FacilityCatalog(List<Facility> holdRooms, List<Facility> detentionCenters) {
    this.holdRooms = List.copyOf(holdRooms);
    this.detentionCenters = List.copyOf(detentionCenters);
    List<Facility> ranked = new ArrayList<>();
    for (int tier = 0; tier < 3; tier++) {
      for (Facility facility : detentionCenters) { // in the fixed shuffle's order
        if (tier(facility) == tier) {
          ranked.add(facility);
        }
      }
    }
    this.rankedCenters = List.copyOf(ranked);
    this.rankedCumulative = new double[ranked.size()];
    double total = 0;
    for (int rank = 0; rank < ranked.size(); rank++) {
      double weight = 1.0 / (rank + 1 + MIX_RANK_OFFSET);
      total += tier(ranked.get(rank)) == 2 ? weight * MEDICAL_WEIGHT : weight;
      rankedCumulative[rank] = total;
    }
    for (int rank = 0; rank < ranked.size(); rank++) {
      rankedCumulative[rank] /= total;
    }
  }

  /** 0: a large immigration center; 1: a jail, prison or other facility; 2: a hospital. */
  private static int tier(Facility facility) {
    if ("HOSPITAL".equals(facility.type()) || MEDICAL.matcher(facility.name()).find()) {
      return 2;
    }
    if (LARGE_CENTER_TYPES.contains(facility.type())
        || PROCESSING_CENTER.matcher(facility.name()).find()) {
      return 0;
    }
    return 1;
  }

  /** The bundled catalog (loaded once). */
  public static FacilityCatalog bundled() {
    return BUNDLED;
  }

  /** Every facility, hold rooms first. */
  public List<Facility> all() {
    List<Facility> all = new ArrayList<>(holdRooms);
    all.addAll(detentionCenters);
    return all;
  }

  /** Every facility code of the catalog, as written. */
  public Set<String> codes() {
    Set<String> codes = new TreeSet<>();
    all().forEach(facility -> codes.add(facility.code()));
    return codes;
  }

  Facility randomHoldRoom(SplittableRandom random) {
    return holdRooms.get(random.nextInt(holdRooms.size()));
  }

  /** Skewed towards the first facilities of a fixed shuffle, as a few large centers hold most people. */
  Facility randomDetentionCenter(SplittableRandom random) {
    double u = random.nextDouble();
    int index = (int) (detentionCenters.size() * u * u * u);
    return detentionCenters.get(Math.min(index, detentionCenters.size() - 1));
  }

  /**
   * The calibrated facility mix: the large immigration centers first, then jails and prisons, then
   * hospitals, each group in the fixed shuffle's order, the facility of rank {@code r} (from 1)
   * drawn with a weight {@code 1 / (r + 6)}, a hospital's a tenth of that. The largest center takes
   * about 3% of these draws, the ten largest about a fifth, hospitals together about 1%.
   */
  Facility weightedDetentionCenter(SplittableRandom random) {
    int index = Arrays.binarySearch(rankedCumulative, random.nextDouble());
    int rank = index >= 0 ? index + 1 : -index - 1;
    return rankedCenters.get(Math.min(rank, rankedCenters.size() - 1));
  }

  /**
   * The name {@code facility} carries on a placement booked in at {@code bookIn} in the calibrated
   * profile: an earlier name of a renamed facility, else its name.
   */
  String nameAt(Facility facility, LocalDateTime bookIn) {
    List<EarlierName> earlier = EARLIER_NAMES.get(facility.code());
    if (earlier != null && bookIn != null) {
      for (EarlierName name : earlier) {
        if (bookIn.isBefore(name.until())) {
          return name.name();
        }
      }
    }
    return facility.name();
  }

  /** The codes of the renamed facilities (see {@link #nameAt}). */
  static Set<String> renamedCodes() {
    return new TreeSet<>(EARLIER_NAMES.keySet());
  }

  /** A facility's earlier name, carried by the placements booked in before {@code until}. */
  private record EarlierName(LocalDateTime until, String name) {}

  /** The AOR spelled out as records have it, e.g. {@code Seattle Area of Responsibility}; null if unknown. */
  public static String aorName(String aorCode) {
    String city = AOR_NAMES.get(aorCode);
    return city == null ? null : city + " Area of Responsibility";
  }

  private static FacilityCatalog load() {
    List<Facility> holdRooms = new ArrayList<>();
    List<Facility> centers = new ArrayList<>();
    try (InputStream in = FacilityCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Cannot load facility catalog: resource " + RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
      for (CSVRecord row : format.parse(reader)) {
        Facility facility =
            new Facility(
                row.get("facility_code"),
                row.get("facility_name"),
                row.get("aor"),
                row.get("facility_type"),
                row.get("over_under_72"));
        (facility.isHoldRoom() ? holdRooms : centers).add(facility);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load facility catalog: " + e.getMessage(), e);
    }
    // A fixed shuffle so that the "large" centers are not simply the alphabetically first ones.
    java.util.Collections.shuffle(centers, new java.util.Random(20250226L));
    return new FacilityCatalog(holdRooms, centers);
  }
}

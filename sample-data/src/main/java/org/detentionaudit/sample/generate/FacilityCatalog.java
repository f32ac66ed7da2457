package org.detentionaudit.sample.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
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

  private static final FacilityCatalog BUNDLED = load();

  private final List<Facility> holdRooms;
  private final List<Facility> detentionCenters;

  private FacilityCatalog(List<Facility> holdRooms, List<Facility> detentionCenters) {
    this.holdRooms = List.copyOf(holdRooms);
    this.detentionCenters = List.copyOf(detentionCenters);
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

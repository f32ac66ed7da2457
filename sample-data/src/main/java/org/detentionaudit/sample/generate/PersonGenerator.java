package org.detentionaudit.sample.generate;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.detentionaudit.sample.model.Facility;
import org.detentionaudit.sample.model.PersonProfile;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.model.RedactionMarkers;
import org.detentionaudit.sample.model.ReleaseReasons;
import org.detentionaudit.sample.oracle.NormalizedPlacement;

/**
 * Generates one person at a time: a timeline of stays and placements, then seeded defects and near
 * misses, then the rows in the order they are written. A person's rows depend only on the seed, the
 * person's index and the row capacity left, so output is reproducible and streams.
 */
final class PersonGenerator {

  /** First day of fiscal year 2012. */
  static final LocalDateTime FIRST_BOOK_IN = LocalDateTime.of(2011, 10, 1, 0, 0);

  /** Ten years before FY2012: a stay beginning exactly then is not implausibly early. */
  static final LocalDateTime TEN_YEARS_BEFORE_WINDOW = FIRST_BOOK_IN.minusYears(10);

  private static final LocalDateTime EARLY_STAYS_FROM = LocalDateTime.of(1975, 1, 1, 0, 0);
  private static final long EARLY_STAYS_SPAN_MINUTES = 15L * 365 * 24 * 60;
  private static final double CURRENTLY_HELD_RATE = 0.05;
  /**
   * The calibrated profile's share of people in custody at the extract, and the placements of their
   * open stay (1..6; mean 3): together about 4.75% of placements open and 12% in open stays, as in
   * DDP's June 2025 release.
   */
  private static final double CALIBRATED_CURRENTLY_HELD_RATE = 0.101;
  private static final int[] HELD_PLACEMENTS_WEIGHTS = {12, 25, 26, 19, 12, 6}; // 1..6 placements
  private static final double SHUFFLED_ROWS_RATE = 0.03;
  private static final int[] STAYS_WEIGHTS = {72, 18, 7, 3}; // 1, 2, 3, 4 stays
  private static final int[] PLACEMENTS_WEIGHTS = {45, 30, 15, 6, 3, 1}; // 1..6 placements
  private static final long MINUTES_PER_DAY = 24 * 60;
  /** {@code placement.hold_room_over_72h}: 72 hours, the longest a placement at an Under 72 facility may last. */
  private static final int HOLD_LIMIT_MINUTES = 72 * 60;

  private final long seed;
  /** {@link Defect#IMPLAUSIBLE_DATE}'s placeholder dates. */
  private static final LocalDateTime PLACEHOLDER_BOOK_OUT = LocalDateTime.of(9999, 12, 31, 23, 59);
  private static final LocalDateTime PLACEHOLDER_BOOK_IN = LocalDateTime.of(1900, 1, 1, 0, 0);

  private final LocalDateTime extractDate;
  /**
   * Person i (i < size) is one open placement booked in at moment i: the extract date first, then the
   * earlier extract dates of a release series, so that each release's latest timestamp is its extract.
   */
  private final List<LocalDateTime> extractMoments;
  private final LocalDateTime statusCutoff;
  private final DefectRates rates;
  private final FacilityCatalog catalog;
  private final SeedCounts counts;
  private final List<String> finalReasons;
  private final double[] finalReasonCumulative;
  /** The {@link DefectProfile#CALIBRATED} profile: weighted facility mix, names vary per facility. */
  private final boolean calibrated;

  PersonGenerator(
      long seed, LocalDateTime extractDate, DefectRates rates, FacilityCatalog catalog, SeedCounts counts) {
    this(seed, List.of(extractDate), rates, catalog, counts);
  }

  /**
   * @param extractMoments the extract date first, then earlier moments (none after it): person i is
   *     one open placement booked in at moment i
   */
  PersonGenerator(
      long seed, List<LocalDateTime> extractMoments, DefectRates rates, FacilityCatalog catalog, SeedCounts counts) {
    this.seed = seed;
    this.extractMoments = List.copyOf(extractMoments);
    this.extractDate = this.extractMoments.get(0);
    this.statusCutoff = extractDate.minusDays(365);
    this.rates = rates;
    this.catalog = catalog;
    this.counts = counts;
    this.calibrated = rates.profile() == DefectProfile.CALIBRATED;
    List<String> reasons = new ArrayList<>();
    List<Double> cumulative = new ArrayList<>();
    double total = 0;
    for (Map.Entry<String, Integer> entry : ReleaseReasons.PUBLISHED_COUNTS.entrySet()) {
      if (!entry.getKey().equals(ReleaseReasons.TRANSFERRED)) {
        total += entry.getValue();
        reasons.add(entry.getKey());
        cumulative.add(total);
      }
    }
    this.finalReasons = List.copyOf(reasons);
    this.finalReasonCumulative = new double[cumulative.size()];
    for (int i = 0; i < cumulative.size(); i++) {
      finalReasonCumulative[i] = cumulative.get(i) / total;
    }
  }

  /** The anonymised id of person {@code index}: 16 hex digits, distinct for distinct indexes. */
  String personId(long index) {
    return String.format("%016X", mix(index ^ mix(seed)));
  }

  /**
   * Generates person {@code index} with at most {@code capacity} rows (at least one).
   *
   * @return the person's rows in written order
   */
  List<PlacementRecord> generate(long index, int capacity) {
    SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
    counts.person();
    String personId = personId(index);
    List<DraftStay> stays;
    boolean seedDefects = true;
    if (index < extractMoments.size()) {
      stays = extractMomentStay(random, personId, extractMoments.get((int) index));
      seedDefects = false; // the extract moment must stay exactly where it is
    } else if (random.nextDouble() < rates.nearMissRate()) {
      stays = heldExactly365Days(random, personId);
      counts.applied(NearMiss.HELD_EXACTLY_365_DAYS);
    } else {
      boolean currentlyHeld =
          random.nextDouble() < (calibrated ? CALIBRATED_CURRENTLY_HELD_RATE : CURRENTLY_HELD_RATE);
      stays = timeline(random, personId, capacity, currentlyHeld);
    }
    counts.stays(stays.size());
    if (calibrated) {
      for (DraftStay stay : stays) {
        for (DraftPlacement placement : stay.placements) {
          placement.facilityName = catalog.nameAt(placement.facility, placement.bookIn);
        }
      }
    }
    for (int s = 0; s < stays.size(); s++) {
      stays.get(s).index = s;
      for (DraftPlacement placement : stays.get(s).placements) {
        placement.generatedBookIn = placement.bookIn;
      }
    }
    PersonProfile profile = profile(random, stays);
    List<DraftPlacement> rows;
    if (seedDefects) {
      seedStayDefects(random, stays);
      seedTimestampDefects(random, stays);
      seedNullDefects(random, stays);
      rows = withDuplicates(random, flatten(stays), capacity);
      if (rows.size() > 1 && random.nextDouble() < SHUFFLED_ROWS_RATE) {
        shuffle(random, rows);
      }
    } else {
      rows = flatten(stays);
    }
    List<PlacementRecord> records = new ArrayList<>(rows.size());
    for (DraftPlacement row : rows) {
      records.add(row.freeze(profile, index));
    }
    return records;
  }

  // ---------------------------------------------------------------- timelines

  private List<DraftStay> extractMomentStay(
      SplittableRandom random, String personId, LocalDateTime moment) {
    DraftStay stay = new DraftStay();
    DraftPlacement placement = new DraftPlacement(stay, personId, detentionCenter(random));
    placement.bookIn = moment;
    stay.add(placement);
    stay.stayBookIn = moment;
    return List.of(stay);
  }

  private List<DraftStay> heldExactly365Days(SplittableRandom random, String personId) {
    DraftStay stay = new DraftStay();
    DraftPlacement placement = new DraftPlacement(stay, personId, detentionCenter(random));
    placement.bookIn = random.nextBoolean() ? statusCutoff : statusCutoff.plusMinutes(1);
    stay.add(placement);
    stay.stayBookIn = placement.bookIn;
    return List.of(stay);
  }

  private List<DraftStay> timeline(
      SplittableRandom random, String personId, int capacity, boolean currentlyHeld) {
    int stayCount = currentlyHeld ? 1 : 1 + weightedIndex(random, STAYS_WEIGHTS);
    long windowMinutes = Duration.between(FIRST_BOOK_IN, extractDate).toMinutes() - MINUTES_PER_DAY;
    LocalDateTime cursor =
        currentlyHeld
            ? extractDate.minusMinutes(MINUTES_PER_DAY + random.nextLong(300 * MINUTES_PER_DAY))
            : FIRST_BOOK_IN.plusMinutes(random.nextLong(Math.max(1, windowMinutes)));
    if (cursor.isBefore(FIRST_BOOK_IN)) {
      cursor = FIRST_BOOK_IN;
    }
    List<DraftStay> stays = new ArrayList<>();
    int rowsLeft = capacity;
    boolean heldAtExtract = false;
    Facility previous = null;
    for (int s = 0; s < stayCount && rowsLeft > 0 && !heldAtExtract; s++) {
      int[] weights = calibrated && currentlyHeld ? HELD_PLACEMENTS_WEIGHTS : PLACEMENTS_WEIGHTS;
      int placements = Math.min(rowsLeft, 1 + weightedIndex(random, weights));
      DraftStay stay = new DraftStay();
      for (int p = 0; p < placements; p++) {
        Facility facility;
        if (p == 0 && placements > 1 && random.nextDouble() < 0.35) {
          facility = catalog.randomHoldRoom(random);
        } else if (previous != null && p > 0 && roll(random, Defect.SELF_TRANSFER)) {
          facility = previous; // a "self-transfer", as the ACLU found
          counts.applied(Defect.SELF_TRANSFER);
        } else {
          facility = detentionCenter(random);
        }
        previous = facility;
        DraftPlacement placement = new DraftPlacement(stay, personId, facility);
        placement.bookIn = cursor;
        stay.add(placement);
        LocalDateTime bookOut = cursor.plusMinutes(durationMinutes(random, facility));
        if (bookOut.isAfter(extractDate)) {
          heldAtExtract = true; // still held when the data were pulled
          break;
        }
        placement.bookOut = bookOut;
        boolean last = p == placements - 1;
        placement.reason = last ? finalReason(random) : spelled(random, ReleaseReasons.TRANSFERRED);
        cursor = random.nextBoolean() ? bookOut : bookOut.plusMinutes(1 + random.nextInt(720));
        if (cursor.isAfter(extractDate)) {
          placement.reason = finalReason(random);
          break;
        }
      }
      stay.stayBookIn = stay.first().bookIn;
      DraftPlacement last = stay.last();
      if (currentlyHeld && !heldAtExtract) {
        last.bookOut = null; // forced: the person is in custody at the extract
        last.reason = null;
        heldAtExtract = true;
      }
      if (last.bookOut != null) {
        stay.stayBookOut = last.bookOut;
        stay.stayReason = last.reason;
      }
      stays.add(stay);
      rowsLeft -= stay.placements.size();
      if (last.bookOut != null) {
        cursor = last.bookOut.plusMinutes(30 * MINUTES_PER_DAY + random.nextLong(3 * 365 * MINUTES_PER_DAY));
        if (cursor.isAfter(extractDate)) {
          break;
        }
      }
    }
    return stays;
  }

  /** A facility other than a hold room, drawn from the profile's facility mix. */
  private Facility detentionCenter(SplittableRandom random) {
    return calibrated ? catalog.weightedDetentionCenter(random) : catalog.randomDetentionCenter(random);
  }

  private long durationMinutes(SplittableRandom random, Facility facility) {
    if (facility.isUnder72Hours()) {
      if (roll(random, Defect.HOLD_ROOM_OVER_72H)) {
        counts.applied(Defect.HOLD_ROOM_OVER_72H);
        return HOLD_LIMIT_MINUTES + 1 + random.nextInt(7 * 24 * 60); // 72 h 1 min to 10 days
      }
      if (rollNearMiss(random)) {
        counts.applied(NearMiss.HELD_EXACTLY_72_HOURS);
        return HOLD_LIMIT_MINUTES;
      }
    }
    if (facility.isHoldRoom() || facility.isUnder72Hours()) {
      return 60 + random.nextInt(71 * 60);
    }
    double minutes = Math.exp(Math.log(20.0 * MINUTES_PER_DAY) + 1.1 * random.nextGaussian());
    return Math.max(120, Math.min((long) minutes, 3 * 365 * MINUTES_PER_DAY));
  }

  private String finalReason(SplittableRandom random) {
    double u = random.nextDouble();
    for (int i = 0; i < finalReasonCumulative.length; i++) {
      if (u < finalReasonCumulative[i]) {
        return spelled(random, finalReasons.get(i));
      }
    }
    return spelled(random, finalReasons.get(finalReasons.size() - 1));
  }

  /** Usually the released spelling; at the near-miss rate another case or stray spaces. */
  private String spelled(SplittableRandom random, String reason) {
    if (random.nextDouble() >= rates.nearMissRate()) {
      return reason;
    }
    counts.applied(NearMiss.RELEASE_REASON_CASE_OR_SPACES);
    switch (random.nextInt(4)) {
      case 0:
        return reason.toUpperCase(Locale.ROOT);
      case 1:
        return reason.toLowerCase(Locale.ROOT);
      case 2:
        return " " + reason + "  ";
      default:
        String recapitalised =
            reason
                .replace("Order of supervision", "Order of Supervision")
                .replace("Order of recognizance", "Order of Recognizance")
                .replace("Voluntary departure", "Voluntary Departure");
        return recapitalised.equals(reason) ? reason.toUpperCase(Locale.ROOT) : recapitalised;
    }
  }

  private PersonProfile profile(SplittableRandom random, List<DraftStay> stays) {
    LocalDateTime firstBookIn = stays.get(0).first().bookIn;
    DraftStay lastStay = stays.get(stays.size() - 1);
    DraftPlacement last = lastStay.last();
    LocalDateTime departure =
        last.bookOut != null && last.reason != null && last.reason.trim().equalsIgnoreCase("Removed")
            ? last.bookOut
            : null;
    String docket = FacilityCatalog.aorName(stays.get(0).first().facility.aorCode());
    return ProfileGenerator.generate(
        random, firstBookIn, departure, extractDate, rates.redactionRate(),
        docket == null ? null : docket.replace(" Area of Responsibility", " Docket Control Office"));
  }

  // ---------------------------------------------------------------- defects

  private boolean roll(SplittableRandom random, Defect defect) {
    double rate = rates.rate(defect);
    return rate > 0 && random.nextDouble() < rate;
  }

  private boolean rollNearMiss(SplittableRandom random) {
    return rates.nearMissRate() > 0 && random.nextDouble() < rates.nearMissRate();
  }

  private void seedStayDefects(SplittableRandom random, List<DraftStay> stays) {
    for (DraftStay stay : stays) {
      boolean closed = stay.stayBookOut != null;
      if (stay.stayBookIn != null && roll(random, Defect.IMPLAUSIBLY_EARLY_STAY)) {
        stay.stayBookIn = EARLY_STAYS_FROM.plusMinutes(random.nextLong(EARLY_STAYS_SPAN_MINUTES));
        counts.applied(Defect.IMPLAUSIBLY_EARLY_STAY);
      } else if (stay.stayBookIn != null && rollNearMiss(random)) {
        stay.stayBookIn = TEN_YEARS_BEFORE_WINDOW;
        counts.applied(NearMiss.STAY_BEGINS_TEN_YEARS_BEFORE_WINDOW);
      }
      if (roll(random, Defect.OUTSIDE_STAY)) {
        DraftPlacement first = stay.first();
        DraftPlacement last = stay.last();
        if (closed && random.nextBoolean()) {
          long length = minutesBetween(last.bookIn, last.bookOut);
          if (length >= 1) {
            stay.stayBookOut = last.bookOut.minusMinutes(shift(random, length));
            counts.applied(Defect.OUTSIDE_STAY);
          }
        } else {
          LocalDateTime end = first.bookOut != null ? first.bookOut : extractDate;
          long length = minutesBetween(first.bookIn, end);
          if (length >= 1) {
            stay.stayBookIn = first.bookIn.plusMinutes(shift(random, length));
            counts.applied(Defect.OUTSIDE_STAY);
          }
        }
      }
      DraftPlacement last = stay.last();
      if (closed
          && !ReleaseReasons.isTransferred(last.reason)
          && roll(random, Defect.TRANSFERRED_WITHOUT_NEXT)) {
        last.reason = spelled(random, ReleaseReasons.TRANSFERRED);
        stay.stayReason = last.reason;
        counts.applied(Defect.TRANSFERRED_WITHOUT_NEXT);
      }
      if (roll(random, Defect.STAY_REASON_WITHOUT_BOOK_OUT)) {
        if (closed) {
          stay.stayBookOut = null; // the reason stays, its book-out is lost
        } else {
          stay.stayReason = finalReason(random);
        }
        counts.applied(Defect.STAY_REASON_WITHOUT_BOOK_OUT);
      }
    }
  }

  /** 1 minute (the tightest failure) or up to 2 days, never more than {@code limit}. */
  private static long shift(SplittableRandom random, long limit) {
    return random.nextBoolean() ? 1 : 1 + random.nextLong(Math.min(limit, 2 * MINUTES_PER_DAY));
  }

  private void seedTimestampDefects(SplittableRandom random, List<DraftStay> stays) {
    for (DraftStay stay : stays) {
      List<DraftPlacement> placements = stay.placements;
      for (int i = 0; i < placements.size(); i++) {
        DraftPlacement placement = placements.get(i);
        if (i > 0 && roll(random, Defect.OVERLAPPING_PLACEMENTS)) {
          DraftPlacement previous = placements.get(i - 1);
          if (previous.bookOut != null) {
            long length = minutesBetween(previous.bookIn, previous.bookOut);
            if (length >= 2) {
              placement.bookIn =
                  previous.bookOut.minusMinutes(1 + random.nextLong(Math.min(length - 1, 2 * MINUTES_PER_DAY)));
              counts.applied(Defect.OVERLAPPING_PLACEMENTS);
            }
          }
        }
        if (placement.bookOut == null) {
          continue;
        }
        if (roll(random, Defect.IMPLAUSIBLE_DATE)) {
          if (random.nextBoolean()) {
            placement.bookOut = PLACEHOLDER_BOOK_OUT;
          } else {
            placement.bookIn = PLACEHOLDER_BOOK_IN;
          }
          counts.applied(Defect.IMPLAUSIBLE_DATE);
        } else if (roll(random, Defect.AFTER_EXTRACT)) {
          placement.bookOut = extractDate.plusMinutes(1 + random.nextLong(30 * MINUTES_PER_DAY));
          counts.applied(Defect.AFTER_EXTRACT);
        } else if (roll(random, Defect.NEGATIVE_LENGTH)) {
          placement.bookOut = placement.bookIn.minusMinutes(shift(random, 3 * MINUTES_PER_DAY));
          counts.applied(Defect.NEGATIVE_LENGTH);
        } else if (roll(random, Defect.ZERO_LENGTH)) {
          placement.bookOut = placement.bookIn;
          counts.applied(Defect.ZERO_LENGTH);
        } else if (rollNearMiss(random)) {
          placement.bookOut = placement.bookIn.plusMinutes(1);
          counts.applied(NearMiss.ONE_MINUTE_PLACEMENT);
        }
      }
    }
  }

  private void seedNullDefects(SplittableRandom random, List<DraftStay> stays) {
    for (int s = 0; s < stays.size(); s++) {
      DraftStay stay = stays.get(s);
      List<DraftPlacement> placements = stay.placements;
      for (int i = 0; i < placements.size(); i++) {
        DraftPlacement placement = placements.get(i);
        boolean lastOfStay = i == placements.size() - 1;
        boolean lastOfPerson = lastOfStay && s == stays.size() - 1;
        if (placement.bookOut != null && stay.stayBookOut != null && roll(random, Defect.OPEN_IN_CLOSED_STAY)) {
          placement.bookOut = null;
          if (random.nextBoolean()) {
            placement.reason = null;
          }
          counts.applied(Defect.OPEN_IN_CLOSED_STAY);
        }
        if (roll(random, Defect.STATUS_UNKNOWN)) {
          seedStatusUnknown(random, stay, placement, lastOfPerson);
        }
        if (roll(random, Defect.PLACEMENT_REASON_WITHOUT_BOOK_OUT)) {
          if (placement.reason == null) {
            placement.reason = lastOfStay ? finalReason(random) : ReleaseReasons.TRANSFERRED;
          }
          placement.bookOut = null;
          counts.applied(Defect.PLACEMENT_REASON_WITHOUT_BOOK_OUT);
        }
        if (placement.bookOut != null
            && placement.reason != null
            && roll(random, Defect.BOOKED_OUT_WITHOUT_REASON)) {
          placement.reason = random.nextBoolean() ? null : "NA";
          counts.applied(Defect.BOOKED_OUT_WITHOUT_REASON);
        }
        if (placement.reason != null
            && NormalizedPlacement.normalizeText(placement.reason) != null
            && roll(random, Defect.UNKNOWN_RELEASE_REASON)) {
          placement.reason = ProfileGenerator.pick(random, ReleaseReasons.OUTSIDE_VOCABULARY);
          if (lastOfStay && stay.stayReason != null) {
            stay.stayReason = placement.reason;
          }
          counts.applied(Defect.UNKNOWN_RELEASE_REASON);
        }
        if (roll(random, Defect.MISSING_FACILITY_CODE)) {
          placement.facilityCode = ProfileGenerator.pick(random, java.util.Arrays.asList(null, "", "NA"));
          counts.applied(Defect.MISSING_FACILITY_CODE);
        } else if (rollNearMiss(random)) {
          placement.facilityCode = caseOrSpaceVariant(random, placement.facilityCode);
          counts.applied(NearMiss.FACILITY_CODE_CASE_OR_SPACES);
        }
        seedFacilityDefects(random, placement);
        if (roll(random, Defect.MISSING_PERSON_ID)) {
          placement.personId =
              random.nextInt(3) == 0
                  ? ProfileGenerator.pick(random, java.util.Arrays.asList(null, "", "NA"))
                  : ProfileGenerator.pick(random, RedactionMarkers.PRIVACY);
          counts.applied(Defect.MISSING_PERSON_ID);
        }
      }
      if (placements.size() == 1 && roll(random, Defect.MISSING_BOOK_IN)) {
        placements.get(0).bookIn = null;
        if (random.nextInt(4) == 0) {
          stay.stayBookIn = null;
        }
        counts.applied(Defect.MISSING_BOOK_IN);
      }
    }
  }

  /** An unknown code or another facility's code; the name written another way or in another case. */
  private void seedFacilityDefects(SplittableRandom random, DraftPlacement placement) {
    String code = placement.facilityCode;
    if (NormalizedPlacement.normalizeText(code) != null && code.trim().length() >= 3) {
      if (roll(random, Defect.UNKNOWN_FACILITY_CODE)) {
        String trimmed = code.trim();
        placement.facilityCode = trimmed.substring(0, trimmed.length() - 2) + "ZZ";
        if (calibrated) {
          placement.facilityName = placement.facilityName + " ANNEX"; // a new code with its own name
        }
        counts.applied(Defect.UNKNOWN_FACILITY_CODE);
      } else if (roll(random, Defect.FACILITY_CODE_OF_ANOTHER)) {
        Facility other = catalog.randomDetentionCenter(random);
        if (!other.code().equalsIgnoreCase(code.trim())) {
          placement.facilityCode = other.code();
          counts.applied(Defect.FACILITY_CODE_OF_ANOTHER);
        }
      }
    }
    if (roll(random, Defect.FACILITY_RENAMED)) {
      placement.facilityName = renamed(placement.facilityName);
      counts.applied(Defect.FACILITY_RENAMED);
    } else if (rollNearMiss(random)) {
      placement.facilityName = caseOrSpaceVariant(random, placement.facilityName);
      counts.applied(NearMiss.FACILITY_NAME_CASE_OR_SPACES);
    }
  }

  /** The name as another clerk might write it: an abbreviation, else {@code ANNEX} appended. */
  private static String renamed(String name) {
    String renamed =
        name.replace("CENTER", "CTR")
            .replace("DETENTION", "DET.")
            .replace("COUNTY", "CO.")
            .replace("PROCESSING", "PROC.")
            .replace("CORRECTIONAL", "CORR.");
    return renamed.equals(name) ? name + " ANNEX" : renamed;
  }

  /**
   * Removes book-out and reason. On the person's last placement, in a closed stay booked in more than
   * a year before the extract, the whole stay is reopened, so that only the "old" trigger applies.
   */
  private void seedStatusUnknown(
      SplittableRandom random, DraftStay stay, DraftPlacement placement, boolean lastOfPerson) {
    if (placement.bookOut == null && placement.reason == null) {
      return; // already without status; nothing to seed
    }
    if (lastOfPerson
        && stay.stayBookOut != null
        && placement.bookIn != null
        && placement.bookIn.isBefore(statusCutoff)
        && random.nextDouble() < 0.6) {
      stay.stayBookOut = null;
      stay.stayReason = null;
    }
    placement.bookOut = null;
    placement.reason = null;
    counts.applied(Defect.STATUS_UNKNOWN);
  }

  /** Another case or stray spaces; a missing code (null, blank, NA) is returned unchanged. */
  private static String caseOrSpaceVariant(SplittableRandom random, String code) {
    if (NormalizedPlacement.normalizeText(code) == null) {
      return code;
    }
    switch (random.nextInt(3)) {
      case 0:
        return code.toLowerCase(Locale.ROOT);
      case 1:
        return " " + code;
      default:
        return code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT) + " ";
    }
  }

  private List<DraftPlacement> withDuplicates(
      SplittableRandom random, List<DraftPlacement> rows, int capacity) {
    List<DraftPlacement> written = new ArrayList<>(rows.size() + 2);
    List<DraftPlacement> atEnd = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      DraftPlacement row = rows.get(i);
      written.add(row);
      int originalsLeft = rows.size() - i - 1;
      if (written.size() + atEnd.size() + originalsLeft >= capacity) {
        continue; // a copy would push the person past the rows left to generate
      }
      boolean nullInKey =
          row.bookIn == null
              || row.bookOut == null
              || NormalizedPlacement.normalizeText(row.facilityCode) == null;
      double rate = Math.min(1.0, rates.rate(Defect.DUPLICATE) * (nullInKey ? 5 : 1));
      if (rate > 0 && random.nextDouble() < rate) {
        DraftPlacement copy = row.copy();
        int variant = random.nextInt(20);
        if (variant < 5) {
          copy.facilityCode = caseOrSpaceVariant(random, copy.facilityCode);
        } else if (variant < 8 && !calibrated) {
          copy.facilityName = copy.facilityName + " (" + copy.facility.aorCode() + ")";
        }
        (random.nextDouble() < 0.7 ? written : atEnd).add(copy);
        if (NormalizedPlacement.normalizeText(row.personId) == null) {
          counts.applied(NearMiss.COPY_WITHOUT_PERSON_ID);
        } else {
          counts.applied(Defect.DUPLICATE);
        }
      } else if (row.bookOut != null
          && row.bookOut.isBefore(extractDate)
          && rollNearMiss(random)) {
        DraftPlacement copy = row.copy();
        copy.bookOut = row.bookOut.plusMinutes(1);
        written.add(copy);
        counts.applied(NearMiss.COPY_WITH_DIFFERENT_BOOK_OUT);
      }
    }
    written.addAll(atEnd);
    return written;
  }

  // ---------------------------------------------------------------- helpers

  private static List<DraftPlacement> flatten(List<DraftStay> stays) {
    List<DraftPlacement> rows = new ArrayList<>();
    for (DraftStay stay : stays) {
      rows.addAll(stay.placements);
    }
    return rows;
  }

  private static void shuffle(SplittableRandom random, List<DraftPlacement> rows) {
    for (int i = rows.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      DraftPlacement swap = rows.get(i);
      rows.set(i, rows.get(j));
      rows.set(j, swap);
    }
  }

  private static long minutesBetween(LocalDateTime from, LocalDateTime to) {
    return from == null || to == null ? 0 : Duration.between(from, to).toMinutes();
  }

  private static int weightedIndex(SplittableRandom random, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int u = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** SplitMix64's finalizer: a bijection on longs that scatters consecutive inputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A stay while it is being built; its values are shared by every row of the stay. */
  private static final class DraftStay {
    final List<DraftPlacement> placements = new ArrayList<>();
    LocalDateTime stayBookIn;
    LocalDateTime stayBookOut;
    String stayReason;
    int index;

    void add(DraftPlacement placement) {
      placements.add(placement);
    }

    DraftPlacement first() {
      return placements.get(0);
    }

    DraftPlacement last() {
      return placements.get(placements.size() - 1);
    }
  }

  /** A placement while it is being built. */
  private static final class DraftPlacement {
    final DraftStay stay;
    final Facility facility;
    String personId;
    String facilityCode;
    String facilityName;
    LocalDateTime bookIn;
    LocalDateTime bookOut;
    String reason;
    LocalDateTime generatedBookIn;

    DraftPlacement(DraftStay stay, String personId, Facility facility) {
      this.stay = stay;
      this.personId = personId;
      this.facility = facility;
      this.facilityCode = facility.code();
      this.facilityName = facility.name();
    }

    DraftPlacement copy() {
      DraftPlacement copy = new DraftPlacement(stay, personId, facility);
      copy.facilityCode = facilityCode;
      copy.facilityName = facilityName;
      copy.bookIn = bookIn;
      copy.bookOut = bookOut;
      copy.reason = reason;
      copy.generatedBookIn = generatedBookIn;
      return copy;
    }

    PlacementRecord freeze(PersonProfile profile, long personIndex) {
      return new PlacementRecord(
          personId,
          stay.stayBookIn,
          bookIn,
          bookOut,
          stay.stayBookOut,
          facilityCode,
          facilityName,
          reason,
          stay.stayReason,
          facility,
          stay.first().facility,
          profile,
          personIndex,
          stay.index,
          generatedBookIn);
    }
  }
}

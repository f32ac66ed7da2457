package org.detentionaudit.sample.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.detentionaudit.sample.model.PersonProfile;
import org.detentionaudit.sample.model.RedactionMarkers;

/** Plausible non-key attributes of a person; every date is on or before the extract date. */
final class ProfileGenerator {

  private static final List<String> COUNTRIES =
      List.of(
          "MEXICO", "MEXICO", "MEXICO", "MEXICO", "GUATEMALA", "GUATEMALA", "HONDURAS", "HONDURAS",
          "EL SALVADOR", "VENEZUELA", "COLOMBIA", "CUBA", "ECUADOR", "NICARAGUA", "HAITI",
          "DOMINICAN REPUBLIC", "INDIA", "CHINA, PEOPLES REPUBLIC OF", "BRAZIL", "PERU", "ROMANIA",
          "JAMAICA", "SENEGAL", "MAURITANIA");
  private static final List<String> RELIGIONS =
      List.of("Catholic", "Christian", "None", "Unknown", "Muslim", "Hindu", "Evangelical");
  private static final List<String> MARITAL = List.of("Single", "Married", "Unknown", "Divorced");
  private static final List<String> ETHNICITIES = List.of("Hispanic Origin", "Not of Hispanic Origin", "Unknown");
  private static final List<String> RACES = List.of("White", "Black", "Unknown", "Asian", "American Indian");
  private static final List<String> ENTRY_STATUS =
      List.of("Entered Without Inspection", "Present Without Admission (PWA)", "Visitor", "Unknown", "Parolee");
  private static final List<String> CASE_STATUS =
      List.of(
          "8-Excluded/Removed - Inadmissibility",
          "A-Proceedings Terminated",
          "ACTIVE",
          "3-Voluntary Departure Confirmed",
          "7-Died",
          "E-Removal Order Pending");
  private static final List<String> CASE_CATEGORY =
      List.of("[8C] Excludable / Inadmissible - Administrative Final Order Issued",
          "[16] Reinstated Final Order", "[3] Expedited Removal", "[11] Administratively Final Order Issued");
  private static final List<String> THREAT = List.of("1", "2", "3", "");
  private static final List<String> CRIMINALITY =
      List.of("3 Other Immigration Violator", "1 Convicted Criminal", "2 Pending Criminal Charges");
  private static final List<String> CHARGES =
      List.of("Driving Under Influence Liquor", "Illegal Entry", "Traffic Offense", "Assault", "Larceny",
          "Illegal Reentry", "Possession of Marijuana");
  private static final List<String> PROGRAMS =
      List.of("ERO Criminal Alien Program", "Non-Detained Docket", "Border Patrol", "Fugitive Operations");
  private static final List<String> APPREHENSION_METHODS =
      List.of("CBP Inspections", "Border Patrol", "CAP Local Incarceration", "Located", "287(g) Program");

  private ProfileGenerator() {}

  /**
   * @param firstBookIn the person's earliest book-in (null only if every book-in was blanked)
   * @param departure the book-out of a stay ending in removal, or null
   */
  static PersonProfile generate(
      SplittableRandom random,
      LocalDateTime firstBookIn,
      LocalDateTime departure,
      LocalDateTime extractDate,
      double redactionRate,
      String docketOffice) {
    LocalDate anchor = (firstBookIn == null ? extractDate.minusYears(1) : firstBookIn).toLocalDate();
    LocalDate extractDay = extractDate.toLocalDate();
    int age = 18 + (int) Math.min(60, Math.abs(random.nextGaussian()) * 14);
    LocalDate birthDate = anchor.minusYears(age).minusDays(random.nextInt(365));
    Object birthDateCell =
        random.nextDouble() < redactionRate ? pick(random, RedactionMarkers.PRIVACY) : birthDate;
    String citizenship = pick(random, COUNTRIES);
    boolean convicted = random.nextDouble() < 0.35;
    LocalDate entryDate = random.nextDouble() < 0.3 ? null : anchor.minusDays(random.nextInt(3650));
    boolean finalOrder = random.nextDouble() < 0.6;
    boolean bonded = random.nextDouble() < 0.08;
    String alienFileNumber =
        random.nextDouble() < redactionRate
            ? pick(random, RedactionMarkers.PRIVACY)
            : String.format("A%09d", 200_000_000 + random.nextInt(799_999_999));
    LocalDate apprehension = anchor.minusDays(random.nextInt(3));
    return new PersonProfile(
        weighted(random, 0.86, "Male", 0.135, "Female", "Unknown"),
        birthDateCell,
        String.valueOf(birthDate.getYear()),
        citizenship,
        random.nextDouble() < 0.95 ? citizenship : pick(random, COUNTRIES),
        pick(random, RACES),
        pick(random, ETHNICITIES),
        pick(random, RELIGIONS),
        pick(random, MARITAL),
        pick(random, ENTRY_STATUS),
        entryDate,
        convicted ? "Y" : "N",
        pick(random, CASE_STATUS),
        pick(random, CASE_CATEGORY),
        finalOrder ? "YES" : "NO",
        finalOrder ? min(anchor.plusDays(random.nextInt(120)), extractDay) : null,
        pick(random, THREAT),
        pick(random, CRIMINALITY),
        convicted ? pick(random, CHARGES) : null,
        departure == null ? null : departure.toLocalDate(),
        departure == null ? null : citizenship,
        bonded ? min(anchor.plusDays(1 + random.nextInt(60)), extractDay) : null,
        bonded ? String.valueOf(1500 + 500 * random.nextInt(20)) : null,
        random.nextDouble() < 0.2 ? String.valueOf(1500 + 500 * random.nextInt(30)) : null,
        pick(random, PROGRAMS),
        convicted ? String.valueOf(4800 + random.nextInt(900)) : null,
        convicted ? pick(random, CHARGES) : null,
        convicted ? pick(random, List.of("Traffic Offenses", "Immigration", "Assault", "Dangerous Drugs")) : null,
        convicted ? anchor.minusDays(30 + random.nextInt(3000)) : null,
        convicted ? String.valueOf(random.nextInt(365)) : null,
        convicted ? String.valueOf(random.nextInt(24)) : null,
        convicted ? String.valueOf(random.nextInt(5)) : null,
        convicted ? pick(random, List.of("Misdemeanor", "Felony", "Unknown")) : null,
        pick(random, THREAT),
        pick(random, APPREHENSION_METHODS),
        min(apprehension, extractDay),
        docketOffice,
        alienFileNumber,
        String.valueOf(100_000_000L + random.nextInt(900_000_000)),
        String.valueOf(200_000_000L + random.nextInt(900_000_000)));
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? b : a;
  }

  static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String weighted(
      SplittableRandom random, double pFirst, String first, double pSecond, String second, String rest) {
    double u = random.nextDouble();
    return u < pFirst ? first : u < pFirst + pSecond ? second : rest;
  }
}

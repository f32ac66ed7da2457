package org.detentionaudit.sample.model;

import java.time.LocalDate;

/**
 * The non-key attributes of one generated person, repeated on each of their placements as ICE
 * releases do. Text values are written as they are; a {@code null} is written as an empty cell.
 *
 * @param birthDate a {@link LocalDate}, a redaction marker {@link String}, or null
 * @param alienFileNumber an A-number, a redaction marker, or null
 */
public record PersonProfile(
    String gender,
    Object birthDate,
    String birthYear,
    String citizenshipCountry,
    String birthCountry,
    String race,
    String ethnicity,
    String religion,
    String maritalStatus,
    String entryStatus,
    LocalDate entryDate,
    String felon,
    String caseStatus,
    String caseCategory,
    String finalOrder,
    LocalDate finalOrderDate,
    String caseThreatLevel,
    String bookInCriminality,
    String finalCharge,
    LocalDate departedDate,
    String departureCountry,
    LocalDate bondPostedDate,
    String bondPostedAmount,
    String initialBondSetAmount,
    String finalProgram,
    String mscChargeCode,
    String mscCharge,
    String mscCriminalChargeCategory,
    LocalDate mscConvictionDate,
    String mscSentenceDays,
    String mscSentenceMonths,
    String mscSentenceYears,
    String mscCrimeClass,
    String apprehensionThreatLevel,
    String apprehensionMethod,
    LocalDate apprehensionDate,
    String docketControlOffice,
    String alienFileNumber,
    String eidCaseId,
    String eidSubjectId) {

  /**
   * This person as one release of a series shows them: the dated facts after {@code extractDay}
   * not yet known (departure date and country, final order date, bond posted date and amount,
   * conviction, entry and apprehension dates), the identifiers replaced by the release's, and
   * gender or citizenship country blanked when asked.
   *
   * @param alienFileNumber the release's A-number (a redaction marker or null is kept as given)
   */
  public PersonProfile asReleased(
      LocalDate extractDay,
      String alienFileNumber,
      String eidCaseId,
      String eidSubjectId,
      boolean blankGender,
      boolean blankCitizenshipCountry) {
    boolean departed = departedDate != null && !departedDate.isAfter(extractDay);
    boolean bonded = bondPostedDate != null && !bondPostedDate.isAfter(extractDay);
    return new PersonProfile(
        blankGender ? null : gender,
        this.birthDate,
        this.birthYear,
        blankCitizenshipCountry ? null : citizenshipCountry,
        this.birthCountry,
        this.race,
        this.ethnicity,
        this.religion,
        this.maritalStatus,
        this.entryStatus,
        knownBy(entryDate, extractDay),
        this.felon,
        this.caseStatus,
        this.caseCategory,
        this.finalOrder,
        knownBy(finalOrderDate, extractDay),
        this.caseThreatLevel,
        this.bookInCriminality,
        this.finalCharge,
        departed ? departedDate : null,
        departed ? departureCountry : null,
        bonded ? bondPostedDate : null,
        bonded ? bondPostedAmount : null,
        this.initialBondSetAmount,
        this.finalProgram,
        this.mscChargeCode,
        this.mscCharge,
        this.mscCriminalChargeCategory,
        knownBy(mscConvictionDate, extractDay),
        this.mscSentenceDays,
        this.mscSentenceMonths,
        this.mscSentenceYears,
        this.mscCrimeClass,
        this.apprehensionThreatLevel,
        this.apprehensionMethod,
        knownBy(apprehensionDate, extractDay),
        this.docketControlOffice,
        alienFileNumber,
        eidCaseId,
        eidSubjectId);
  }

  private static LocalDate knownBy(LocalDate date, LocalDate extractDay) {
    return date == null || date.isAfter(extractDay) ? null : date;
  }
}

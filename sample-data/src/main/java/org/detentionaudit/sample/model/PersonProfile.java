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
    String eidSubjectId) {}

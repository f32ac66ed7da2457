package org.detentionaudit.rules;

import static org.detentionaudit.rules.CanonicalField.BOOK_IN;
import static org.detentionaudit.rules.CanonicalField.BOOK_OUT;
import static org.detentionaudit.rules.CanonicalField.FACILITY_CODE;
import static org.detentionaudit.rules.CanonicalField.FACILITY_NAME;
import static org.detentionaudit.rules.CanonicalField.PERSON_ID;
import static org.detentionaudit.rules.CanonicalField.RELEASE_REASON;
import static org.detentionaudit.rules.CanonicalField.STAY_BOOK_IN;
import static org.detentionaudit.rules.CanonicalField.STAY_BOOK_OUT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The derived measures the audit states beside its rules ({@code summary.json} {@code dataset},
 * {@code facilities} and {@code cost}, {@code facilities.parquet}, {@code breakdown.parquet}, the
 * report), each with the canonical fields it is computed from. A measure whose fields the layout
 * lacks is {@link RuleStatus#NOT_APPLICABLE}: the outputs leave it null and name the missing
 * fields, never a zero, never "open", never "still held".
 *
 * <p>This is the one place that says which fields a measure needs; the rules' own needs are
 * {@link RuleKind#requiredFields()}. A measure may need all of {@link #requiredFields()} and, where
 * {@link #anyOfFields()} is not empty, at least one of those (a facility is known by its code or
 * its name).
 */
public enum Measure {
  /** Distinct person ids ({@code dataset.people}). */
  PEOPLE("dataset.people", "how many people the records are about", EnumSet.of(PERSON_ID), Set.of()),
  /** Distinct (person id, stay book-in) groups ({@code dataset.stays}). */
  STAYS(
      "dataset.stays",
      "how many stays (a person's consecutive placements) there are",
      EnumSet.of(PERSON_ID, STAY_BOOK_IN),
      Set.of()),
  /** The earliest and latest book-in ({@code dataset.first_book_in}, {@code last_book_in}). */
  BOOK_IN_RANGE(
      "dataset.first_book_in/last_book_in", "when the records begin and end", EnumSet.of(BOOK_IN), Set.of()),
  /** Placements with a book-in and no book-out ({@code dataset.open_placements}). */
  OPEN_PLACEMENTS(
      "dataset.open_placements",
      "how many placements were still open (people still held, or the end never recorded)",
      EnumSet.of(BOOK_IN, BOOK_OUT),
      Set.of()),
  /** Placements whose release reason is Died or Escaped ({@code dataset.died}, {@code escaped}). */
  DIED_ESCAPED(
      "dataset.died/escaped",
      "how many placements ended in death or escape",
      EnumSet.of(RELEASE_REASON),
      Set.of()),
  /** How long placements last ({@code dataset.placement_lengths}). */
  PLACEMENT_LENGTHS(
      "dataset.placement_lengths",
      "how long placements lasted (lengths, median, longest, by length)",
      EnumSet.of(BOOK_IN, BOOK_OUT),
      Set.of()),
  /** How long stays last ({@code dataset.stay_lengths}). */
  STAY_LENGTHS(
      "dataset.stay_lengths",
      "how long stays lasted",
      EnumSet.of(PERSON_ID, STAY_BOOK_IN, STAY_BOOK_OUT),
      Set.of()),
  /**
   * Facilities seen, records per facility, records without one ({@code summary.json} {@code
   * facilities}, {@code facilities.parquet} {@code records}, the facility columns of {@code
   * breakdown.parquet}).
   */
  FACILITIES(
      "facilities",
      "where people were held (records per facility)",
      Set.of(),
      EnumSet.of(FACILITY_CODE, FACILITY_NAME)),
  /** The fiscal year of each record's book-in ({@code breakdown.parquet} {@code fiscal_year}). */
  FISCAL_YEARS(
      "breakdown.fiscal_year", "in which fiscal year each placement began", EnumSet.of(BOOK_IN), Set.of()),
  /**
   * Midnights in custody ({@code cost.bed_days} and its per fiscal year, {@code facilities.parquet}
   * {@code bed_days} and {@code by_fiscal_year}).
   */
  BED_DAYS(
      "cost.bed_days",
      "how many days in custody (bed-days) the placements add up to",
      EnumSet.of(BOOK_IN, BOOK_OUT),
      Set.of()),
  /**
   * Bed-days times the facility's per-diem rate ({@code cost.estimated_cost}, {@code
   * facilities.parquet} {@code estimated_cost}).
   */
  ESTIMATED_COST(
      "cost.estimated_cost",
      "what detention cost (bed-days times the facility's per-diem rate)",
      EnumSet.of(BOOK_IN, BOOK_OUT),
      EnumSet.of(FACILITY_CODE, FACILITY_NAME));

  private final String id;
  private final String question;
  private final Set<CanonicalField> requiredFields;
  private final Set<CanonicalField> anyOfFields;

  Measure(String id, String question, Set<CanonicalField> required, Set<CanonicalField> anyOf) {
    this.id = id;
    this.question = question;
    this.requiredFields = Set.copyOf(required);
    this.anyOfFields = Set.copyOf(anyOf);
  }

  /** Where the measure stands in {@code summary.json}, e.g. {@code dataset.open_placements}. */
  public String id() {
    return id;
  }

  /** What the measure tells, in words for a reader, e.g. "how long placements lasted". */
  public String question() {
    return question;
  }

  /** Fields the layout must all have. */
  public Set<CanonicalField> requiredFields() {
    return requiredFields;
  }

  /** Fields of which the layout must have at least one; empty when there is no such choice. */
  public Set<CanonicalField> anyOfFields() {
    return anyOfFields;
  }

  /** Whether the measure can be computed from a dataset with these fields. */
  public boolean applicableTo(Set<CanonicalField> available) {
    return missingFields(available).isEmpty();
  }

  /**
   * What the layout lacks for this measure, as {@code summary.parquet}'s {@code missing_fields}
   * names it: the missing required fields in canonical order, then, when none of the any-of fields
   * is present, those fields joined by {@code " or "} (e.g. {@code facility_code or
   * facility_name}); empty when the measure applies.
   */
  public List<String> missingFields(Set<CanonicalField> available) {
    List<String> missing = new ArrayList<>();
    for (CanonicalField field : CanonicalField.values()) {
      if (requiredFields.contains(field) && !available.contains(field)) {
        missing.add(field.columnName());
      }
    }
    if (!anyOfFields.isEmpty() && anyOfFields.stream().noneMatch(available::contains)) {
      missing.add(
          Arrays.stream(CanonicalField.values())
              .filter(anyOfFields::contains)
              .map(CanonicalField::columnName)
              .collect(Collectors.joining(" or ")));
    }
    return List.copyOf(missing);
  }
}

package org.detentionaudit.core.reconcile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.detentionaudit.rules.CanonicalField;

/**
 * A figure a release publishes and the records can be set beside (definitions: README,
 * "Reconciliation"). Each needs some canonical fields; without them it is NOT_APPLICABLE.
 */
public enum PublishedMeasure {
  /** Records whose book-in falls in the fiscal year. */
  BOOK_INS("book_ins", EnumSet.of(CanonicalField.BOOK_IN), EnumSet.of(CanonicalField.BOOK_IN)),
  /** Midnights in custody in the fiscal year (the bed-days of {@code facilities.parquet}). */
  BED_DAYS(
      "bed_days",
      EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.BOOK_OUT),
      EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.BOOK_OUT)),
  /** Bed-days in the fiscal year / nights in it. */
  AVERAGE_DAILY_POPULATION(
      "average_daily_population",
      EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.BOOK_OUT),
      EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.BOOK_OUT)),
  /**
   * Mean length in days of the stays that end in the fiscal year; at one facility, of the
   * placements there that end in it.
   */
  AVERAGE_LENGTH_OF_STAY(
      "average_length_of_stay",
      EnumSet.of(
          CanonicalField.BOOK_IN,
          CanonicalField.BOOK_OUT,
          CanonicalField.PERSON_ID,
          CanonicalField.STAY_BOOK_IN),
      EnumSet.of(CanonicalField.BOOK_IN, CanonicalField.BOOK_OUT));

  private final String id;
  private final Set<CanonicalField> needs;
  private final Set<CanonicalField> needsAtFacility;

  PublishedMeasure(String id, Set<CanonicalField> needs, Set<CanonicalField> needsAtFacility) {
    this.id = id;
    this.needs = needs;
    this.needsAtFacility = needsAtFacility;
  }

  /** The name in {@code --published} files and {@code reconciliation.parquet}. */
  public String id() {
    return id;
  }

  /** The measure called {@code id} (trimmed, any case), if any. */
  public static Optional<PublishedMeasure> byId(String id) {
    for (PublishedMeasure m : values()) {
      if (m.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Every measure's id, in declaration order. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (PublishedMeasure m : values()) {
      ids.add(m.id);
    }
    return ids;
  }

  /**
   * The fields this measure needs that {@code available} lacks, in canonical order; empty when it
   * can be computed. {@code facilityField} is the facility field a facility-level figure needs,
   * or null for a figure over all facilities.
   */
  public List<CanonicalField> missing(Set<CanonicalField> available, CanonicalField facilityField) {
    EnumSet<CanonicalField> wanted = EnumSet.noneOf(CanonicalField.class);
    wanted.addAll(facilityField == null ? needs : needsAtFacility);
    if (facilityField != null) {
      wanted.add(facilityField);
    }
    wanted.removeAll(available);
    return List.copyOf(wanted);
  }
}

package org.detentionaudit.core.measure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The facilities of the records at a glance ({@code summary.json} {@code facilities}).
 *
 * @param keyedBy {@code facility_code}, or {@code facility_name} where the layout has no codes
 * @param seen distinct facility codes (or names) in the records
 * @param notInReference of those, the codes the facility reference does not list (keyed by name:
 *     the names that match no reference name, see {@code FacilityNames})
 * @param recordsWithout records without a facility code (or name)
 * @param ambiguous keyed by name: the names that match several reference codes (in the reference,
 *     but no one facility); 0 when keyed by code
 */
@JsonPropertyOrder({"keyed_by", "seen", "not_in_reference", "ambiguous", "records_without"})
public record FacilitySummary(
    String keyedBy, long seen, long notInReference, long recordsWithout, long ambiguous) {
  /** Keyed by code (nothing ambiguous). */
  public FacilitySummary(String keyedBy, long seen, long notInReference, long recordsWithout) {
    this(keyedBy, seen, notInReference, recordsWithout, 0);
  }
}

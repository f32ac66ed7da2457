package org.detentionaudit.core.measure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The facilities of the records at a glance ({@code summary.json} {@code facilities}).
 *
 * @param keyedBy {@code facility_code}, or {@code facility_name} where the layout has no codes
 * @param seen distinct facility codes (or names) in the records
 * @param notInReference of those, the codes the facility reference does not list (all of them when
 *     keyed by name)
 * @param recordsWithout records without a facility code (or name)
 */
@JsonPropertyOrder({"keyed_by", "seen", "not_in_reference", "records_without"})
public record FacilitySummary(String keyedBy, long seen, long notInReference, long recordsWithout) {}

package org.detentionaudit.core.measure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Measure;

/**
 * Whether one derived measure could be computed from the audited file ({@code summary.json} {@code
 * measures}, and the report's "What this file cannot tell" list).
 *
 * @param measure where the measure stands in {@code summary.json} ({@link Measure#id()})
 * @param status {@link #COMPUTED} or {@link #NOT_APPLICABLE}
 * @param missingFields the canonical fields the layout lacks for it (empty when computed)
 * @param tells what the measure tells, in words ({@link Measure#question()})
 */
@JsonPropertyOrder({"measure", "status", "missing_fields", "tells"})
public record MeasureStatus(String measure, String status, List<String> missingFields, String tells) {
  /** The measure was computed from columns the file has. */
  public static final String COMPUTED = "COMPUTED";
  /** The file lacks a column the measure needs: the measure is null in every output. */
  public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

  public MeasureStatus {
    missingFields = List.copyOf(missingFields);
  }

  /** One status per {@link Measure}, in declaration order, for a dataset with these fields. */
  public static List<MeasureStatus> of(Set<CanonicalField> available) {
    return Arrays.stream(Measure.values()).map(m -> of(m, available)).toList();
  }

  /** The status of {@code measure} for a dataset with these fields. */
  public static MeasureStatus of(Measure measure, Set<CanonicalField> available) {
    List<String> missing = measure.missingFields(available);
    return new MeasureStatus(
        measure.id(), missing.isEmpty() ? COMPUTED : NOT_APPLICABLE, missing, measure.question());
  }

  /** Whether the measure was computed. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean computed() {
    return COMPUTED.equals(status);
  }
}

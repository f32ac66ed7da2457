package org.detentionaudit.core.normalize;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.detentionaudit.rules.CanonicalField;

/** The outcome of normalizing one source record: a placement, or the reason it cannot be read. */
public sealed interface NormalizedRecord {

  /**
   * A readable record. Values are indexed by canonical field: {@link String} for text fields,
   * {@link java.time.LocalDateTime} for timestamp fields, null when absent, missing or redacted.
   *
   * @param redactedFields column names ({@link CanonicalField#columnName()}) of the fields that
   *     held a redaction marker, in canonical order; empty when none
   */
  record Placement(Object[] values, List<String> redactedFields) implements NormalizedRecord {
    public Placement {
      values = values.clone();
      redactedFields = List.copyOf(redactedFields);
    }

    /** The normalized value of {@code field}, or null. */
    public Object value(CanonicalField field) {
      return values[field.ordinal()];
    }

    @Override
    public Object[] values() {
      return values.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Placement that
          && Arrays.equals(values, that.values)
          && redactedFields.equals(that.redactedFields);
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(values), redactedFields);
    }

    @Override
    public String toString() {
      return "Placement" + Arrays.toString(values) + " redacted=" + redactedFields;
    }
  }

  /** A record that cannot be loaded; {@code reason} names the problem and the column. */
  record Rejected(String reason) implements NormalizedRecord {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

package org.detentionaudit.core.normalize;

import java.io.Serializable;
import java.util.Objects;
import org.detentionaudit.rules.CanonicalField;

/**
 * Where one canonical field is read from in a source record.
 *
 * @param field the canonical field
 * @param position 0-based position of the value in the record handed to {@link
 *     PlacementNormalizer#normalize(Object[])}
 * @param columnName the column header as written in the source, used in quarantine reasons
 */
public record FieldSource(CanonicalField field, int position, String columnName)
    implements Serializable {
  public FieldSource {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(columnName, "columnName");
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0, was " + position);
    }
  }
}

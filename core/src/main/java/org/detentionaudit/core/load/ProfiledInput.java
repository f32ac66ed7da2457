package org.detentionaudit.core.load;

import java.util.List;
import java.util.Map;
import org.detentionaudit.rules.CanonicalField;

/**
 * The columns of one input as the file names them, for the column profile.
 *
 * @param unitIndex the input's {@code input_unit} in {@link RawColumns}
 * @param name the input's name, as in the accounting ({@code summary.json} {@code inputs.path})
 * @param columns the input's own column names, in order; cell {@code i} of a raw row belongs to
 *     column {@code i}
 * @param canonical the canonical field each column was matched to by the layout, where it was
 */
public record ProfiledInput(
    int unitIndex, String name, List<String> columns, Map<String, CanonicalField> canonical) {
  public ProfiledInput {
    columns = List.copyOf(columns);
    canonical = Map.copyOf(canonical);
  }
}

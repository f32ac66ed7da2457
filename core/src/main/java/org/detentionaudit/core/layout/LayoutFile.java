package org.detentionaudit.core.layout;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML form of a {@link Layout}; field names are snake_case, unknown keys are refused.
 *
 * <pre>
 * name: ddp-2025
 * description: Deportation Data Project detention stints, 2025 releases (37 columns)
 * max_preamble_lines: 25
 * date_formats: ["M/d/yyyy H:mm[:ss]", "yyyy-M-d"]
 * fields:                       # canonical field -> header aliases, first present wins
 *   person_id: [Unique Identifier]
 *   book_in: [Book In Date Time]
 * other_columns: [Gender, Birth Year]
 * covers_from: 2011-10-01       # optional: the first day the release covers (ISO date)
 * </pre>
 */
record LayoutFile(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty("description") String description,
    @JsonProperty(value = "max_preamble_lines", required = true) Integer maxPreambleLines,
    @JsonProperty(value = "date_formats", required = true) List<String> dateFormats,
    @JsonProperty(value = "fields", required = true) LinkedHashMap<String, List<String>> fields,
    @JsonProperty("other_columns") List<String> otherColumns,
    @JsonProperty("covers_from") String coversFrom) {

  Map<String, List<String>> fieldsOrEmpty() {
    return fields == null ? Map.of() : fields;
  }
}

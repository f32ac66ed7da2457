package org.detentionaudit.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.layout.LayoutMatch;
import org.detentionaudit.core.reference.FacilityEntry;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.rules.Applicability;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.rules.RuleCatalog;

/**
 * What a baseline needs to evaluate the rules on one Parquet file, as the audit would see it.
 *
 * @param parquet the generated Parquet file
 * @param extractDate the extract date the audit is given
 * @param columns the file's column for each canonical field its layout provides (a field the
 *     layout lacks is absent)
 * @param windowStart the layout's {@code covers_from}, if any ({@code stay.implausibly_early})
 * @param facilityCodeKeys the bundled facility reference's codes, trimmed and upper-cased
 * @param under72CodeKeys of those, the codes the reference marks {@code Under 72} ({@code
 *     placement.hold_room_over_72h})
 * @param rules the built-in rules with their parameters, in catalog order
 */
public record BaselineInput(
    Path parquet,
    LocalDateTime extractDate,
    Map<CanonicalField, String> columns,
    Optional<LocalDate> windowStart,
    Set<String> facilityCodeKeys,
    Set<String> under72CodeKeys,
    List<Rule> rules) {

  /** Reads the file's column names, detects its layout and gathers the bundled rules and reference. */
  public static BaselineInput of(Path parquet, LocalDateTime extractDate) throws IOException {
    List<String> header = new ArrayList<>();
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(parquet.toUri()), new Configuration()))) {
      for (Type field : reader.getFooter().getFileMetaData().getSchema().getFields()) {
        header.add(field.getName());
      }
    }
    LayoutMatch match = LayoutCatalog.builtIn().resolve(header, Optional.empty(), parquet.toString());
    Map<CanonicalField, String> columns = new EnumMap<>(CanonicalField.class);
    match.fieldPositions().forEach((field, at) -> columns.put(field, header.get(at)));
    return new BaselineInput(
        parquet,
        extractDate,
        columns,
        match.layout().coversFrom(),
        FacilityReference.bundled().codeKeys(),
        FacilityReference.bundled().codeKeys(FacilityEntry.HoldLimit.UNDER_72),
        RuleCatalog.builtIn().enabled());
  }

  /**
   * Whether a baseline judges {@code rule} on this input: the rule is applicable ({@link
   * Applicability}: the layout has the fields it needs, and a window start where it needs one), and
   * it does not judge facilities by name. The audit judges the facility rules by name on a layout
   * with names but no codes ({@link Applicability#judgesFacilityByName}); the baselines implement
   * the judgement by code only (the benchmark's data have codes), so there such a rule maps to null.
   */
  public boolean judges(Rule rule) {
    return Applicability.applicable(rule.kind(), columns.keySet(), windowStart.isPresent())
        && !Applicability.judgesFacilityByName(rule.kind(), columns.keySet());
  }

  /** The file's column for {@code field}, if its layout provides it. */
  public Optional<String> column(CanonicalField field) {
    return Optional.ofNullable(columns.get(field));
  }
}

package org.detentionaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detentionaudit.core.reference.FacilityReference;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.rules.Rule;
import org.detentionaudit.rules.RuleCatalog;
import org.detentionaudit.rules.RuleKind;
import org.detentionaudit.rules.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The facility-reference, facility-consistency, self-transfer, implausibly-early and after-extract
 * rules: records that fail, near misses that pass, nulls, and layouts lacking their fields.
 */
@ExtendWith(SharedSpark.class)
class FacilityRulesTest {
  private static final Set<CanonicalField> ALL_FIELDS = EnumSet.allOf(CanonicalField.class);
  private static final LocalDateTime EXTRACT = LocalDateTime.parse("2025-06-26T00:00");
  private static final RuleContext CONTEXT =
      new RuleContext(Optional.of(EXTRACT), FacilityReference.bundled(), Optional.of(LocalDate.of(2011, 10, 1)));
  private final RuleCatalog catalog = RuleCatalog.builtIn();

  private RuleEvaluation evaluate(
      SparkSession spark, Placements p, RuleKind kind, Set<CanonicalField> fields, RuleContext context) {
    return RuleEvaluation.run(p.toDataset(spark), fields, List.of(catalog.rule(kind)), context);
  }

  private RuleOutcome run(SparkSession spark, Placements p, RuleKind kind, List<Long> failingRows) {
    return run(spark, p, kind, failingRows, CONTEXT);
  }

  private RuleOutcome run(
      SparkSession spark, Placements p, RuleKind kind, List<Long> failingRows, RuleContext context) {
    return run(spark, p, kind, failingRows, ALL_FIELDS, context);
  }

  private RuleOutcome run(
      SparkSession spark,
      Placements p,
      RuleKind kind,
      List<Long> failingRows,
      Set<CanonicalField> fields,
      RuleContext context) {
    RuleEvaluation evaluation = evaluate(spark, p, kind, fields, context);
    List<Long> rows =
        evaluation.findings().select("source_row").orderBy("source_row").collectAsList().stream()
            .map(r -> r.getLong(0))
            .toList();
    assertThat(rows).as(kind.id() + " failing rows").containsExactlyElementsOf(failingRows);
    RuleOutcome outcome = evaluation.outcomes().get(0);
    assertThat(outcome.recordsFailed()).isEqualTo(failingRows.size());
    evaluation.findings().unpersist();
    return outcome;
  }

  private RuleOutcome lacking(SparkSession spark, RuleKind kind, CanonicalField... absent) {
    Set<CanonicalField> fields = EnumSet.allOf(CanonicalField.class);
    for (CanonicalField field : absent) {
      fields.remove(field);
    }
    Placements p = new Placements().add("A", "2024-01-01 00:00", "2024-01-01 00:00", null, null, "ADLNTCA", null, null);
    RuleOutcome outcome = evaluate(spark, p, kind, fields, CONTEXT).outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
    assertThat(outcome.recordsChecked()).isNull();
    return outcome;
  }

  @Test
  void unknownCode(SparkSession spark) {
    Placements p = new Placements()
        .add("A", null, "2024-01-01 00:00", null, null, "ADLNTZZ", null, null) // 1 unknown: fails
        .add("A", null, "2024-01-01 00:00", null, null, " adlntca ", null, null) // 2 known, case and spaces
        .add("A", null, "2024-01-01 00:00", null, null, null, null, null) // 3 no code: not checked
        .add("A", null, "2024-01-01 00:00", null, null, "ADLNTC", null, null); // 4 truncated: fails
    RuleOutcome o = run(spark, p, RuleKind.FACILITY_UNKNOWN_CODE, List.of(1L, 4L));
    assertThat(o.recordsChecked()).isEqualTo(3);
    RuleOutcome neither =
        lacking(spark, RuleKind.FACILITY_UNKNOWN_CODE, CanonicalField.FACILITY_CODE, CanonicalField.FACILITY_NAME);
    assertThat(neither.missingFields()).isEqualTo("facility_code, facility_name");
  }

  /** A layout with facility names but no codes: facility_name is looked up in the reference. */
  private static final Set<CanonicalField> NAMES_ONLY = namesOnly();

  private static Set<CanonicalField> namesOnly() {
    Set<CanonicalField> fields = EnumSet.allOf(CanonicalField.class);
    fields.remove(CanonicalField.FACILITY_CODE);
    return fields;
  }

  @Test
  void unknownCodeJudgesNamesWhereTheLayoutHasNoCodes(SparkSession spark) {
    Placements p = new Placements()
        .addNamed("A", null, "2024-01-01 00:00", null, null, null, "NORTHWEST DET. CENTER", null, null) // 1 DET. = DETENTION: known
        .addNamed("A", null, "2024-01-01 00:00", null, null, null, "TACOMA ICE PROCESSING CENTER", null, null) // 2 a rename no list has: fails
        .addNamed("A", null, "2024-01-01 00:00", null, null, null, "Jefferson Co. Jail", null, null) // 3 seven codes: ambiguous, in the reference
        .addNamed("A", null, "2024-01-01 00:00", null, null, null, null, null, null) // 4 no name: not checked
        .addNamed("A", null, "2024-01-01 00:00", null, null, null, " seattle field office holdroom ", null, null) // 5 known
        .addNamed("A", null, "2024-01-01 00:00", null, null, null, "STRAFFORD CO DEPT OF CORR", null, null) // 6 CO, DEPT, CORR: known
        .addNamed("A", null, "2024-01-01 00:00", null, null, null, "ALBANY HOLDROOM ANNEX", null, null); // 7 not a listed name: fails
    RuleOutcome o = run(spark, p, RuleKind.FACILITY_UNKNOWN_CODE, List.of(2L, 7L), NAMES_ONLY, CONTEXT);
    assertThat(o.recordsChecked()).isEqualTo(6);
    RuleEvaluation evaluation = evaluate(spark, p, RuleKind.FACILITY_UNKNOWN_CODE, NAMES_ONLY, CONTEXT);
    Row first = evaluation.findings().orderBy("source_row").first();
    assertThat(first.getString(first.fieldIndex("detail")))
        .isEqualTo("facility_name TACOMA ICE PROCESSING CENTER matches no name in the facility reference"
            + " (this layout has no facility codes)");
  }

  @Test
  void whereTheLayoutHasCodesNamesAreNotLookedUp(SparkSession spark) {
    Placements p = new Placements()
        .addNamed("A", null, "2024-01-01 00:00", null, null, "ADLNTCA", "NO SUCH NAME", null, null) // known code
        .addNamed("A", null, "2024-01-01 00:00", null, null, null, "SEATTLE FIELD OFFICE HOLD ROOM", null, null); // no code
    RuleOutcome o = run(spark, p, RuleKind.FACILITY_UNKNOWN_CODE, List.of(), CONTEXT);
    assertThat(o.recordsChecked()).isEqualTo(1);
  }

  @Test
  void holdRoomOver72Hours(SparkSession spark) {
    // SEAHOLD: SEATTLE FIELD OFFICE HOLD ROOM, marked Under 72; AAORDMD marked Over 72;
    // SPOHOLD is only in the 2025 list (no mark)
    Placements p = new Placements()
        .add("A", null, "2024-01-01 00:00", "2024-01-04 01:00", null, "SEAHOLD", null, null) // 1 73 h: fails
        .add("A", null, "2024-01-01 00:00", "2024-01-04 00:00", null, "SEAHOLD", null, null) // 2 exactly 72 h: passes
        .add("A", null, "2024-01-01 00:00", "2024-01-03 23:00", null, "SEAHOLD", null, null) // 3 71 h: passes
        .add("A", null, "2024-01-01 00:00", null, null, "SEAHOLD", null, null) // 4 open: not checked
        .add("A", null, "2024-01-01 00:00", "2024-02-01 00:00", null, null, null, null) // 5 no facility: not checked
        .add("A", null, "2024-01-01 00:00", "2024-02-01 00:00", null, "AAORDMD", null, null) // 6 Over 72: passes
        .add("A", null, "2024-01-01 00:00", "2024-02-01 00:00", null, "SPOHOLD", null, null) // 7 no mark: not checked
        .add("A", null, "2024-01-01 00:00", "2024-02-01 00:00", null, "ZZZZZZZ", null, null) // 8 unknown code: not checked
        .add("A", null, "2024-01-01 00:00", "2024-01-04 00:01", null, " seahold ", null, null) // 9 72 h 1 min: fails
        .add("A", null, "2024-03-09 12:00", "2024-03-12 12:00", null, "SEAHOLD", null, null) // 10 72 h across a DST change: passes
        .add("A", null, null, "2024-02-01 00:00", null, "SEAHOLD", null, null); // 11 no book_in: not checked
    RuleOutcome o = run(spark, p, RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H, List.of(1L, 9L));
    assertThat(o.recordsChecked()).isEqualTo(6);
    assertThat(o.rule().question().code()).isEqualTo("how_long");
    RuleEvaluation evaluation = evaluate(spark, p, RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H, ALL_FIELDS, CONTEXT);
    Row first = evaluation.findings().orderBy("source_row").first();
    assertThat(first.getString(first.fieldIndex("detail")))
        .isEqualTo("held 73.0 hours (2024-01-01 00:00:00 to 2024-01-04 01:00:00) at SEAHOLD (SEAHOLD FACILITY),"
            + " which the facility reference marks Under 72 hours");
    RuleOutcome noBookOut = lacking(spark, RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H, CanonicalField.BOOK_OUT);
    assertThat(noBookOut.missingFields()).isEqualTo("book_out");
    RuleOutcome noFacility =
        lacking(spark, RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H, CanonicalField.FACILITY_CODE, CanonicalField.FACILITY_NAME);
    assertThat(noFacility.missingFields()).isEqualTo("facility_code, facility_name");
  }

  @Test
  void holdRoomOver72HoursByNameWhereTheLayoutHasNoCodes(SparkSession spark) {
    Placements p = new Placements()
        .addNamed("A", null, "2024-01-01 00:00", "2024-01-04 01:00", null, null, "Seattle Field Office Holdroom", null, null) // 1 fails
        .addNamed("A", null, "2024-01-01 00:00", "2024-01-04 00:00", null, null, "SEATTLE FIELD OFFICE HOLD ROOM", null, null) // 2 72 h: passes
        .addNamed("A", null, "2024-01-01 00:00", "2024-02-01 00:00", null, null, "JEFFERSON COUNTY JAIL", null, null) // 3 ambiguous: not checked
        .addNamed("A", null, "2024-01-01 00:00", "2024-02-01 00:00", null, null, "NOWHERE HOLD ROOM", null, null) // 4 unmatched: not checked
        .addNamed("A", null, "2024-01-01 00:00", "2024-02-01 00:00", null, null, "ANNE ARUNDEL COUNTY ORDNANCE ROAD CORRECTIONAL CTR", null, null); // 5 Over 72
    RuleOutcome o = run(spark, p, RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H, List.of(1L), NAMES_ONLY, CONTEXT);
    assertThat(o.recordsChecked()).isEqualTo(3);
    RuleEvaluation evaluation = evaluate(spark, p, RuleKind.PLACEMENT_HOLD_ROOM_OVER_72H, NAMES_ONLY, CONTEXT);
    Row first = evaluation.findings().first();
    assertThat(first.getString(first.fieldIndex("detail")))
        .isEqualTo("held 73.0 hours (2024-01-01 00:00:00 to 2024-01-04 01:00:00) at Seattle Field Office Holdroom"
            + " (reference code SEAHOLD), which the facility reference marks Under 72 hours");
  }

  @Test
  void unknownCodeReadsTheReferenceInUse(SparkSession spark) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("facilities", ".csv");
    java.nio.file.Files.writeString(file, "facility_code\nADLNTZZ\n");
    RuleContext extended =
        new RuleContext(Optional.of(EXTRACT), FacilityReference.bundled().withUserFile(file), Optional.empty());
    Placements p = new Placements().add("A", null, "2024-01-01 00:00", null, null, "ADLNTZZ", null, null);
    run(spark, p, RuleKind.FACILITY_UNKNOWN_CODE, List.of(), extended);
    java.nio.file.Files.delete(file);
  }

  @Test
  void codeUnderSeveralNames(SparkSession spark) {
    Placements p = new Placements()
        .addNamed("A", null, "2024-01-01 00:00", null, null, "CSCNWWA", "NORTHWEST DET. CENTER", null, null) // 1 fails
        .addNamed("B", null, "2024-01-01 00:00", null, null, "cscnwwa ", "TACOMA ICE PROCESSING CENTER", null, null) // 2 fails
        .addNamed("C", null, "2024-01-01 00:00", null, null, "ADLNTCA", "ADELANTO ICE PROCESSING CENTER", null, null) // 3
        .addNamed("D", null, "2024-01-01 00:00", null, null, "ADLNTCA", " adelanto ice processing center ", null, null) // 4 near miss
        .addNamed("E", null, "2024-01-01 00:00", null, null, "ADLNTCA", null, null, null) // 5 no name: not checked
        .addNamed("F", null, "2024-01-01 00:00", null, null, null, "TACOMA ICE PROCESSING CENTER", null, null); // 6 no code
    RuleOutcome o = run(spark, p, RuleKind.FACILITY_CODE_SEVERAL_NAMES, List.of(1L, 2L));
    assertThat(o.recordsChecked()).isEqualTo(4);
    lacking(spark, RuleKind.FACILITY_CODE_SEVERAL_NAMES, CanonicalField.FACILITY_NAME);
    lacking(spark, RuleKind.FACILITY_CODE_SEVERAL_NAMES, CanonicalField.FACILITY_CODE);
  }

  @Test
  void nameUnderSeveralCodes(SparkSession spark) {
    Placements p = new Placements()
        .addNamed("A", null, "2024-01-01 00:00", null, null, "ORANGNY", "ORANGE COUNTY JAIL", null, null) // 1 fails
        .addNamed("B", null, "2024-01-01 00:00", null, null, "ORANGFL", "Orange County Jail ", null, null) // 2 fails
        .addNamed("C", null, "2024-01-01 00:00", null, null, "ADLNTCA", "ADELANTO ICE PROCESSING CENTER", null, null) // 3
        .addNamed("D", null, "2024-01-01 00:00", null, null, " adlntca", "ADELANTO ICE PROCESSING CENTER", null, null) // 4 near miss
        .addNamed("E", null, "2024-01-01 00:00", null, null, null, "ORANGE COUNTY JAIL", null, null); // 5 no code
    RuleOutcome o = run(spark, p, RuleKind.FACILITY_NAME_SEVERAL_CODES, List.of(1L, 2L));
    assertThat(o.recordsChecked()).isEqualTo(4);
    lacking(spark, RuleKind.FACILITY_NAME_SEVERAL_CODES, CanonicalField.FACILITY_NAME);
  }

  @Test
  void selfTransfer(SparkSession spark) {
    Placements p = new Placements()
        // person A: a transfer to the same facility (case and spaces differ), then a real transfer
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-05 00:00", "2024-02-01 00:00", "ADLNTCA", "Transferred", "Removed") // 1 fails
        .add("A", "2024-01-01 00:00", "2024-01-05 00:00", "2024-01-09 00:00", "2024-02-01 00:00", " adlntca", " transferred ", "Removed") // 2 near miss: next is elsewhere
        .add("A", "2024-01-01 00:00", "2024-01-09 00:00", "2024-02-01 00:00", "2024-02-01 00:00", "CSCNWWA", "Removed", "Removed") // 3 not a transfer
        // person B: the same facility follows, but in another stay (not the same stay)
        .add("B", "2024-03-01 00:00", "2024-03-01 00:00", "2024-03-02 00:00", "2024-03-02 00:00", "ADLNTCA", "Transferred", "Transferred") // 4
        .add("B", "2024-04-01 00:00", "2024-04-01 00:00", null, null, "ADLNTCA", null, null) // 5 not checked: no reason
        // person C: rows written out of order; the next of the stay in the ordering is the same facility
        .add("C", "2024-05-01 00:00", "2024-05-03 00:00", null, null, "KRO", null, null) // 6
        .add("C", "2024-05-01 00:00", "2024-05-01 00:00", "2024-05-03 00:00", null, "KRO", "Transferred", null) // 7 fails
        // nulls: a transfer without code, and one with the next placement's code null
        .add("D", "2024-06-01 00:00", "2024-06-01 00:00", "2024-06-02 00:00", null, null, "Transferred", null) // 8 not checked
        .add("E", "2024-06-01 00:00", "2024-06-01 00:00", "2024-06-02 00:00", null, "ADLNTCA", "Transferred", null) // 9 passes
        .add("E", "2024-06-01 00:00", "2024-06-02 00:00", null, null, null, null, null) // 10
        .add(null, "2024-06-01 00:00", "2024-06-01 00:00", "2024-06-02 00:00", null, "ADLNTCA", "Transferred", null); // 11 no person
    RuleOutcome o = run(spark, p, RuleKind.PLACEMENT_SELF_TRANSFER, List.of(1L, 7L));
    assertThat(o.recordsChecked()).isEqualTo(5); // rows 1, 2, 4, 7, 9
    lacking(spark, RuleKind.PLACEMENT_SELF_TRANSFER, CanonicalField.PERSON_ID);
    lacking(spark, RuleKind.PLACEMENT_SELF_TRANSFER, CanonicalField.FACILITY_CODE);
  }

  @Test
  void selfTransferDetailNamesTheFacilityAndTheNextBookIn(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2024-01-01 00:00", "2024-01-01 00:00", "2024-01-05 00:00", null, "ADLNTCA", "Transferred", null)
        .add("A", "2024-01-01 00:00", "2024-01-05 00:00", null, null, "ADLNTCA", null, null);
    RuleEvaluation evaluation = evaluate(spark, p, RuleKind.PLACEMENT_SELF_TRANSFER, ALL_FIELDS, CONTEXT);
    Row finding = evaluation.findings().first();
    assertThat(finding.getString(finding.fieldIndex("detail")))
        .isEqualTo("transferred from ADLNTCA to the same facility (next placement of the stay booked in 2024-01-05 00:00:00)");
  }

  @Test
  void implausiblyEarlyStay(SparkSession spark) {
    // window 2011-10-01, 10 years: a stay beginning before 2001-10-01 fails
    Placements p = new Placements()
        .add("A", "1995-03-01 00:00", "2012-01-01 00:00", null, null, "F", null, null) // 1 fails (stay book-in)
        .add("A", "2001-10-01 00:00", "2012-01-01 00:00", null, null, "F", null, null) // 2 near miss: exactly 10 years
        .add("A", "2001-09-30 23:59", "2012-01-01 00:00", null, null, "F", null, null) // 3 fails by a minute
        .add("A", null, "1999-01-01 00:00", null, null, "F", null, null) // 4 no stay book-in: book_in fails
        .add("A", null, null, null, null, "F", null, null); // 5 neither: not checked
    RuleOutcome o = run(spark, p, RuleKind.STAY_IMPLAUSIBLY_EARLY, List.of(1L, 3L, 4L));
    assertThat(o.recordsChecked()).isEqualTo(4);
    lacking(spark, RuleKind.STAY_IMPLAUSIBLY_EARLY, CanonicalField.BOOK_IN);
  }

  @Test
  void implausiblyEarlyNeedsAReleaseWindow(SparkSession spark) {
    Placements p = new Placements().add("A", "1995-03-01 00:00", "2012-01-01 00:00", null, null, "F", null, null);
    RuleContext noWindow = new RuleContext(Optional.of(EXTRACT), FacilityReference.bundled(), Optional.empty());
    RuleOutcome o = evaluate(spark, p, RuleKind.STAY_IMPLAUSIBLY_EARLY, ALL_FIELDS, noWindow).outcomes().get(0);
    assertThat(o.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
    assertThat(o.missingFields()).isEqualTo("covers_from");
    Rule stricter = catalog.rule(RuleKind.STAY_IMPLAUSIBLY_EARLY);
    assertThat(stricter.intParameter("years_before_window")).isEqualTo(10);
  }

  @Test
  void afterExtract(SparkSession spark) {
    Placements p = new Placements()
        .add("A", "2025-06-01 00:00", "2025-06-01 00:00", "2025-06-26 00:01", null, "F", null, null) // 1 book_out a minute late
        .add("A", "2025-06-01 00:00", "2025-06-26 00:00", null, null, "F", null, null) // 2 near miss: at the extract
        .add("A", "2025-06-01 00:00", "2025-06-01 00:00", "2025-06-02 00:00", "2052-06-02 00:00", "F", null, null) // 3 stay_book_out
        .add("A", "2026-01-01 00:00", null, null, null, "F", null, null) // 4 stay_book_in only
        .add("A", null, null, null, null, "F", null, null); // 5 no dates: not checked
    RuleOutcome o = run(spark, p, RuleKind.PLACEMENT_AFTER_EXTRACT, List.of(1L, 3L, 4L));
    assertThat(o.recordsChecked()).isEqualTo(4);
    RuleEvaluation evaluation = evaluate(spark, p, RuleKind.PLACEMENT_AFTER_EXTRACT, ALL_FIELDS, CONTEXT);
    Row first = evaluation.findings().orderBy("source_row").first();
    assertThat(first.getString(first.fieldIndex("detail")))
        .isEqualTo("book_out 2025-06-26 00:01:00 after the extract date 2025-06-26 00:00:00");
    RuleContext noExtract = new RuleContext(Optional.empty(), FacilityReference.bundled(), Optional.empty());
    run(spark, p, RuleKind.PLACEMENT_AFTER_EXTRACT, List.of(), noExtract);
    lacking(spark, RuleKind.PLACEMENT_AFTER_EXTRACT, CanonicalField.BOOK_IN);
  }
}

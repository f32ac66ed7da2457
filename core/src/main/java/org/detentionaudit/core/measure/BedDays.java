package org.detentionaudit.core.measure;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.rules.CanonicalField;
import org.detentionaudit.core.sort.RecordTally;
import org.detentionaudit.rules.Measure;

/**
 * Detention bed-days and their estimated cost, per facility and fiscal year ({@code
 * facilities.parquet}, {@code summary.json} {@code cost}).
 *
 * <p>Exact meaning: a record's bed-days are the midnights between its book-in and its end: the
 * number of calendar days from the book-in date to the end date (a placement from 10:00 on
 * 1 January to 09:30 on 2 January is one bed-day; one that begins and ends on the same day is
 * none). The end is the book-out, or, for an open placement (book-in without book-out), the extract
 * date. Records without a book-in, ending before their book-in, open without an extract date, or
 * with an implausible book-in or book-out ({@link PlausibleTimestamps}: such a date would make
 * millions of bed-days of one record) have no bed-days ({@code records_length_unknown}). The night beginning on day {@code d} counts in
 * the fiscal year of {@code d}, so a placement across 30 September is split between two fiscal
 * years.
 *
 * <p>Cost: bed-days x the per-diem rate of the facility reference, where the reference lists the
 * code with a rate. Bed-days elsewhere are cost-unknown, by reason ({@link CostStatus}). Tiered or
 * negotiated rates make any such estimate rough; the report says so.
 *
 * <p>Only from columns the layout has: without a book-in or book-out column ({@link
 * Measure#BED_DAYS}) there are no bed-days and no cost (null, {@code cost_status}
 * {@code not_applicable}, the missing columns named), never bed-days up to the extract date as if
 * every record were still open.
 *
 * <p>Facilities are keyed by {@code facility_code} (trimmed, upper case) when the layout has codes,
 * else by {@code facility_name}; a name is looked up in the reference by the caller's {@code
 * reference} function (a name matching one code has that code's rate; one matching several is
 * {@link CostStatus#AMBIGUOUS_NAME}; one matching none {@link CostStatus#NOT_IN_REFERENCE}). Two aggregations over the placements and one over the findings;
 * the per-facility rows (hundreds to a few thousand) are assembled on the driver.
 */
public final class BedDays {
  /** The schema of {@code facilities.parquet}. */
  public static final StructType SCHEMA =
      new StructType()
          .add("facility_code", DataTypes.StringType, true)
          .add("keyed_by", DataTypes.StringType, false)
          .add("names_seen", DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add("in_reference", DataTypes.BooleanType, false)
          .add("records", DataTypes.LongType, false)
          .add("records_failed", DataTypes.LongType, false)
          .add("bed_days", DataTypes.LongType, true)
          .add("per_diem_rate", DataTypes.DoubleType, true)
          .add("per_diem_text", DataTypes.StringType, true)
          .add("cost_status", DataTypes.StringType, false)
          .add("estimated_cost", DataTypes.DoubleType, true)
          .add(
              "by_fiscal_year",
              DataTypes.createArrayType(
                  new StructType()
                      .add("fiscal_year", DataTypes.IntegerType, false)
                      .add("bed_days", DataTypes.LongType, true)
                      .add("estimated_cost", DataTypes.DoubleType, true),
                  false),
              false)
          .add("missing_fields", DataTypes.StringType, false);

  private final List<FacilityUse> facilities;
  private final CostSummary summary;
  private final long ambiguousNames;

  private BedDays(List<FacilityUse> facilities, CostSummary summary, long ambiguousNames) {
    this.facilities = List.copyOf(facilities);
    this.summary = summary;
    this.ambiguousNames = ambiguousNames;
  }

  /** One row per facility, most bed-days first (then by code). */
  public List<FacilityUse> facilities() {
    return facilities;
  }

  public CostSummary summary() {
    return summary;
  }

  /** Facilities seen, not in the reference, and records without one. */
  public FacilitySummary facilitySummary() {
    long seen = facilities.stream().filter(f -> f.facilityCode() != null).count();
    long unknown =
        facilities.stream().filter(f -> f.facilityCode() != null && !f.inReference()).count();
    long without =
        facilities.stream().filter(f -> f.facilityCode() == null).mapToLong(FacilityUse::records).sum();
    long ambiguous = ambiguousNames;
    String keyedBy = facilities.isEmpty() ? "facility_code" : facilities.get(0).keyedBy();
    return new FacilitySummary(keyedBy, seen, unknown, without, ambiguous);
  }

  /** The {@code facilities.parquet} table. */
  public Dataset<Row> table(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (FacilityUse f : facilities) {
      List<Row> years = new ArrayList<>();
      for (FacilityUse.YearUse y : f.byFiscalYear()) {
        years.add(RowFactory.create(y.fiscalYear(), y.bedDays(), y.estimatedCost()));
      }
      rows.add(
          RowFactory.create(
              f.facilityCode(),
              f.keyedBy(),
              f.namesSeen().toArray(new String[0]),
              f.inReference(),
              f.records(),
              f.recordsFailed(),
              f.bedDays(),
              f.perDiemRate(),
              f.perDiemText(),
              f.costStatus(),
              f.estimatedCost(),
              years.toArray(new Row[0]),
              f.missingFields()));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * What bed-days need of each record, as columns over the placements, for the sort pass to count
   * ({@link org.detentionaudit.core.sort.RecordTally}): the facility key, the trimmed name, whether
   * the record's bed-days can be measured, and its first and end day (days since 1970-01-01).
   */
  public record Spans(Column facilityKey, Column name, Column measurable, Column startDay, Column endDay) {}

  /**
   * The {@link Spans} of the placements.
   *
   * @param available the canonical fields the layout has: facilities are keyed by code when it has
   *     codes (or no names either), else by name
   * @param extractDate the end of open placements; empty to leave them out
   * @param plausible the plausible range of timestamps: a record with an implausible book-in or
   *     book-out has no bed-days
   */
  public static Spans spans(
      Set<CanonicalField> available, Optional<LocalDateTime> extractDate, PlausibleTimestamps plausible) {
    boolean byCode =
        available.contains(CanonicalField.FACILITY_CODE) || !available.contains(CanonicalField.FACILITY_NAME);
    Column end =
        extractDate.isPresent()
            ? coalesce(col("book_out"), when(col("book_in").isNotNull(), lit(extractDate.get())))
            : col("book_out");
    Column measurable =
        col("book_in")
            .isNotNull()
            .and(end.isNotNull())
            .and(end.geq(col("book_in")))
            .and(functions.not(plausible.anyImplausible(col("book_in"), col("book_out"))));
    return new Spans(
        facilityKey(byCode),
        trim(col("facility_name")),
        measurable,
        when(measurable, functions.unix_date(to_date(col("book_in")))),
        when(measurable, functions.unix_date(to_date(end))));
  }

  /**
   * Bed-days and cost from the sort pass's per-facility tally.
   *
   * @param tally per facility key (null: no facility) its records, failing records, names and
   *     bed-days per fiscal year
   * @param available the canonical fields the layout has: bed-days need book-in and book-out
   * @param extractDate the end of open placements (reported with the cost)
   * @param reference per facility key the reference's rate, where the reference lists it: the code
   *     (trimmed, upper case), or, keyed by name, the trimmed name (a name matching several codes
   *     gives {@link FacilityRate#ambiguousName()})
   */
  public static BedDays of(
      Map<String, RecordTally.Facility> tally,
      Set<CanonicalField> available,
      Optional<LocalDateTime> extractDate,
      Function<String, Optional<FacilityRate>> reference) {
    boolean byCode =
        available.contains(CanonicalField.FACILITY_CODE) || !available.contains(CanonicalField.FACILITY_NAME);
    List<String> missing = Measure.BED_DAYS.missingFields(available);
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, List<String>> names = new HashMap<>();
    Map<String, Long> failed = new HashMap<>();
    Map<String, TreeMap<Integer, Long>> bedDays = new HashMap<>();
    tally.forEach(
        (key, facility) -> {
          counts.put(key, new long[] {facility.records(), facility.lengthUnknown()});
          names.put(key, facility.names());
          failed.put(key, facility.failed());
          bedDays.put(key, new TreeMap<>(facility.bedDays()));
        });
    if (!missing.isEmpty()) {
      return notApplicable(counts, names, failed, byCode, missing, reference);
    }
    return assemble(
        counts, names, bedDays, failed, byCode, Measure.ESTIMATED_COST.applicableTo(available), extractDate,
        reference);
  }

  /**
   * Records per facility only: the layout lacks {@code missing} for bed-days, so no facility has
   * bed-days or cost.
   */
  private static BedDays notApplicable(
      Map<String, long[]> counts,
      Map<String, List<String>> names,
      Map<String, Long> failed,
      boolean byCode,
      List<String> missing,
      Function<String, Optional<FacilityRate>> reference) {
    List<FacilityUse> facilities = new ArrayList<>();
    long ambiguous = 0;
    for (Map.Entry<String, long[]> entry : counts.entrySet()) {
      String facility = entry.getKey();
      // The reference's rate is a fact about the facility, shown as in a computed run; only the
      // bed-days, and so the cost, are unknown.
      Optional<FacilityRate> rate = facility == null ? Optional.empty() : reference.apply(facility);
      ambiguous += rate.filter(FacilityRate::ambiguous).isPresent() ? 1 : 0;
      facilities.add(
          new FacilityUse(
              facility,
              byCode ? "facility_code" : "facility_name",
              names.getOrDefault(facility, List.of()),
              rate.isPresent(),
              entry.getValue()[0],
              failed.getOrDefault(facility, 0L),
              null,
              rate.map(FacilityRate::perDiem).orElse(null),
              rate.map(FacilityRate::perDiemText).orElse(null),
              CostStatus.NOT_APPLICABLE.label(),
              null,
              List.of(),
              String.join(", ", missing)));
    }
    facilities.sort(
        java.util.Comparator.comparingLong(FacilityUse::records)
            .reversed()
            .thenComparing(FacilityUse::facilityCode, java.util.Comparator.nullsLast(String::compareTo)));
    return new BedDays(facilities, CostSummary.notApplicable(missing), ambiguous);
  }

  /**
   * A facility's key in a table with {@code facility_code} and {@code facility_name} (placements
   * or findings): the upper-cased trimmed code, or the trimmed name when the layout has no codes.
   */
  private static Column facilityKey(boolean byCode) {
    return byCode ? upper(trim(col("facility_code"))) : trim(col("facility_name"));
  }

  private static BedDays assemble(
      Map<String, long[]> counts,
      Map<String, List<String>> names,
      Map<String, TreeMap<Integer, Long>> bedDays,
      Map<String, Long> failed,
      boolean byCode,
      boolean costApplicable,
      Optional<LocalDateTime> extractDate,
      Function<String, Optional<FacilityRate>> reference) {
    List<FacilityUse> facilities = new ArrayList<>();
    Map<CostStatus, Long> unknownByReason = new EnumMap<>(CostStatus.class);
    TreeMap<Integer, long[]> yearDays = new TreeMap<>();
    TreeMap<Integer, Double> yearCost = new TreeMap<>();
    long total = 0;
    long known = 0;
    double cost = 0;
    long lengthUnknown = 0;
    long ambiguous = 0;
    for (Map.Entry<String, long[]> entry : counts.entrySet()) {
      String facility = entry.getKey();
      Optional<FacilityRate> rate =
          facility != null ? reference.apply(facility) : Optional.empty();
      CostStatus status = status(facility, rate);
      ambiguous += status == CostStatus.AMBIGUOUS_NAME ? 1 : 0;
      Double perDiem = status == CostStatus.KNOWN ? rate.get().perDiem() : null;
      List<FacilityUse.YearUse> years = new ArrayList<>();
      long facilityDays = 0;
      for (Map.Entry<Integer, Long> year :
          bedDays.getOrDefault(facility, new TreeMap<>()).entrySet()) {
        long days = year.getValue();
        Double yearEstimate = perDiem == null ? null : days * perDiem;
        years.add(new FacilityUse.YearUse(year.getKey(), days, yearEstimate));
        facilityDays += days;
        long[] y = yearDays.computeIfAbsent(year.getKey(), k -> new long[2]);
        y[0] += days;
        if (perDiem == null) {
          y[1] += days;
        } else {
          yearCost.merge(year.getKey(), yearEstimate, Double::sum);
        }
      }
      total += facilityDays;
      lengthUnknown += entry.getValue()[1];
      Double estimate = perDiem == null ? null : facilityDays * perDiem;
      if (perDiem == null) {
        unknownByReason.merge(status, facilityDays, Long::sum);
      } else {
        known += facilityDays;
        cost += estimate;
      }
      facilities.add(
          new FacilityUse(
              facility,
              byCode ? "facility_code" : "facility_name",
              names.getOrDefault(facility, List.of()),
              rate.isPresent(),
              entry.getValue()[0],
              failed.getOrDefault(facility, 0L),
              facilityDays,
              perDiem,
              rate.map(FacilityRate::perDiemText).orElse(null),
              status.label(),
              estimate,
              years,
              ""));
    }
    facilities.sort(
        java.util.Comparator.comparingLong(FacilityUse::bedDays)
            .reversed()
            .thenComparing(FacilityUse::facilityCode, java.util.Comparator.nullsLast(String::compareTo)));
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (CostStatus status : CostStatus.values()) {
      if (status != CostStatus.KNOWN && status != CostStatus.NOT_APPLICABLE) {
        byReason.put(status.label(), unknownByReason.getOrDefault(status, 0L));
      }
    }
    List<CostSummary.Year> years = new ArrayList<>();
    for (Map.Entry<Integer, long[]> year : yearDays.entrySet()) {
      years.add(
          new CostSummary.Year(
              year.getKey(),
              year.getValue()[0],
              year.getValue()[1],
              yearCost.getOrDefault(year.getKey(), 0.0)));
    }
    return new BedDays(
        facilities,
        new CostSummary(
            MeasureStatus.COMPUTED,
            List.of(),
            total,
            known,
            total - known,
            total == 0 ? 0 : (double) (total - known) / total,
            byReason,
            costApplicable ? cost : null,
            lengthUnknown,
            extractDate.map(Object::toString).orElse(null),
            years),
        ambiguous);
  }

  private static CostStatus status(String facility, Optional<FacilityRate> rate) {
    if (facility == null) {
      return CostStatus.NO_FACILITY_CODE;
    }
    if (rate.isEmpty()) {
      return CostStatus.NOT_IN_REFERENCE;
    }
    if (rate.get().ambiguous()) {
      return CostStatus.AMBIGUOUS_NAME;
    }
    if (rate.get().perDiem() != null) {
      return CostStatus.KNOWN;
    }
    return rate.get().redacted() ? CostStatus.RATE_REDACTED : CostStatus.NO_RATE;
  }
}

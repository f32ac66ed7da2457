package org.detentionaudit.core.reconcile;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.detentionaudit.core.measure.FiscalYear;
import org.detentionaudit.core.check.PlausibleTimestamps;
import org.detentionaudit.core.measure.BedDays;
import org.detentionaudit.core.measure.CostSummary;
import org.detentionaudit.core.measure.DatasetFacts;
import org.detentionaudit.core.measure.FacilityUse;
import org.detentionaudit.rules.CanonicalField;

/**
 * Computes, for each published figure, the figure the records give (definitions: {@link PublishedMeasure}
 * and README, "Reconciliation"), and the difference.
 *
 * <p>Work: book-ins come from one aggregation of the placements by fiscal year (and by sheet, for
 * the Summary sheet; by facility, for facility-level figures); bed-days and the average daily
 * population from the bed-days already measured ({@link BedDays}); average lengths of stay from
 * one aggregation of the stays (or placements, per facility), only when such a figure is
 * published. All results are a few rows per fiscal year and facility, collected on the driver.
 */
public final class Reconciler {
  static final String WORKBOOK_SUMMARY = "workbook summary";
  static final String PUBLISHED_FILE = "published file";
  static final String PUBLISHED_TABLE = "published";

  private final Dataset<Row> placements;
  private final Set<CanonicalField> available;
  private final BedDays bedDays;
  private final Optional<LocalDateTime> extractDate;
  private final Optional<LocalDate> coversFrom;
  private final PlausibleTimestamps plausible;

  /**
   * As {@link #Reconciler(Dataset, Set, BedDays, Optional, PlausibleTimestamps, Optional)} without a
   * known start of the records (no published year is ruled out as before them) and with today as
   * the run date.
   */
  public Reconciler(
      Dataset<Row> placements,
      Set<CanonicalField> available,
      BedDays bedDays,
      Optional<LocalDateTime> extractDate) {
    this(
        placements,
        available,
        bedDays,
        extractDate,
        PlausibleTimestamps.until(LocalDate.now()),
        Optional.empty());
  }

  /**
   * @param placements the canonical placement table
   * @param available the fields every input has ({@code LoadedDataset.availableFields()})
   * @param bedDays the bed-days measured for the run
   * @param extractDate the run's extract date (ends the last, partial fiscal year), or empty
   * @param plausible the plausible range of timestamps: an implausible one gives no fiscal year and
   *     no length
   * @param coversFrom the first day the records cover (the release window's start, else the first
   *     book-in): a published figure for a fiscal year that ends before it, or begins on or after
   *     the extract date, is outside the records and not computed (status {@code NO_RECORDS}),
   *     never a zero the records cannot show
   */
  public Reconciler(
      Dataset<Row> placements,
      Set<CanonicalField> available,
      BedDays bedDays,
      Optional<LocalDateTime> extractDate,
      PlausibleTimestamps plausible,
      Optional<LocalDate> coversFrom) {
    this.plausible = Objects.requireNonNull(plausible, "plausible");
    this.placements = Objects.requireNonNull(placements, "placements");
    this.available = Set.copyOf(available);
    this.bedDays = Objects.requireNonNull(bedDays, "bedDays");
    this.extractDate = Objects.requireNonNull(extractDate, "extractDate");
    this.coversFrom = Objects.requireNonNull(coversFrom, "coversFrom");
  }

  /** Sets the records beside every workbook's Summary blocks and the published figures. */
  public Reconciliation reconcile(List<WorkbookTotals> workbooks, Optional<PublishedTotals> published) {
    if (workbooks.isEmpty() && published.isEmpty()) {
      return Reconciliation.none();
    }
    List<ReconciliationRow> rows = new ArrayList<>();
    List<ReconciliationSummary.Source> sources = new ArrayList<>();
    for (WorkbookTotals workbook : workbooks) {
      workbookRows(workbook, rows, sources);
    }
    published.ifPresent(p -> publishedRows(p, rows, sources));
    long compared = rows.stream().filter(r -> r.status().equals(ReconciliationRow.COMPARED)).count();
    long differing = rows.stream().filter(ReconciliationRow::differs).count();
    long notApplicable =
        rows.stream().filter(r -> r.status().equals(ReconciliationRow.NOT_APPLICABLE)).count();
    return new Reconciliation(
        rows, new ReconciliationSummary(sources, rows.size(), compared, differing, notApplicable));
  }

  // ---- Summary sheets ----------------------------------------------------------------------

  private void workbookRows(
      WorkbookTotals workbook, List<ReconciliationRow> rows, List<ReconciliationSummary.Source> sources) {
    String name = workbook.sheet().workbook();
    // Audited sheets that share a block (a table split across sheets) are compared together.
    Map<SummaryBlock, List<String>> sheetsByBlock = new LinkedHashMap<>();
    Map<SummaryBlock, BlockMatch> matchOfBlock = new LinkedHashMap<>();
    for (Map.Entry<String, BlockMatch> entry : workbook.matches().entrySet()) {
      BlockMatch match = entry.getValue();
      if (match.block().isEmpty()) {
        sources.add(
            new ReconciliationSummary.Source(
                sourceOf(name, List.of(entry.getKey())),
                WORKBOOK_SUMMARY,
                null,
                null,
                false,
                "no block of sheet '" + workbook.sheet().sheetName() + "' matches: " + match.reason(),
                null,
                null,
                0,
                0,
                0));
        continue;
      }
      sheetsByBlock.computeIfAbsent(match.block().get(), k -> new ArrayList<>()).add(entry.getKey());
      matchOfBlock.putIfAbsent(match.block().get(), match);
    }
    if (matchOfBlock.isEmpty()) {
      return;
    }
    Map<String, Map<Integer, Long>> counts =
        available.contains(CanonicalField.BOOK_IN) ? bookInsBySheet(name, sheetsByBlock) : Map.of();
    for (Map.Entry<SummaryBlock, BlockMatch> entry : matchOfBlock.entrySet()) {
      SummaryBlock block = entry.getKey();
      BlockMatch match = entry.getValue();
      List<String> sheets = sheetsByBlock.get(block);
      String source = sourceOf(name, sheets);
      String table = block.title().isEmpty() ? "(untitled block)" : block.title();
      String column = match.columnName();
      List<ReconciliationRow> blockRows = new ArrayList<>();
      List<CanonicalField> missing = PublishedMeasure.BOOK_INS.missing(available, null);
      Map<Integer, Long> computed = new HashMap<>();
      for (String sheet : sheets) {
        counts.getOrDefault(sheetSource(name, sheet), Map.of()).forEach((fy, n) -> computed.merge(fy, n, Long::sum));
      }
      Set<Integer> published = new TreeSet<>();
      for (SummaryBlock.Year year : block.years()) {
        published.add(year.fiscalYear());
        Double value = year.values().get(match.column());
        List<String> notes = new ArrayList<>();
        if (!column.equalsIgnoreCase("total")) {
          notes.add("compared with column '" + column + "'");
        }
        if (year.partial()) {
          notes.add(
              year.label()
                  + ": part of the fiscal year"
                  + block.window().map(w -> ", to the end of the release window " + w.to()).orElse(""));
        }
        if (!missing.isEmpty()) {
          blockRows.add(
              ReconciliationRow.of(source, table, PublishedMeasure.BOOK_INS, year.fiscalYear(), null, value, null,
                  ReconciliationRow.NOT_APPLICABLE, missingReason(missing)));
          continue;
        }
        Double mine = (double) computed.getOrDefault(year.fiscalYear(), 0L);
        if (value == null) {
          notes.add("the block's cell is blank or not a number");
        }
        blockRows.add(
            ReconciliationRow.of(source, table, PublishedMeasure.BOOK_INS, year.fiscalYear(), null, value, mine,
                value == null ? ReconciliationRow.NOT_PUBLISHED : ReconciliationRow.COMPARED,
                notes.isEmpty() ? null : String.join("; ", notes)));
      }
      for (Map.Entry<Integer, Long> year : new java.util.TreeMap<>(nonNullKeys(computed)).entrySet()) {
        if (!published.contains(year.getKey())) {
          blockRows.add(
              ReconciliationRow.of(source, table, PublishedMeasure.BOOK_INS, year.getKey(), null, null,
                  (double) year.getValue(), ReconciliationRow.NOT_PUBLISHED,
                  "the block has no row for this fiscal year"));
        }
      }
      Long withoutBookIn = computed.get(null);
      if (withoutBookIn != null && withoutBookIn > 0) {
        blockRows.add(
            ReconciliationRow.of(source, table, PublishedMeasure.BOOK_INS, null, null, null, (double) withoutBookIn,
                ReconciliationRow.NOT_PUBLISHED,
                "records without a book-in: they fall in no fiscal year, so no published row can hold them"));
      }
      rows.addAll(blockRows);
      sources.add(
          new ReconciliationSummary.Source(
              source,
              WORKBOOK_SUMMARY,
              table,
              column,
              true,
              match.reason(),
              block.window().map(w -> w.from().toString()).orElse(null),
              block.window().map(w -> w.to().toString()).orElse(null),
              blockRows.size(),
              blockRows.stream().filter(r -> r.status().equals(ReconciliationRow.COMPARED)).count(),
              blockRows.stream().filter(ReconciliationRow::differs).count()));
    }
  }

  private static Map<Integer, Long> nonNullKeys(Map<Integer, Long> map) {
    Map<Integer, Long> out = new HashMap<>(map);
    out.remove(null);
    return out;
  }

  /** Records per audited sheet and fiscal year of book-in (null key: no book-in). */
  private Map<String, Map<Integer, Long>> bookInsBySheet(
      String workbook, Map<SummaryBlock, List<String>> sheetsByBlock) {
    List<String> wanted =
        sheetsByBlock.values().stream().flatMap(List::stream).map(s -> sheetSource(workbook, s)).toList();
    Map<String, Map<Integer, Long>> counts = new HashMap<>();
    for (Row row :
        placements
            .where(col("source_file").isin(wanted.toArray()))
            .groupBy(col("source_file"), FiscalYear.of(plausible.plausible(col("book_in"))).as("fy"))
            .agg(count(lit(1)))
            .collectAsList()) {
      counts
          .computeIfAbsent(row.getString(0), k -> new HashMap<>())
          .put(row.isNullAt(1) ? null : row.getInt(1), row.getLong(2));
    }
    return counts;
  }

  private static String sheetSource(String workbook, String sheet) {
    return workbook + "#" + sheet;
  }

  private static String sourceOf(String workbook, List<String> sheets) {
    return sheets.stream().map(s -> sheetSource(workbook, s)).collect(Collectors.joining(" + "));
  }

  // ---- --published ------------------------------------------------------------------------

  private void publishedRows(
      PublishedTotals published, List<ReconciliationRow> rows, List<ReconciliationSummary.Source> sources) {
    List<PublishedFigure> applicable = new ArrayList<>();
    for (PublishedFigure figure : published.figures()) {
      if (missing(figure).isEmpty()) {
        applicable.add(figure);
      }
    }
    Figures figures = new Figures(applicable);
    List<ReconciliationRow> fileRows = new ArrayList<>();
    for (PublishedFigure figure : published.figures()) {
      List<CanonicalField> missing = missing(figure);
      if (!missing.isEmpty()) {
        fileRows.add(
            ReconciliationRow.of(published.file(), PUBLISHED_TABLE, figure.measure(), figure.fiscalYear(),
                figure.facility(), figure.value(), null, ReconciliationRow.NOT_APPLICABLE, missingReason(missing)));
        continue;
      }
      Computed computed = figures.of(figure);
      fileRows.add(
          ReconciliationRow.of(published.file(), PUBLISHED_TABLE, figure.measure(), figure.fiscalYear(),
              figure.facility(), figure.value(), computed.value(),
              computed.value() == null ? ReconciliationRow.NO_RECORDS : ReconciliationRow.COMPARED,
              computed.note()));
    }
    rows.addAll(fileRows);
    sources.add(
        new ReconciliationSummary.Source(
            published.file(),
            PUBLISHED_FILE,
            PUBLISHED_TABLE,
            null,
            true,
            "given with --published",
            null,
            null,
            fileRows.size(),
            fileRows.stream().filter(r -> r.status().equals(ReconciliationRow.COMPARED)).count(),
            fileRows.stream().filter(ReconciliationRow::differs).count()));
  }

  private List<CanonicalField> missing(PublishedFigure figure) {
    CanonicalField facilityField =
        figure.facilityCode() != null
            ? CanonicalField.FACILITY_CODE
            : figure.facilityName() != null ? CanonicalField.FACILITY_NAME : null;
    return figure.measure().missing(available, facilityField);
  }

  private static String missingReason(List<CanonicalField> missing) {
    return "the layout lacks "
        + missing.stream().map(CanonicalField::columnName).collect(Collectors.joining(", "));
  }

  /** A computed figure, or null with the reason. */
  private record Computed(Double value, String note) {}

  /** Count and sum of lengths (days), for a mean. */
  private record Lengths(long count, double sum) {}

  /** The computed side of the published figures, with the aggregations they need run once. */
  private final class Figures {
    private final Map<String, Long> bookIns = new HashMap<>();
    private final Map<String, Lengths> lengths = new HashMap<>();

    Figures(List<PublishedFigure> figures) {
      boolean byCode = figures.stream().anyMatch(f -> f.facilityCode() != null);
      boolean byName = figures.stream().anyMatch(f -> f.facilityName() != null);
      if (figures.stream().anyMatch(f -> f.measure() == PublishedMeasure.BOOK_INS)) {
        countBookIns(byCode, byName);
      }
      if (figures.stream().anyMatch(f -> f.measure() == PublishedMeasure.AVERAGE_LENGTH_OF_STAY && f.facility() == null)) {
        measureStays();
      }
      if (figures.stream().anyMatch(f -> f.measure() == PublishedMeasure.AVERAGE_LENGTH_OF_STAY && f.facility() != null)) {
        measurePlacements(byCode, byName);
      }
    }

    Computed of(PublishedFigure f) {
      LocalDate yearStart = LocalDate.of(f.fiscalYear() - 1, 10, 1);
      LocalDate yearEnd = LocalDate.of(f.fiscalYear(), 9, 30);
      if (coversFrom.isPresent() && yearEnd.isBefore(coversFrom.get())) {
        return new Computed(
            null, "outside the records: they begin on " + coversFrom.get() + ", after this fiscal year");
      }
      if (extractDate.isPresent() && !extractDate.get().toLocalDate().isAfter(yearStart)) {
        return new Computed(
            null, "outside the records: the fiscal year begins on or after the extract date "
                + extractDate.get().toLocalDate());
      }
      return switch (f.measure()) {
        case BOOK_INS -> new Computed((double) bookIns.getOrDefault(key(f), 0L), null);
        case BED_DAYS -> new Computed((double) bedDaysIn(f), null);
        case AVERAGE_DAILY_POPULATION -> averageDailyPopulation(f);
        case AVERAGE_LENGTH_OF_STAY -> {
          Lengths l = lengths.get(key(f));
          yield l == null || l.count() == 0
              ? new Computed(null, f.facility() == null
                  ? "no stay of the records ends in this fiscal year"
                  : "no placement at this facility ends in this fiscal year")
              : new Computed(l.sum() / l.count(), "mean of " + l.count()
                  + (f.facility() == null ? " stays" : " placements") + " ending in the fiscal year");
        }
      };
    }

    private Computed averageDailyPopulation(PublishedFigure f) {
      LocalDate start = LocalDate.of(f.fiscalYear() - 1, 10, 1);
      LocalDate end = LocalDate.of(f.fiscalYear(), 10, 1); // exclusive
      String note = null;
      if (extractDate.isPresent()) {
        LocalDate extract = extractDate.get().toLocalDate();
        if (extract.isBefore(end)) {
          end = extract;
          note = "part of the fiscal year: nights up to the extract date " + extract;
        }
      }
      long nights = ChronoUnit.DAYS.between(start, end);
      return new Computed((double) bedDaysIn(f) / nights, note == null ? nights + " nights" : note + " (" + nights + " nights)");
    }

    private long bedDaysIn(PublishedFigure f) {
      if (f.facility() == null) {
        return bedDays.summary().byFiscalYear().stream()
            .filter(y -> y.fiscalYear() == f.fiscalYear())
            .mapToLong(CostSummary.Year::bedDays)
            .sum();
      }
      long total = 0;
      for (FacilityUse use : bedDays.facilities()) {
        boolean matches;
        if (f.facilityCode() != null) {
          matches = "facility_code".equals(use.keyedBy()) && f.facilityCode().equalsIgnoreCase(use.facilityCode());
        } else if ("facility_name".equals(use.keyedBy())) {
          matches = f.facilityName().equalsIgnoreCase(use.facilityCode());
        } else {
          matches = use.namesSeen().stream().anyMatch(n -> n.equalsIgnoreCase(f.facilityName()));
        }
        if (matches) {
          total +=
              use.byFiscalYear().stream()
                  .filter(y -> y.fiscalYear() == f.fiscalYear())
                  .mapToLong(FacilityUse.YearUse::bedDays)
                  .sum();
        }
      }
      return total;
    }

    private void countBookIns(boolean byCode, boolean byName) {
      Dataset<Row> keyed =
          placements.select(
              FiscalYear.of(plausible.plausible(col("book_in"))).as("fy"),
              upper(trim(col("facility_code"))).as("code"),
              upper(trim(col("facility_name"))).as("name"));
      List<Column> groups = new ArrayList<>(List.of(col("fy")));
      groups.add(byCode ? col("code") : lit(null).cast("string"));
      groups.add(byName ? col("name") : lit(null).cast("string"));
      for (Row row :
          keyed.where(col("fy").isNotNull()).groupBy(groups.toArray(new Column[0])).agg(count(lit(1))).collectAsList()) {
        int fy = row.getInt(0);
        long n = row.getLong(3);
        bookIns.merge(key(fy, null, null), n, Long::sum);
        if (!row.isNullAt(1)) {
          bookIns.merge(key(fy, row.getString(1), null), n, Long::sum);
        }
        if (!row.isNullAt(2)) {
          bookIns.merge(key(fy, null, row.getString(2)), n, Long::sum);
        }
      }
    }

    /** Stays (person_id, stay_book_in) that end in each fiscal year, and their lengths. */
    private void measureStays() {
      Dataset<Row> stays =
          placements
              .where(col("person_id").isNotNull())
              .groupBy(col("person_id"), col("stay_book_in"))
              .agg(
                  min(col("book_in")).as("first_in"),
                  max(col("stay_book_out")).as("stay_out"),
                  max(col("book_out")).as("last_out"),
                  count(when(col("book_out").isNull(), 1)).as("open"),
                  max(
                          plausible.anyImplausible(
                              col("stay_book_in"), col("book_in"), col("book_out"), col("stay_book_out")))
                      .as("set_aside"));
      // A stay ends at its stay book-out, else at its last placement's book-out when none is open.
      Column end = coalesce(col("stay_out"), when(col("open").equalTo(0), col("last_out")));
      Column start = coalesce(col("stay_book_in"), col("first_in"));
      Dataset<Row> ended =
          stays
              .where(not(col("set_aside")))
              .select(FiscalYear.of(end).as("fy"), DatasetFacts.days(start, end).as("length"))
              .where(col("length").isNotNull());
      for (Row row : ended.groupBy(col("fy")).agg(count(lit(1)), sum(col("length"))).collectAsList()) {
        lengths.put(key(row.getInt(0), null, null), new Lengths(row.getLong(1), row.getDouble(2)));
      }
    }

    /** Placements that end in each fiscal year, per facility code and name, and their lengths. */
    private void measurePlacements(boolean byCode, boolean byName) {
      Dataset<Row> ended =
          placements
              .select(
                  FiscalYear.of(col("book_out")).as("fy"),
                  byCode ? upper(trim(col("facility_code"))).as("code") : lit(null).cast("string").as("code"),
                  byName ? upper(trim(col("facility_name"))).as("name") : lit(null).cast("string").as("name"),
                  when(
                          not(plausible.anyImplausible(col("book_in"), col("book_out"))),
                          DatasetFacts.days(col("book_in"), col("book_out")))
                      .as("length"))
              .where(col("length").isNotNull());
      for (Row row :
          ended.groupBy(col("fy"), col("code"), col("name")).agg(count(lit(1)), sum(col("length"))).collectAsList()) {
        int fy = row.getInt(0);
        Lengths l = new Lengths(row.getLong(3), row.getDouble(4));
        if (!row.isNullAt(1)) {
          lengths.merge(key(fy, row.getString(1), null), l, Figures::add);
        }
        if (!row.isNullAt(2)) {
          lengths.merge(key(fy, null, row.getString(2)), l, Figures::add);
        }
      }
    }

    private static Lengths add(Lengths a, Lengths b) {
      return new Lengths(a.count() + b.count(), a.sum() + b.sum());
    }

    private static String key(PublishedFigure f) {
      return key(f.fiscalYear(), f.facilityCode(), f.facilityName());
    }

    private static String key(int fy, String code, String name) {
      return fy
          + "|"
          + (code == null ? "" : code.trim().toUpperCase(Locale.ROOT))
          + "|"
          + (name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
    }
  }
}

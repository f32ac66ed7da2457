package org.detentionaudit.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.detentionaudit.sample.generate.Defect;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.generate.DefectRates;
import org.detentionaudit.sample.generate.PlacementSource;
import org.detentionaudit.sample.generate.SeedCounts;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import org.detentionaudit.sample.write.OutputSpec;
import org.detentionaudit.sample.write.RowWriter;

/**
 * Writes seeded, realistic ICE detention placements with known defects, and the manifest of what an
 * audit must find in them.
 *
 * <pre>{@code
 * Manifest manifest =
 *     SampleGenerator.builder()
 *         .seed(42)
 *         .placements(5_000)
 *         .extractDate(LocalDateTime.of(2025, 6, 26, 0, 0))
 *         .malformedLines(3)
 *         .build()
 *         .write(outputDir, List.of(
 *             OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV),
 *             OutputSpec.of(Layout.DDP_2025, OutputFormat.PARQUET)));
 * }</pre>
 *
 * <p>Every file gets the same valid rows in the same order; generation, writing and the oracle run in
 * one streaming pass, one person at a time, so memory does not grow with the row count. The same
 * settings always give byte-identical text files and manifest. Immutable and reusable: each {@link
 * #write} call regenerates the data.
 */
public final class SampleGenerator {

  /** The default extract date, 2025-06-26T00:00 (the DDP late-June 2025 release). */
  public static final LocalDateTime DEFAULT_EXTRACT_DATE = LocalDateTime.of(2025, 6, 26, 0, 0);

  /** The generator name and version written to manifests. */
  public static final String GENERATOR = "detention-audit sample-data 1";

  /**
   * The release window the generated data stand for: book-ins start on the first day of FY2012.
   * {@code expected} judges {@code stay.implausibly_early} against it (as the layouts with
   * {@code covers_from} 2011-10-01 do).
   */
  public static final LocalDate GENERATED_WINDOW_START = LocalDate.of(2011, 10, 1);

  private static final LocalDateTime EARLIEST_EXTRACT_DATE = LocalDateTime.of(2011, 10, 3, 0, 0);

  private final long seed;
  private final long placements;
  private final LocalDateTime extractDate;
  private final int malformedLines;
  private final DefectRates rates;
  private final int xlsxRowsPerSheet;

  private SampleGenerator(Builder builder) {
    this.xlsxRowsPerSheet = builder.xlsxRowsPerSheet;
    this.seed = builder.seed;
    this.placements = builder.placements;
    this.extractDate = builder.extractDate;
    this.malformedLines = builder.malformedLines;
    this.rates = builder.rates;
  }

  /**
   * A builder with seed 42, 3,000 placements, {@link #DEFAULT_EXTRACT_DATE}, no malformed lines, the
   * calibrated defect profile.
   */
  public static Builder builder() {
    return new Builder();
  }

  public long seed() {
    return seed;
  }

  public long placements() {
    return placements;
  }

  public LocalDateTime extractDate() {
    return extractDate;
  }

  public int malformedLines() {
    return malformedLines;
  }

  public DefectRates rates() {
    return rates;
  }

  /** Data rows per sheet of {@code .xlsx} outputs before the table continues on the next sheet. */
  public int xlsxRowsPerSheet() {
    return xlsxRowsPerSheet;
  }

  /**
   * The generated rows one person at a time, without writing anything (for tests and custom
   * writers). The rows are those {@link #write} writes, in the same order.
   */
  public PlacementSource placementSource() {
    return new PlacementSource(seed, placements, extractDate, rates);
  }

  /**
   * Generates the data once and writes every output, then {@code manifest.json}, into {@code dir}.
   *
   * <p>{@code dir} and parent folders of outputs are created; files of the same names are replaced,
   * other files are left alone. Malformed lines go into every text output at the same positions;
   * Parquet outputs get none. On an I/O error the files written so far are left as they are.
   *
   * @param outputs at least one; paths must be distinct
   * @return the manifest, as also written to {@code dir/manifest.json}
   * @throws IllegalArgumentException when {@code outputs} is empty or repeats a path
   * @throws IOException when a file cannot be written
   */
  public Manifest write(Path dir, List<OutputSpec> outputs) throws IOException {
    Objects.requireNonNull(dir, "dir");
    List<OutputSpec> specs = checkedOutputs(outputs);
    PlacementSource source = placementSource();
    SampleFiles files = new SampleFiles(dir, specs, extractDate, xlsxRowsPerSheet, malformedPositions());
    try {
      while (source.hasNext()) {
        files.accept(source.next());
      }
    } catch (IOException | RuntimeException e) {
      files.closeQuietly(e);
      throw e;
    }
    SeedCounts counts = source.counts();
    Manifest manifest =
        files.finish(GENERATOR, seed, placements, counts.people(), counts.stays(), rates, counts);
    manifest.writeTo(dir.resolve(Manifest.FILE_NAME));
    return manifest;
  }

  /**
   * Checks that {@code outputs} is not empty and names no path twice.
   *
   * @return the outputs as an immutable list
   */
  static List<OutputSpec> checkedOutputs(List<OutputSpec> outputs) {
    List<OutputSpec> specs = List.copyOf(Objects.requireNonNull(outputs, "outputs"));
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("Cannot write sample: no output was given");
    }
    Set<Path> paths = new HashSet<>();
    for (OutputSpec spec : specs) {
      if (!paths.add(Path.of(spec.relativePath()).normalize())) {
        throw new IllegalArgumentException(
            "Cannot write sample: output path '" + spec.relativePath() + "' is given twice");
      }
    }
    return specs;
  }

  /** What {@code missing_fields} names when the layout gives no release window start. */
  public static final String WINDOW_START = "covers_from";

  /** Sorted positions in [0, placements]: a line at position i goes before valid row i. */
  private long[] malformedPositions() {
    SplittableRandom random = new SplittableRandom(seed ^ 0x6D616C666F726D65L);
    long[] positions = new long[malformedLines];
    for (int i = 0; i < malformedLines; i++) {
      positions[i] = random.nextLong(placements + 1);
    }
    Arrays.sort(positions);
    return positions;
  }

  /** Validating builder of {@link SampleGenerator}; each setter checks its argument at once. */
  public static final class Builder {
    private long seed = 42;
    private long placements = 3_000;
    private LocalDateTime extractDate = DEFAULT_EXTRACT_DATE;
    private int malformedLines;
    private DefectRates rates = DefectRates.defaults();
    private int xlsxRowsPerSheet = RowWriter.MAX_XLSX_ROWS_PER_SHEET;

    private Builder() {}

    /**
     * Data rows per sheet of {@code .xlsx} outputs, 1 to 1,048,569 (Excel's 1,048,576 rows less
     * the 6-line preamble and the header); a longer table continues on the next sheet. Default
     * 1,048,569.
     */
    public Builder xlsxRowsPerSheet(int rows) {
      if (rows < 1 || rows > RowWriter.MAX_XLSX_ROWS_PER_SHEET) {
        throw new IllegalArgumentException(
            "Cannot set rows per sheet: need 1 to " + RowWriter.MAX_XLSX_ROWS_PER_SHEET + ", got " + rows);
      }
      this.xlsxRowsPerSheet = rows;
      return this;
    }

    /** Any long; the same seed and settings give the same data. Default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Valid rows per file, at least 1 (person 0, booked in at the extract date, is always first). Default 3,000. */
    public Builder placements(long placements) {
      if (placements < 1) {
        throw new IllegalArgumentException(
            "Cannot set placements: need at least 1, got " + placements);
      }
      this.placements = placements;
      return this;
    }

    /**
     * The extract moment: at minute precision (seconds and nanos zero), after 2011-10-03 (book-ins
     * start on 2011-10-01, FY2012). It will be the largest timestamp of the data. Default {@link
     * #DEFAULT_EXTRACT_DATE}.
     */
    public Builder extractDate(LocalDateTime extractDate) {
      Objects.requireNonNull(extractDate, "extractDate");
      if (extractDate.getSecond() != 0 || extractDate.getNano() != 0) {
        throw new IllegalArgumentException(
            "Cannot set extract date " + extractDate + ": it must be at minute precision (seconds = 0)");
      }
      if (extractDate.isBefore(EARLIEST_EXTRACT_DATE)) {
        throw new IllegalArgumentException(
            "Cannot set extract date " + extractDate + ": it must be on or after " + EARLIEST_EXTRACT_DATE
                + ", as book-ins start in fiscal year 2012");
      }
      this.extractDate = extractDate;
      return this;
    }

    /** Broken lines to inject into each text file, at least 0. Default 0. */
    public Builder malformedLines(int malformedLines) {
      if (malformedLines < 0) {
        throw new IllegalArgumentException(
            "Cannot set malformed lines: need 0 or more, got " + malformedLines);
      }
      this.malformedLines = malformedLines;
      return this;
    }

    /**
     * Every rate at the profile's default: {@link DefectProfile#CALIBRATED} (the default: shares like
     * those of real releases) or {@link DefectProfile#HEAVY} (every rule failing on about 1% of
     * records or more: what tests on small data use). Replaces rates set before.
     */
    public Builder defects(DefectProfile profile) {
      this.rates = DefectRates.of(Objects.requireNonNull(profile, "profile"));
      return this;
    }

    /** All seeding rates at once. Default {@link DefectRates#defaults()} (the calibrated profile). */
    public Builder defectRates(DefectRates rates) {
      this.rates = Objects.requireNonNull(rates, "rates");
      return this;
    }

    /** One defect's rate per opportunity, in [0, 1]. */
    public Builder defectRate(Defect defect, double rate) {
      this.rates = rates.with(defect, rate);
      return this;
    }

    /** The near-miss rate per opportunity, in [0, 1]. */
    public Builder nearMissRate(double rate) {
      this.rates = rates.withNearMissRate(rate);
      return this;
    }

    public SampleGenerator build() {
      return new SampleGenerator(this);
    }
  }

  /** Outputs for every combination of {@code layouts} and {@code formats}, named {@code <layout><ext>}. */
  public static List<OutputSpec> outputs(
      List<Layout> layouts, List<OutputFormat> formats) {
    List<OutputSpec> specs = new ArrayList<>();
    for (Layout layout : layouts) {
      for (OutputFormat format : formats) {
        specs.add(OutputSpec.of(layout, format));
      }
    }
    return specs;
  }
}

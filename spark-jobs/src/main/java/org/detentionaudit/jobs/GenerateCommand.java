package org.detentionaudit.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.detentionaudit.core.InputException;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.ReleaseManifest;
import org.detentionaudit.sample.ReleaseSeries;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code detention-audit generate}: writes realistic placements with known, counted defects. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate realistic ICE detention placements with every core-rule defect seeded (at the shares",
      "of real releases, or heavily with --defects heavy),",
      "one file per layout and format, and manifest.json with the exact expected count per rule.",
      "With --releases N: N releases of one population (DIR/release-1 ... DIR/release-N, each extracted",
      "4 months after the one before, the last on --extract-date) with changes planted between the",
      "last two, listed in DIR/releases.json."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
  Path out;

  @Option(names = "--placements", defaultValue = "3000", paramLabel = "N", description = "Valid placements to write (default ${DEFAULT-VALUE}).")
  long placements;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--extract-date", paramLabel = "YYYY-MM-DD[THH:MM:SS]", description = "Extract date (default 2025-06-26T00:00).")
  String extractDate;

  @Option(
      names = "--layouts",
      split = ",",
      defaultValue = "ddp-2025",
      paramLabel = "ID",
      description =
          "Layouts: ddp-2025, ddp-2026-03, uwchr-2012-2024, ice-2012-2023, trac-2001-2009,"
              + " ice-2010-extract, ice-history-2010-2014, ice-initial-book-ins (default ${DEFAULT-VALUE}).")
  List<String> layouts;

  @Option(
      names = "--formats",
      split = ",",
      defaultValue = "csv",
      paramLabel = "ID",
      description = "Formats: csv, pipe, tsv, csv.gz, parquet, xlsx (default ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--malformed", defaultValue = "0", paramLabel = "N", description = "Malformed lines to inject into text files (default ${DEFAULT-VALUE}).")
  int malformed;

  @Option(
      names = "--defects",
      defaultValue = "calibrated",
      paramLabel = "PROFILE",
      description =
          "calibrated: defect shares like those of real releases (4.75%% of placements open, 0.16%%"
              + " without person id, every rule failing on few records); heavy: every rule failing on"
              + " about 1%% of records or more, as the tests use (default ${DEFAULT-VALUE}).")
  String defects;

  @Option(
      names = "--releases",
      paramLabel = "N",
      description =
          "Write N >= 2 releases of one population into DIR/release-1 ... DIR/release-N, extract dates"
              + " 4 months apart (the last on --extract-date), with records dropped, a column blanked, a"
              + " facility renamed and columns renamed between the last two, and DIR/releases.json"
              + " listing them. Not with --malformed.")
  Integer releases;

  @Override
  public Integer call() throws IOException {
    DefectProfile profile;
    try {
      profile = DefectProfile.byId(defects);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage() + ".");
    }
    SampleGenerator.Builder builder =
        SampleGenerator.builder().seed(seed).placements(placements).malformedLines(malformed).defects(profile);
    LocalDateTime extract = AuditCommand.parseExtractDate(extractDate);
    if (extract != null) {
      builder.extractDate(extract);
    }
    List<Layout> layoutList;
    List<OutputFormat> formatList;
    try {
      layoutList = layouts.stream().map(Layout::byId).toList();
      formatList = formats.stream().map(OutputFormat::byId).toList();
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage() + ".");
    }
    if (releases != null) {
      return writeReleases(builder, profile, layoutList, formatList);
    }
    long started = System.nanoTime();
    Manifest manifest = builder.build().write(out, SampleGenerator.outputs(layoutList, formatList));
    PrintWriter console = spec.commandLine().getOut();
    console.printf(
        Locale.ROOT,
        "Wrote %d placements (%d people, %d stays, %s defects) x %d file(s) to %s in %.1f s; expected counts in %s%n",
        manifest.placements(),
        manifest.people(),
        manifest.stays(),
        profile.id(),
        manifest.files().size(),
        out,
        (System.nanoTime() - started) / 1e9,
        out.resolve(Manifest.FILE_NAME));
    console.flush();
    return ExitCodes.OK;
  }

  private Integer writeReleases(
      SampleGenerator.Builder builder, DefectProfile profile, List<Layout> layoutList, List<OutputFormat> formatList)
      throws IOException {
    if (releases < 2) {
      throw new InputException(
          "Cannot generate " + releases + " release(s): --releases needs 2 or more (changes are planted"
              + " between the last two releases); without --releases, generate writes one release.");
    }
    if (malformed > 0) {
      throw new InputException(
          "Cannot generate releases with --malformed " + malformed + ": broken lines would differ between"
              + " releases and a compare would report them as changes. Generate the series without"
              + " --malformed, or one release with it.");
    }
    ReleaseSeries series;
    try {
      series = new ReleaseSeries(builder.build(), releases);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage() + ".");
    }
    long started = System.nanoTime();
    ReleaseManifest manifest;
    try {
      manifest = series.write(out, SampleGenerator.outputs(layoutList, formatList));
    } catch (IllegalArgumentException e) { // too few placements to plant the changes
      throw new InputException(e.getMessage() + ".");
    }
    PrintWriter console = spec.commandLine().getOut();
    long records = 0;
    for (ReleaseManifest.Release release : manifest.releases()) {
      records += release.records();
    }
    console.printf(
        Locale.ROOT,
        "Wrote %d releases of %d placements (%d people, %s defects; %d rows in all) to %s in %.1f s;"
            + " extract dates %s to %s; planted changes between releases %d and %d in %s%n",
        manifest.releases().size(),
        manifest.placements(),
        manifest.people(),
        profile.id(),
        records,
        out,
        (System.nanoTime() - started) / 1e9,
        manifest.release(1).extractDate(),
        manifest.release(releases).extractDate(),
        manifest.changesBetween().before(),
        manifest.changesBetween().after(),
        out.resolve(ReleaseManifest.FILE_NAME));
    console.flush();
    return ExitCodes.OK;
  }
}

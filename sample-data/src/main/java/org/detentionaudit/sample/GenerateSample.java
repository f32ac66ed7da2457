package org.detentionaudit.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.detentionaudit.sample.oracle.RuleCount;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.OutputFormat;

/**
 * Command-line generator:
 *
 * <pre>
 * GenerateSample --out DIR [--placements N] [--seed S] [--extract-date YYYY-MM-DDTHH:MM]
 *                [--layouts ddp-2025,ddp-2026-03,uwchr-2012-2024] [--formats csv,pipe,tsv,csv.gz,parquet]
 *                [--malformed N]
 * </pre>
 *
 * Writes one file per (layout, format), named {@code <layout><extension>}, and {@code manifest.json}
 * into DIR; defaults: 3,000 placements, seed 42, extract 2025-06-26T00:00, layout ddp-2025, format
 * csv, no malformed lines. Exit status 0 on success, 2 on a usage error (message on standard error,
 * no stack trace), 1 when a file cannot be written.
 */
public final class GenerateSample {

  private GenerateSample() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command and returns its exit status instead of exiting. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    SampleGenerator.Builder builder = SampleGenerator.builder();
    Path dir = null;
    List<Layout> layouts = List.of(Layout.DDP_2025);
    List<OutputFormat> formats = List.of(OutputFormat.CSV);
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          out.println(usage());
          return 0;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Cannot read option " + option + ": it needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--out":
            dir = Path.of(value);
            break;
          case "--placements":
            builder.placements(parseLong(option, value));
            break;
          case "--seed":
            builder.seed(parseLong(option, value));
            break;
          case "--malformed":
            builder.malformedLines(Math.toIntExact(parseLong(option, value)));
            break;
          case "--extract-date":
            builder.extractDate(parseDateTime(value));
            break;
          case "--layouts":
            layouts = new ArrayList<>();
            for (String id : value.split(",")) {
              layouts.add(Layout.byId(id.trim()));
            }
            break;
          case "--formats":
            formats = new ArrayList<>();
            for (String id : value.split(",")) {
              formats.add(OutputFormat.byId(id.trim()));
            }
            break;
          default:
            throw new IllegalArgumentException("Cannot read option " + option + ": unknown option");
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("Cannot generate sample: --out DIR is required");
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      err.println(e.getMessage());
      err.println(usage());
      return 2;
    }
    try {
      Manifest manifest = builder.build().write(dir, SampleGenerator.outputs(layouts, formats));
      out.printf(
          "Wrote %d placements (%d people, %d stays, extract %s) to %s:%n",
          manifest.placements(), manifest.people(), manifest.stays(), manifest.extractDate(), dir);
      for (Manifest.FileEntry file : manifest.files()) {
        out.printf("  %s (%s, %s)%n", file.path(), file.layout(), file.format());
      }
      for (var entry : manifest.expected().entrySet()) {
        RuleCount count = entry.getValue();
        out.printf("  %-36s %10d failed of %10d%n", entry.getKey(), count.recordsFailed(), count.recordsChecked());
      }
      return 0;
    } catch (IOException e) {
      err.println("Cannot write sample to " + dir + ": " + e.getMessage());
      return 1;
    }
  }

  private static long parseLong(String option, String value) {
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cannot read option " + option + ": '" + value + "' is not a whole number");
    }
  }

  private static LocalDateTime parseDateTime(String value) {
    try {
      return value.length() == 10 ? LocalDateTime.parse(value + "T00:00") : LocalDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Cannot read option --extract-date: '" + value + "' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]");
    }
  }

  static String usage() {
    return "Usage: GenerateSample --out DIR [--placements N] [--seed S] [--extract-date YYYY-MM-DD[THH:MM]]\n"
        + "       [--layouts ddp-2025,ddp-2026-03,uwchr-2012-2024] [--formats csv,pipe,tsv,csv.gz,parquet]\n"
        + "       [--malformed N]";
  }
}

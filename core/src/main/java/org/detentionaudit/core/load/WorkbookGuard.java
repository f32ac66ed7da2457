package org.detentionaudit.core.load;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The zip-bomb guard every {@code .xlsx} workbook is opened under, and the explanation of a refusal.
 *
 * <p>An {@code .xlsx} file is a zip of XML parts. POI refuses a part while it inflates, with
 * limits that are JVM-wide statics of {@link ZipSecureFile}; this class is the one place that
 * sets them ({@link #apply()}, called before each workbook is opened, on the driver and in every
 * Spark task, so each JVM that reads a workbook reads it under the same limits):
 *
 * <ul>
 *   <li><b>Inflate ratio</b>: once a part has inflated past POI's grace of 100 KB, it may not be
 *       more than {@value #MAX_EXPANSION} times its compressed size ({@link
 *       ZipSecureFile#setMinInflateRatio} {@value #MIN_INFLATE_RATIO}). Deflate cannot compress
 *       better than about 1,030:1, and gets there only on long runs of one repeated byte: what zip
 *       bombs are made of (a run of zeros measured 1,029:1). XML parts stay far below: agency
 *       workbooks carry bloated style parts (a 4.5 MB {@code xl/styles.xml} of repetitive cell
 *       formats at about 100:1, which POI's default of 0.01, 100:1, refused), and the most
 *       repetitive XML measured (one cell format repeated 60,000 times, and a sheet of empty
 *       styled cells without cell references) reached about 300:1 and 220:1.
 *   <li><b>Part size</b>: no part may inflate to more than {@value #MAX_PART_BYTES} bytes (4 GiB,
 *       {@link ZipSecureFile#setMaxEntrySize}), POI's default kept: the largest part a zip without
 *       ZIP64 extensions can hold, and above the largest sheet Excel writes for a table of
 *       realistic width (1,048,576 rows of 37 columns are about 1.5 GB of XML). It bounds what a
 *       bomb of repeating text that passes the ratio can make the loader read.
 *   <li><b>Part count</b>: at most {@value #MAX_PARTS} parts ({@link
 *       ZipSecureFile#setMaxFileCount}; POI's default of 1,000 would refuse a workbook of about
 *       500 sheets with their relationship parts, which Excel opens). Each part costs only a
 *       directory entry in memory.
 * </ul>
 *
 * <p>Sheets are streamed, so a large part costs time, not memory; the parts POI holds in memory
 * (styles, shared strings) are bounded by the same limits.
 */
final class WorkbookGuard {
  /** A part may inflate to at most this many times its compressed size. */
  static final int MAX_EXPANSION = 1000;
  /** {@link ZipSecureFile#setMinInflateRatio}: 1 / {@link #MAX_EXPANSION}. */
  static final double MIN_INFLATE_RATIO = 0.001;
  /** The most bytes any one part may inflate to (4 GiB - 1). */
  static final long MAX_PART_BYTES = 0xFFFF_FFFFL;
  /** The most parts (zip entries) a workbook may hold. */
  static final long MAX_PARTS = 10_000;

  private static final String POI_BOMB = "Zip bomb detected!";
  private static final String POI_FILE_COUNT = "embeds more internal file entries than expected";
  private static final Pattern SIZES =
      Pattern.compile("Uncompressed size: (\\d+), Raw/compressed size: (\\d+)");
  private static final Pattern ENTRY = Pattern.compile("Entry: (\\S+)");

  private WorkbookGuard() {}

  /** Sets POI's zip limits to this guard's (idempotent; the values never change). */
  static void apply() {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    ZipSecureFile.setMaxFileCount(MAX_PARTS);
  }

  /**
   * The user-facing message when {@code failure} (or a cause) is POI refusing {@code sourceName}
   * under one of these limits; empty when it is any other failure.
   */
  static Optional<String> refusal(String sourceName, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      if (message.contains(POI_FILE_COUNT)) {
        return Optional.of(
            prefix(sourceName)
                + "it has more than "
                + format(MAX_PARTS)
                + " parts (zip entries), which the zip-bomb guard refuses (limit: "
                + format(MAX_PARTS)
                + " parts). "
                + howToProceed());
      }
      if (!message.contains(POI_BOMB)) {
        continue;
      }
      Matcher entry = ENTRY.matcher(message);
      String part = entry.find() ? entry.group(1) : "(unknown)";
      Matcher sizes = SIZES.matcher(message);
      String measured = "";
      if (sizes.find()) {
        measured =
            " (it had inflated "
                + format(Long.parseLong(sizes.group(2)))
                + " compressed bytes to "
                + format(Long.parseLong(sizes.group(1)))
                + " bytes when it was stopped)";
      }
      if (message.contains("MAX_ENTRY_SIZE")) {
        return Optional.of(
            prefix(sourceName)
                + "its part '"
                + part
                + "' inflates to more than "
                + format(MAX_PART_BYTES)
                + " bytes"
                + measured
                + ", which the zip-bomb guard's part-size limit refuses (limit: 4 GiB per part). "
                + howToProceed());
      }
      return Optional.of(
          prefix(sourceName)
              + "its part '"
              + part
              + "' inflates to more than "
              + format(MAX_EXPANSION)
              + " times its compressed size"
              + measured
              + ", which the zip-bomb guard's inflate-ratio limit refuses (limit: "
              + format(MAX_EXPANSION)
              + ":1; no Excel content compresses that well, zip bombs do). "
              + howToProceed());
    }
    return Optional.empty();
  }

  private static String prefix(String sourceName) {
    return "Cannot read workbook '" + sourceName + "': it is an Excel .xlsx workbook, but ";
  }

  private static String howToProceed() {
    return "If you trust the file, open it in Excel or LibreOffice and save each data sheet as CSV"
        + " (File > Save As > CSV), then audit the CSV files; if you do not, do not open it.";
  }

  private static String format(long number) {
    return String.format(Locale.ROOT, "%,d", number);
  }
}

package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;

/**
 * The guard's limits, and its explanation of each refusal. The part-size limit (4 GiB) cannot be
 * reached in a test, so its refusal is checked on the message POI 5.5.1 raises (the format string
 * of {@code ZipArchiveThresholdInputStream}); the inflate-ratio refusal is also checked end to end
 * on a real zip bomb ({@code XlsxInputTest}).
 */
class WorkbookGuardTest {
  /** POI 5.5.1's messages ({@code ZipArchiveThresholdInputStream}, {@code ZipSecureFile}). */
  private static final String POI_MAX_ENTRY_SIZE =
      "Zip bomb detected! The file would exceed the max size of the expanded data in the zip-file.\n"
          + "This may indicates that the file is used to inflate memory usage and thus could pose a security risk.\n"
          + "You can adjust this limit via ZipSecureFile.setMaxEntrySize() if you need to work with files which are very large.\n"
          + "Uncompressed size: %d, Raw/compressed size: %d\n"
          + "Limits: MAX_ENTRY_SIZE: %d, Entry: %s";
  private static final String POI_MIN_INFLATE_RATIO =
      "Zip bomb detected! The file would exceed the max. ratio of compressed file size to the size of the expanded data.\n"
          + "This may indicate that the file is used to inflate memory usage and thus could pose a security risk.\n"
          + "You can adjust this limit via ZipSecureFile.setMinInflateRatio() if you need to work with files which exceed this limit.\n"
          + "Uncompressed size: %d, Raw/compressed size: %d, ratio: %f\n"
          + "Limits: MIN_INFLATE_RATIO: %f, Entry: %s";

  @Test
  void applySetsPoisJvmWideLimits() {
    ZipSecureFile.setMinInflateRatio(0.01);
    WorkbookGuard.apply();
    assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.001);
    assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(4_294_967_295L);
    assertThat(ZipSecureFile.getMaxFileCount()).isEqualTo(10_000L);
  }

  @Test
  void thePartSizeRefusalNamesTheGuardAndThePart() {
    IOException poi =
        new IOException(
            String.format(Locale.ROOT, POI_MAX_ENTRY_SIZE, 4_294_967_296L, 9_000_000L, 4_294_967_295L, "xl/worksheets/sheet2.xml"));
    // As POI raises it from a sheet stream, wrapped.
    assertThat(WorkbookGuard.refusal("big.xlsx", new POIXMLException(poi)))
        .hasValue(
            "Cannot read workbook 'big.xlsx': it is an Excel .xlsx workbook, but its part"
                + " 'xl/worksheets/sheet2.xml' inflates to more than 4,294,967,295 bytes (it had"
                + " inflated 9,000,000 compressed bytes to 4,294,967,296 bytes when it was stopped),"
                + " which the zip-bomb guard's part-size limit refuses (limit: 4 GiB per part). If"
                + " you trust the file, open it in Excel or LibreOffice and save each data sheet as"
                + " CSV (File > Save As > CSV), then audit the CSV files; if you do not, do not open"
                + " it.");
  }

  @Test
  void theInflateRatioRefusalNamesTheGuardAndThePart() {
    IOException poi =
        new IOException(
            String.format(Locale.ROOT, POI_MIN_INFLATE_RATIO, 4_000_000L, 3_584L, 0.000896, 0.001, "xl/styles.xml"));
    assertThat(WorkbookGuard.refusal("bomb.xlsx", poi).orElseThrow())
        .startsWith(
            "Cannot read workbook 'bomb.xlsx': it is an Excel .xlsx workbook, but its part"
                + " 'xl/styles.xml' inflates to more than 1,000 times its compressed size (it had"
                + " inflated 3,584 compressed bytes to 4,000,000 bytes when it was stopped), which the"
                + " zip-bomb guard's inflate-ratio limit refuses");
  }

  @Test
  void thePartCountRefusalNamesTheGuard() {
    IOException poi = new IOException(String.format(Locale.ROOT, ZipSecureFile.MAX_FILE_COUNT_MSG, 10_000L));
    assertThat(WorkbookGuard.refusal("many.xlsx", poi).orElseThrow())
        .startsWith(
            "Cannot read workbook 'many.xlsx': it is an Excel .xlsx workbook, but it has more than"
                + " 10,000 parts (zip entries), which the zip-bomb guard refuses");
  }

  @Test
  void anyOtherFailureIsNotAGuardRefusal() {
    assertThat(WorkbookGuard.refusal("x.xlsx", new IOException("Truncated ZIP file"))).isEmpty();
    assertThat(WorkbookGuard.refusal("x.xlsx", new IllegalStateException((String) null))).isEmpty();
    assertThat(WorkbookGuard.refusal("x.xlsx", new IOException("a part named Zip bomb"))).isEmpty();
  }
}

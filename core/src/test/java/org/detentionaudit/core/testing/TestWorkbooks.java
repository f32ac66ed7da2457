package org.detentionaudit.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds {@code .xlsx} fixtures with the features of real agency workbooks that POI's writer does
 * not produce by itself: a bloated style part, a zip bomb, encryption, and an ERO-LESA-style
 * book-in workbook (Summary, a preamble with a merged title, the table, Footnotes).
 */
public final class TestWorkbooks {
  /** The style part of every workbook POI writes. */
  public static final String STYLES = "xl/styles.xml";

  /** The seven columns of ICE's initial book-in tables (layout {@code ice-initial-book-ins}). */
  public static final List<String> BOOK_IN_HEADER =
      List.of(
          "Book In Date",
          "Detention Facility",
          "Date of Birth",
          "Gender",
          "Country of Citizenship",
          "Apprehension Method",
          "Most Serious Conviction");

  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

  private TestWorkbooks() {}

  /** Writes one part's new content. */
  @FunctionalInterface
  public interface PartWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Replaces the named parts of the workbook at {@code xlsx} (deflated, default level). */
  public static void replaceParts(Path xlsx, Map<String, PartWriter> parts) throws IOException {
    Path rewritten = xlsx.resolveSibling(xlsx.getFileName() + ".rewritten");
    try (ZipFile in = new ZipFile(xlsx.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        out.putNextEntry(new ZipEntry(entry.getName()));
        PartWriter replacement = parts.get(entry.getName());
        if (replacement != null) {
          replacement.write(out);
        } else {
          try (InputStream part = in.getInputStream(entry)) {
            part.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    Files.move(rewritten, xlsx, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Replaces {@code from} (which must occur) by {@code to} in one part. */
  public static void replaceText(Path xlsx, String part, String from, String to) throws IOException {
    String text = partText(xlsx, part);
    if (!text.contains(from)) {
      throw new IllegalStateException(part + " holds no " + from);
    }
    byte[] replaced = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    replaceParts(xlsx, Map.of(part, out -> out.write(replaced)));
  }

  /** The text of one part. */
  public static String partText(Path xlsx, String part) throws IOException {
    try (ZipFile zip = new ZipFile(xlsx.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(part))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A part's compressed size divided by its size: POI's "inflate ratio". */
  public static double inflateRatio(Path xlsx, String part) throws IOException {
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      ZipEntry entry = zip.getEntry(part);
      return entry.getCompressedSize() / (double) entry.getSize();
    }
  }

  /** A part's size once inflated. */
  public static long partSize(Path xlsx, String part) throws IOException {
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      return zip.getEntry(part).getSize();
    }
  }

  /**
   * Bloats the workbook's style part as agency workbooks are: {@code formats} more cell formats,
   * repetitive, so that the part deflates about 125:1 (an inflate ratio of about 0.008, under
   * POI's default limit of 0.01, like the 4.5 MB {@code xl/styles.xml} of a real ERO-LESA workbook
   * at 0.00996). The existing formats keep their indexes.
   */
  public static void bloatStyles(Path xlsx, int formats) throws IOException {
    String styles = partText(xlsx, STYLES);
    Matcher count = Pattern.compile("<cellXfs count=\"(\\d+)\"").matcher(styles);
    if (!count.find()) {
      throw new IllegalStateException("no cellXfs in " + STYLES);
    }
    int existing = Integer.parseInt(count.group(1));
    StringBuilder extra = new StringBuilder(formats * 180);
    for (int i = 0; i < formats; i++) {
      extra
          .append("<xf numFmtId=\"")
          .append(i % 3)
          .append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"")
          .append(" applyAlignment=\"1\"><alignment horizontal=\"")
          .append(i % 2 == 0 ? "general" : "left")
          .append("\" vertical=\"bottom\"/></xf>");
    }
    String bloated =
        styles
            .replace(count.group(), "<cellXfs count=\"" + (existing + formats) + "\"")
            .replace("</cellXfs>", extra + "</cellXfs>");
    replaceParts(xlsx, Map.of(STYLES, out -> out.write(bloated.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * Turns the style part into a zip bomb: {@code spaces} spaces (legal XML whitespace) between the
   * XML declaration and the root element, which deflate about 1,000:1 as zip bombs do.
   */
  public static void zipBombStyles(Path xlsx, long spaces) throws IOException {
    zipBomb(xlsx, STYLES, "<styleSheet", spaces);
  }

  /**
   * Turns {@code part} into a zip bomb: {@code spaces} spaces (XML whitespace, ignored) inserted
   * before the first {@code before} (e.g. the root element, or {@code </sheetData>}), which
   * deflate about 1,000:1 as zip bombs do.
   */
  public static void zipBomb(Path xlsx, String part, String before, long spaces) throws IOException {
    String text = partText(xlsx, part);
    int at = text.indexOf(before);
    if (at < 0) {
      throw new IllegalStateException(part + " holds no " + before);
    }
    byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] rest = text.substring(at).getBytes(StandardCharsets.UTF_8);
    byte[] chunk = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
    replaceParts(
        xlsx,
        Map.of(
            part,
            out -> {
              out.write(head);
              for (long left = spaces; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
              }
              out.write(rest);
            }));
  }

  /**
   * Writes {@code plain} encrypted with {@code password} to {@code encrypted} as Excel does for
   * "Encrypt with Password": an OLE2 container with {@code EncryptionInfo} and the encrypted
   * package (agile encryption, AES-256 / SHA-512, Excel 2010 and later).
   */
  public static void encrypt(Path plain, Path encrypted, String password) throws IOException {
    try (POIFSFileSystem ole2 = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword(password);
      try (OutputStream out = encryptor.getDataStream(ole2)) {
        Files.copy(plain, out);
      } catch (java.security.GeneralSecurityException e) {
        throw new IOException(e);
      }
      try (OutputStream out = Files.newOutputStream(encrypted)) {
        ole2.writeFilesystem(out);
      }
    }
  }

  /** One book-in of {@link #agencyBookIns}: the date and the facility name. */
  public record BookIn(LocalDate bookIn, String facility) {}

  /**
   * An ERO-LESA-style workbook of initial book-ins, as the agency ships it: a {@code Summary} sheet
   * (a title line naming the table and window, {@code Fiscal Year | Total}, one row per fiscal
   * year), the {@code Book Ins} sheet (the unit's preamble with the table title merged across the
   * columns, the 7-column header, one row per book-in with the date as {@code M/d/yyyy} text),
   * and a {@code Footnotes} sheet; {@code calcPr fullCalcOnLoad="1"}, and a style part bloated to
   * about 5 MB that deflates about 125:1.
   */
  public static Path agencyBookIns(Path file, List<BookIn> bookIns, Map<String, Long> summaryTotals)
      throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet summary = workbook.createSheet("Summary");
      int r = 0;
      summary
          .createRow(r++)
          .createCell(0)
          .setCellValue(
              "FY2012 - FY2019 YTD (01/01/2012 - 07/06/2019) ICE Initial Book Ins for the Seattle"
                  + " Area of Responsibility");
      Row header = summary.createRow(r++);
      header.createCell(0).setCellValue("Fiscal Year");
      header.createCell(1).setCellValue("Total");
      for (Map.Entry<String, Long> total : new java.util.TreeMap<>(summaryTotals).entrySet()) {
        Row row = summary.createRow(r++);
        row.createCell(0).setCellValue(total.getKey());
        row.createCell(1).setCellValue(total.getValue());
      }

      Sheet data = workbook.createSheet("Book Ins");
      List<String> preamble =
          List.of(
              "ERO-LESA Statistical Tracking Unit",
              "For Official Use Only (FOUO)/Pre-decisional",
              "FOIA request 2019-ICFO-00000",
              "Please review the last tab for footnotes.",
              "",
              "FY2012 - FY2019 YTD ICE Initial Book Ins for the Seattle Area of Responsibility");
      r = 0;
      for (String line : preamble) {
        Row row = data.createRow(r);
        if (!line.isEmpty()) {
          row.createCell(0).setCellValue(line);
          data.addMergedRegion(new CellRangeAddress(r, r, 0, BOOK_IN_HEADER.size() - 1));
        }
        r++;
      }
      Row columns = data.createRow(r++);
      for (int c = 0; c < BOOK_IN_HEADER.size(); c++) {
        columns.createCell(c).setCellValue(BOOK_IN_HEADER.get(c));
      }
      for (BookIn bookIn : bookIns) {
        Row row = data.createRow(r++);
        row.createCell(0).setCellValue(bookIn.bookIn().format(US_DATE));
        row.createCell(1).setCellValue(bookIn.facility());
        row.createCell(2).setCellValue("1/1/1980");
        row.createCell(3).setCellValue("Male");
        row.createCell(4).setCellValue("MEXICO");
        row.createCell(5).setCellValue("CAP Local Incarceration");
        row.createCell(6).setCellValue("Traffic Offense");
      }

      Sheet footnotes = workbook.createSheet("Footnotes");
      footnotes.createRow(0).createCell(0).setCellValue("1. Data are preliminary and subject to change.");
      footnotes.createRow(1).createCell(0).setCellValue("2. FY2019 YTD runs through 07/06/2019.");
      workbook.setForceFormulaRecalculation(true);
      workbook.write(out);
    }
    replaceText(file, "xl/workbook.xml", "fullCalcOnLoad=\"true\"", "fullCalcOnLoad=\"1\""); // as Excel writes it
    bloatStyles(file, 30_000);
    return file;
  }
}

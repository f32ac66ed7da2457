package org.detentionaudit.core.load;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One Excel {@code .xlsx} workbook opened for streaming with POI's SAX event API: the package,
 * its sheet names in workbook order, the shared strings and the cell styles (to recognise
 * date-formatted numbers).
 *
 * <p>Memory: a local file is opened in place ({@link OPCPackage#open(File, PackageAccess)}, random
 * access to the zip); any other Hadoop file system path is first copied to a local temporary file,
 * deleted on {@link #close()}, so no sheet is ever held in memory. Every part is inflated under
 * {@link WorkbookGuard}'s zip-bomb limits. What stays in memory is the
 * shared-strings table (every distinct text of the workbook) and the styles, as Excel itself keeps.
 */
final class WorkbookFile implements Closeable {
  private static final String ENCRYPTION_INFO = "EncryptionInfo";

  private final String sourceName;
  private final OPCPackage pkg;
  private final List<File> temporary;
  private final XSSFReader reader;
  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final List<String> sheetNames;

  private WorkbookFile(
      String sourceName, OPCPackage pkg, List<File> temporary)
      throws IOException, SAXException, OpenXML4JException {
    this.sourceName = sourceName;
    this.pkg = pkg;
    this.temporary = temporary;
    this.reader = new XSSFReader(pkg);
    this.strings = new ReadOnlySharedStringsTable(pkg, false);
    this.styles = reader.getStylesTable();
    this.date1904 = readDate1904(reader);
    List<String> names = new ArrayList<>();
    XSSFReader.SheetIterator sheets = reader.getSheetIterator();
    while (sheets.hasNext()) {
      try (InputStream ignored = sheets.next()) {
        names.add(sheets.getSheetName());
      }
    }
    this.sheetNames = List.copyOf(names);
  }

  /**
   * Opens the workbook at {@code qualifiedPath} under the zip-bomb guard ({@link WorkbookGuard}).
   *
   * <p>A workbook encrypted with Excel's default password (a "read-only recommended" file, which
   * Excel opens without asking) is decrypted to a local temporary file, deleted on {@link
   * #close()}.
   *
   * @throws UnreadableInputException naming {@code sourceName} when the file is not a valid
   *     {@code .xlsx} workbook (a renamed CSV, an old {@code .xls}, a truncated zip), is protected
   *     by a password, is refused by the zip-bomb guard, or cannot be read
   */
  static WorkbookFile open(Configuration configuration, String qualifiedPath, String sourceName) {
    WorkbookGuard.apply();
    List<File> temporary = new ArrayList<>();
    OPCPackage pkg = null;
    try {
      Path path = new Path(URI.create(qualifiedPath));
      FileSystem fs = path.getFileSystem(configuration);
      File local;
      if (fs instanceof LocalFileSystem || "file".equals(fs.getScheme())) {
        local = new File(path.toUri());
      } else {
        local = temporaryFile(temporary);
        try (InputStream in = fs.open(path, 1 << 16)) {
          Files.copy(in, local.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (FileMagic.valueOf(local) == FileMagic.OLE2) {
        local = decryptWithDefaultPassword(local, sourceName, temporary);
      }
      pkg = OPCPackage.open(local, PackageAccess.READ);
      return new WorkbookFile(sourceName, pkg, temporary);
    } catch (UnreadableInputException e) {
      cleanUp(pkg, temporary);
      throw e;
    } catch (OLE2NotOfficeXmlFileException e) {
      // POI saw an OLE2 signature that FileMagic did not (a damaged or cut-off .xls).
      cleanUp(pkg, temporary);
      throw new UnreadableInputException(oldFormatMessage(sourceName), e);
    } catch (IOException | SAXException | OpenXML4JException | RuntimeException e) {
      // POI wraps zip and XML failures of damaged files in several runtime exception types.
      cleanUp(pkg, temporary);
      throw unreadable(sourceName, e);
    }
  }

  /**
   * The user-facing failure for {@code e}, raised while opening or reading {@code sourceName}: the
   * zip-bomb guard's refusal when it is one, else "not a valid workbook".
   */
  static UnreadableInputException unreadable(String sourceName, Throwable e) {
    if (e instanceof UnreadableInputException unreadable) {
      return unreadable;
    }
    return new UnreadableInputException(
        WorkbookGuard.refusal(sourceName, e).orElseGet(() -> notAWorkbookMessage(sourceName, e)), e);
  }

  /**
   * An OLE2 file given as a workbook: Excel writes a password-protected (encrypted) {@code .xlsx}
   * as an OLE2 container holding {@code EncryptionInfo} and the encrypted package; anything else
   * in OLE2 is an old binary workbook. Returns the decrypted package in a temporary file when the
   * password is Excel's default one; otherwise refuses the file.
   */
  private static File decryptWithDefaultPassword(File local, String sourceName, List<File> temporary)
      throws IOException {
    try (POIFSFileSystem ole2 = new POIFSFileSystem(local, true)) {
      if (!ole2.getRoot().hasEntry(ENCRYPTION_INFO)) {
        throw new UnreadableInputException(oldFormatMessage(sourceName), null);
      }
      Decryptor decryptor;
      try {
        decryptor = Decryptor.getInstance(new EncryptionInfo(ole2));
        if (!decryptor.verifyPassword(Decryptor.DEFAULT_PASSWORD)) {
          throw new UnreadableInputException(encryptedMessage(sourceName), null);
        }
      } catch (GeneralSecurityException | EncryptedDocumentException | IOException e) {
        throw new UnreadableInputException(encryptedMessage(sourceName), e);
      }
      File plain = temporaryFile(temporary);
      try (InputStream in = decryptor.getDataStream(ole2)) {
        Files.copy(in, plain.toPath(), StandardCopyOption.REPLACE_EXISTING);
      } catch (GeneralSecurityException e) {
        throw new UnreadableInputException(encryptedMessage(sourceName), e);
      }
      return plain;
    } catch (UnreadableInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Not a readable OLE2 container: treat it as the old binary format it claims to be.
      throw new UnreadableInputException(oldFormatMessage(sourceName), e);
    }
  }

  private static File temporaryFile(List<File> temporary) throws IOException {
    File file = File.createTempFile("detention-audit-", ".xlsx");
    temporary.add(file);
    return file;
  }

  static String oldFormatMessage(String sourceName) {
    return "Cannot read file '"
        + sourceName
        + "': it is an old binary Excel 97-2003 (.xls) workbook, which is not supported. Open it"
        + " in Excel or LibreOffice and save it as .xlsx (Excel Workbook), or save each data sheet"
        + " as CSV.";
  }

  static String encryptedMessage(String sourceName) {
    return "Cannot read workbook '"
        + sourceName
        + "': it is an Excel workbook protected by a password to open (encrypted), which cannot"
        + " be read without the password. Open it in Excel with the password and save an"
        + " unprotected copy (File > Info > Protect Workbook > Encrypt with Password: clear the"
        + " password, then save), or save each data sheet as CSV, and audit that.";
  }

  private static String notAWorkbookMessage(String sourceName, Throwable e) {
    return "Cannot read file '"
        + sourceName
        + "': it is not a valid Excel .xlsx workbook ("
        + UnreadableInputException.describe(e)
        + "). If it is CSV or text, give it the .csv or .txt extension; if it was copied or"
        + " downloaded, it may be truncated: copy it again, or open and save it again in Excel.";
  }

  String sourceName() {
    return sourceName;
  }

  /** Sheet names in workbook (tab) order. */
  List<String> sheetNames() {
    return sheetNames;
  }

  /**
   * Streams the sheet at {@code sheetIndex} (0-based, tab order) into {@code rows}.
   *
   * <p>The sink may end the read early by throwing {@link StopReading}; this returns normally then.
   */
  void readSheet(int sheetIndex, SheetRowCollector.RowSink rows)
      throws IOException, SAXException, OpenXML4JException {
    XSSFReader.SheetIterator sheets = reader.getSheetIterator();
    int index = 0;
    while (sheets.hasNext()) {
      try (InputStream sheet = sheets.next()) {
        if (index++ != sheetIndex) {
          continue;
        }
        DateAwareFormatter formatter = new DateAwareFormatter(date1904);
        SheetRowCollector collector = new SheetRowCollector(formatter, rows);
        XMLReader parser;
        try {
          parser = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
          throw new IOException("Cannot create an XML parser: " + e.getMessage(), e);
        }
        parser.setContentHandler(collector.handler(styles, strings));
        try {
          parser.parse(new InputSource(sheet));
        } catch (StopReading done) {
          // the sink has what it needs
        } catch (SAXException e) {
          if (!isStop(e)) {
            throw e;
          }
        }
        return;
      }
    }
    throw new IllegalArgumentException("no sheet at index " + sheetIndex);
  }

  @Override
  public void close() {
    cleanUp(pkg, temporary);
  }

  private static void cleanUp(OPCPackage pkg, List<File> temporary) {
    if (pkg != null) {
      pkg.revert(); // read-only: close without saving anything
    }
    for (File file : temporary) {
      if (!file.delete()) {
        file.deleteOnExit();
      }
    }
  }

  /** True when the workbook uses the 1904 date system ({@code <workbookPr date1904="1"/>}). */
  private static boolean readDate1904(XSSFReader reader)
      throws IOException, SAXException, InvalidFormatException {
    boolean[] date1904 = new boolean[1];
    try (InputStream workbook = reader.getWorkbookData()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
              if ("workbookPr".equals(localName)) {
                String value = atts.getValue("date1904");
                date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                throw new StopReading();
              }
              if ("sheets".equals(localName)) {
                throw new StopReading(); // workbookPr comes before the sheets, if at all
              }
            }
          });
      parser.parse(new InputSource(workbook));
    } catch (StopReading done) {
      // found what we needed
    } catch (SAXException e) {
      if (!isStop(e)) {
        throw e;
      }
    } catch (ParserConfigurationException e) {
      throw new IOException("Cannot create an XML parser: " + e.getMessage(), e);
    }
    return date1904[0];
  }

  /** Thrown from a SAX callback to end a parse early; not an error. */
  static final class StopReading extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopReading() {
      super("stop reading", null, false, false);
    }
  }

  /** True when {@code e} is, or wraps, a {@link StopReading}. */
  static boolean isStop(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StopReading) {
        return true;
      }
      if (t instanceof SAXException sax && sax.getException() instanceof StopReading) {
        return true;
      }
    }
    return false;
  }
}

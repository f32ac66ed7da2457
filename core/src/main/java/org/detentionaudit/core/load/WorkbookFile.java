package org.detentionaudit.core.load;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
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
 * deleted on {@link #close()}, so no sheet is ever held in memory. What stays in memory is the
 * shared-strings table (every distinct text of the workbook) and the styles, as Excel itself keeps.
 */
final class WorkbookFile implements Closeable {
  private final String sourceName;
  private final OPCPackage pkg;
  private final File temporaryCopy;
  private final XSSFReader reader;
  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final List<String> sheetNames;

  private WorkbookFile(
      String sourceName, OPCPackage pkg, File temporaryCopy) throws IOException, SAXException, OpenXML4JException {
    this.sourceName = sourceName;
    this.pkg = pkg;
    this.temporaryCopy = temporaryCopy;
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
   * Opens the workbook at {@code qualifiedPath}.
   *
   * @throws UnreadableInputException naming {@code sourceName} when the file is not a valid
   *     {@code .xlsx} workbook (a renamed CSV, an old {@code .xls}, a truncated zip) or cannot be read
   */
  static WorkbookFile open(Configuration configuration, String qualifiedPath, String sourceName) {
    File temporaryCopy = null;
    OPCPackage pkg = null;
    try {
      Path path = new Path(URI.create(qualifiedPath));
      FileSystem fs = path.getFileSystem(configuration);
      File local;
      if (fs instanceof LocalFileSystem || "file".equals(fs.getScheme())) {
        local = new File(path.toUri());
      } else {
        temporaryCopy = File.createTempFile("detention-audit-", ".xlsx");
        try (InputStream in = fs.open(path, 1 << 16)) {
          Files.copy(in, temporaryCopy.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
        local = temporaryCopy;
      }
      pkg = OPCPackage.open(local, PackageAccess.READ);
      return new WorkbookFile(sourceName, pkg, temporaryCopy);
    } catch (OLE2NotOfficeXmlFileException e) {
      cleanUp(pkg, temporaryCopy);
      throw new UnreadableInputException(oldFormatMessage(sourceName), e);
    } catch (IOException | SAXException | OpenXML4JException | RuntimeException e) {
      // POI wraps zip and XML failures of damaged files in several runtime exception types.
      cleanUp(pkg, temporaryCopy);
      throw new UnreadableInputException(notAWorkbookMessage(sourceName, e), e);
    }
  }

  static String oldFormatMessage(String sourceName) {
    return "Cannot read file '"
        + sourceName
        + "': it is an old binary Excel 97-2003 (.xls) workbook, which is not supported. Open it"
        + " in Excel or LibreOffice and save it as .xlsx (Excel Workbook), or save each data sheet"
        + " as CSV.";
  }

  private static String notAWorkbookMessage(String sourceName, Exception e) {
    return "Cannot read file '"
        + sourceName
        + "': it is not a valid Excel .xlsx workbook ("
        + e.getClass().getSimpleName()
        + ": "
        + e.getMessage()
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
        parser.setContentHandler(
            new XSSFSheetXMLHandler(styles, null, strings, collector, formatter, false));
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
    cleanUp(pkg, temporaryCopy);
  }

  private static void cleanUp(OPCPackage pkg, File temporaryCopy) {
    if (pkg != null) {
      pkg.revert(); // read-only: close without saving anything
    }
    if (temporaryCopy != null && !temporaryCopy.delete()) {
      temporaryCopy.deleteOnExit();
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

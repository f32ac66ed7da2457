package org.detentionaudit.core.load;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Formats numeric cells for {@link org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler} and
 * remembers, for the cell just formatted, the wall-clock value of a native Excel date cell.
 *
 * <p>A number whose cell style is a date format ({@link DateUtil#isADateFormat}) is a date: its
 * value is kept as a zone-less {@link LocalDateTime} (rounded to the millisecond, no time-zone
 * shift), to be taken with {@link #takeDate()} right after the handler formats it. Numbers in the
 * {@code General} format are written plainly ({@code 1985}, {@code 5000.5}, never {@code 1.2E+11}),
 * so identifiers stored as numbers keep every digit; other formats are formatted as Excel shows them.
 */
final class DateAwareFormatter extends DataFormatter {
  private final boolean date1904;
  private LocalDateTime lastDate;

  DateAwareFormatter(boolean date1904) {
    super(Locale.US);
    this.date1904 = date1904;
  }

  @Override
  public String formatRawCellContents(double value, int formatIndex, String formatString) {
    lastDate = null;
    if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
      lastDate = DateUtil.getLocalDateTime(value, date1904, false);
      return lastDate.toString();
    }
    if (formatIndex == 0 || formatString == null || "General".equalsIgnoreCase(formatString)) {
      return plain(value);
    }
    return super.formatRawCellContents(value, formatIndex, formatString);
  }

  /** The date of the cell formatted last, once; null when it was not a date cell. */
  LocalDateTime takeDate() {
    LocalDateTime date = lastDate;
    lastDate = null;
    return date;
  }

  static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}

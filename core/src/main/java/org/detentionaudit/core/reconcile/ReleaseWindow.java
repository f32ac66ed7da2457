package org.detentionaudit.core.reconcile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a release covers, as a Summary block's title states it: {@code FY2012 - FY2019 YTD
 * (01/01/2012 - 07/06/2019) ICE Initial Book Ins ...} covers 1 January 2012 to 6 July 2019, both
 * days included.
 *
 * @param from the first day covered
 * @param to the last day covered (not before {@code from})
 */
public record ReleaseWindow(LocalDate from, LocalDate to) {
  /** Two {@code M/d/yyyy} dates joined by a dash (any dash, spaces allowed). */
  private static final Pattern WINDOW =
      Pattern.compile(
          "(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s*[-\u2013\u2014]\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  public ReleaseWindow {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
    }
  }

  /**
   * The window written in {@code title} (the first {@code M/d/yyyy - M/d/yyyy} in it); empty when
   * the title holds none, or its dates are not real dates or run backwards.
   */
  public static Optional<ReleaseWindow> in(String title) {
    Matcher m = WINDOW.matcher(title == null ? "" : title);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      LocalDate from = date(m.group(1), m.group(2), m.group(3));
      LocalDate to = date(m.group(4), m.group(5), m.group(6));
      return to.isBefore(from) ? Optional.empty() : Optional.of(new ReleaseWindow(from, to));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static LocalDate date(String month, String day, String year) {
    return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
  }

  /**
   * The extract date this window implies: the end of its last day ({@code 23:59:59}), so that
   * every record dated on that day is inside the release and none is "after the extract".
   */
  public LocalDateTime extractDate() {
    return to.atTime(LocalTime.of(23, 59, 59));
  }
}

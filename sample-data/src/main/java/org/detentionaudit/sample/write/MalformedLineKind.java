package org.detentionaudit.sample.write;

import java.util.Locale;

/** How an injected line is broken; a loader must quarantine each of them. */
public enum MalformedLineKind {
  /** Three fields fewer than the header. */
  WRONG_FIELD_COUNT,
  /**
   * A quoted field followed by text before the next delimiter ({@code "ADLNTCA"x}), which RFC 4180
   * forbids; the line holds no line break, so it cannot swallow the next line.
   */
  BROKEN_QUOTING,
  /** The book-in column holds {@code 13/45/2020 25:61}. */
  UNPARSEABLE_DATE;

  /** The value written in the date column of an {@link #UNPARSEABLE_DATE} line. */
  public static final String UNPARSEABLE_DATE_VALUE = "13/45/2020 25:61";

  /** The name used in manifests, e.g. {@code wrong_field_count}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

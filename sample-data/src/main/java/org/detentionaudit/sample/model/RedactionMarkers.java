package org.detentionaudit.sample.model;

import java.util.List;

/** The redaction markers ICE writes into cells (docs/formats-and-layouts.md), spelled exactly as released. */
public final class RedactionMarkers {

  /** Privacy redactions, as found in person and case columns. */
  public static final List<String> PRIVACY =
      List.of("(b)(6), (b)(7)c", "(b)(6),(b)(7)c)", "(b)(6), (b)(7)(c) (b)(7)(e)", "b(6), b(7)C");

  /** Trade-secret redaction, e.g. on per-diem rates. */
  public static final String TRADE_SECRET = "b)(4)";

  private RedactionMarkers() {}

  /** Whether {@code value}, trimmed, is one of the released markers; false for null. */
  public static boolean isMarker(String value) {
    if (value == null) {
      return false;
    }
    String trimmed = value.trim();
    return PRIVACY.contains(trimmed) || TRADE_SECRET.equals(trimmed);
  }
}

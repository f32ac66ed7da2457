package org.detentionaudit.core.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Shortens a person identifier for pages meant for reading: the first 10 hex digits of its SHA-256,
 * prefixed {@code #}. The same id gives the same hash within and across reports, so rows of one
 * person can be matched, but the id itself is not shown. (An id space small enough to enumerate can
 * be reversed by brute force; the report is not a means of anonymization, only of not displaying
 * identifiers.)
 */
public final class PersonHash {
  private PersonHash() {}

  /** The hash of {@code personId}, or an empty string for null. */
  public static String of(String personId) {
    if (personId == null) {
      return "";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(personId.getBytes(StandardCharsets.UTF_8));
      return "#" + HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}

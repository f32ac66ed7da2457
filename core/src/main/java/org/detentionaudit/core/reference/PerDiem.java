package org.detentionaudit.core.reference;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.detentionaudit.core.normalize.MissingValueMarker;
import org.detentionaudit.core.normalize.RedactionMarker;

/**
 * A facility's per-diem rate (dollars per detained person per day) as published, and the number
 * detention-audit reads from it.
 *
 * <p>ICE's list writes the rate as free text. How it is read ({@link #of(String)}):
 *
 * <ul>
 *   <li>a plain number ({@code 63.00}, {@code 63}) is the rate: {@link Kind#RATE};
 *   <li>a redaction marker ({@code b)(4)}, exemption 4: trade secret) means the rate exists but is
 *       withheld: {@link Kind#REDACTED}, no rate, the cost cannot be known;
 *   <li>{@code Not ICE Funded} means ICE pays no per-diem: {@link Kind#NOT_ICE_FUNDED}, no rate;
 *   <li>empty, {@code NA} or null means the list gives none: {@link Kind#NONE}, no rate;
 *   <li>any other text holding a number is a tiered or conditional rate such as {@code 118.00
 *       [Pending: 40 (GM); 123.48 (1-40) 118.00 (41-130)]} or {@code 50 (GM); 87.00 (1-50) 25.00
 *       (51-72)}: {@link Kind#TIERED}, and the rate is the <em>first number written with cents</em>
 *       ({@code 118.00}, {@code 87.00}), which skips the guaranteed-minimum bed counts marked
 *       {@code (GM)} that often come first; when no number has cents, the first number. This is an
 *       approximation (the first tier, or the first population listed) and {@link #text()} keeps the
 *       whole published text;
 *   <li>text without any number is {@link Kind#NONE}.
 * </ul>
 *
 * @param kind how the text was read
 * @param rate dollars per person per day; null unless {@code kind} is {@link Kind#RATE} or {@link
 *     Kind#TIERED}
 * @param text the published text, trimmed; empty when none was given
 */
public record PerDiem(Kind kind, Double rate, String text) {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("\\$?\\s*\\d+(?:\\.\\d+)?");
  private static final Pattern NUMBER_WITH_CENTS = Pattern.compile("(?<![\\d.])\\d+\\.\\d{2}(?![\\d.])");
  private static final Pattern ANY_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  /** How a published per-diem text was read. */
  public enum Kind {
    /** A plain number: the rate. */
    RATE,
    /** Tiered or conditional text: the rate is an approximation (see {@link PerDiem}). */
    TIERED,
    /** Withheld under a FOIA exemption (usually {@code b)(4)}): the cost cannot be known. */
    REDACTED,
    /** {@code Not ICE Funded}: ICE pays no per-diem. */
    NOT_ICE_FUNDED,
    /** No rate given. */
    NONE
  }

  public PerDiem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if ((rate != null) != (kind == Kind.RATE || kind == Kind.TIERED)) {
      throw new IllegalArgumentException("a per-diem of kind " + kind + " cannot have rate " + rate);
    }
  }

  /** Reads a published per-diem text (null allowed: {@link Kind#NONE}). */
  public static PerDiem of(String published) {
    String text = published == null ? "" : published.trim();
    if (MissingValueMarker.isMissing(text)) {
      return new PerDiem(Kind.NONE, null, text);
    }
    if (RedactionMarker.isRedaction(text)) {
      return new PerDiem(Kind.REDACTED, null, text);
    }
    if (text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").equals("not ice funded")) {
      return new PerDiem(Kind.NOT_ICE_FUNDED, null, text);
    }
    if (PLAIN_NUMBER.matcher(text).matches()) {
      return new PerDiem(Kind.RATE, Double.parseDouble(text.replace("$", "").trim()), text);
    }
    Matcher cents = NUMBER_WITH_CENTS.matcher(text);
    if (cents.find()) {
      return new PerDiem(Kind.TIERED, Double.parseDouble(cents.group()), text);
    }
    Matcher any = ANY_NUMBER.matcher(text);
    if (any.find()) {
      return new PerDiem(Kind.TIERED, Double.parseDouble(any.group()), text);
    }
    return new PerDiem(Kind.NONE, null, text);
  }

  /** True when the rate was withheld ({@code b)(4)}): the facility's cost cannot be known. */
  public boolean redacted() {
    return kind == Kind.REDACTED;
  }
}

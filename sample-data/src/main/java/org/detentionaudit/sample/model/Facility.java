package org.detentionaudit.sample.model;

import java.util.Objects;

/**
 * A detention facility as released: its DETLOC code, its name, the 3-letter area of responsibility,
 * a facility type and ICE's 2017 {@code over_under_72} mark ({@code Under 72}, {@code Over 72}),
 * the last three empty when the reference lists do not say.
 */
public record Facility(String code, String name, String aorCode, String type, String overUnder72) {
  /** The 2017 list's mark for facilities holding people less than 72 hours. */
  public static final String UNDER_72 = "Under 72";
  /** The 2017 list's mark for facilities of longer detention. */
  public static final String OVER_72 = "Over 72";

  public Facility {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    aorCode = aorCode == null ? "" : aorCode;
    type = type == null ? "" : type;
    overUnder72 = overUnder72 == null ? "" : overUnder72;
  }

  /** A facility without an {@code over_under_72} mark. */
  public Facility(String code, String name, String aorCode, String type) {
    this(code, name, aorCode, type, "");
  }

  /** ICE's 2017 list marks it {@code Under 72}: people are held there less than 72 hours. */
  public boolean isUnder72Hours() {
    return UNDER_72.equals(overUnder72);
  }

  /** Hold rooms ({@code <city>HOLD}) keep people for hours, not weeks. */
  public boolean isHoldRoom() {
    return code.endsWith("HOLD") || "HOLD".equals(type);
  }
}

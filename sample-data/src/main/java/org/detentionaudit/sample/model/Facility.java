package org.detentionaudit.sample.model;

import java.util.Objects;

/**
 * A detention facility as released: its DETLOC code, its name, the 3-letter area of responsibility
 * and a facility type, the last two empty when the reference lists do not say.
 */
public record Facility(String code, String name, String aorCode, String type) {

  public Facility {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    aorCode = aorCode == null ? "" : aorCode;
    type = type == null ? "" : type;
  }

  /** Hold rooms ({@code <city>HOLD}) keep people for hours, not weeks. */
  public boolean isHoldRoom() {
    return code.endsWith("HOLD") || "HOLD".equals(type);
  }
}

package org.detentionaudit.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How serious a rule's FAIL is. Ordered from most to least serious, so {@code --fail-on warning}
 * means "a rule of severity warning or error ends in FAIL".
 */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  INFO("info");

  private final String code;

  Severity(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** True when this severity is at least as serious as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  /** Parses {@code error}, {@code warning} or {@code info}, ignoring case. */
  public static Severity fromCode(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(s -> s.code.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown severity '"
                        + code
                        + "'; expected one of "
                        + Arrays.stream(values()).map(Severity::code).collect(Collectors.joining(", "))));
  }
}

package org.detentionaudit.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which reporting question a rule bears on (docs/output-contract.md: where, how long, cost, status, identity). */
public enum Question {
  WHERE("where"),
  HOW_LONG("how_long"),
  COST("cost"),
  STATUS("status"),
  IDENTITY("identity");

  private final String code;

  Question(String code) {
    this.code = code;
  }

  /** The value written to outputs, e.g. {@code how_long}. */
  public String code() {
    return code;
  }

  /** Parses a code such as {@code how_long}; throws IllegalArgumentException naming the choices. */
  public static Question fromCode(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(q -> q.code.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown question '"
                        + code
                        + "'; expected one of "
                        + Arrays.stream(values()).map(Question::code).collect(Collectors.joining(", "))));
  }
}

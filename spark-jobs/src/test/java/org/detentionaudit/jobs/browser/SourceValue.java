package org.detentionaudit.jobs.browser;

/**
 * What a traced number claims from the outputs: a value, or why there is none.
 *
 * @param value a number, a date's text, or null (a null source value); meaningless when {@code
 *     problem} is set
 * @param problem why the claim leads to no value (an unknown column, no matching row, ...), or null
 */
record SourceValue(Object value, String problem) {
  static SourceValue of(Object value) {
    return new SourceValue(value, null);
  }

  static SourceValue problem(String problem) {
    return new SourceValue(null, problem);
  }
}

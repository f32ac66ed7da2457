package org.detentionaudit.rules;

import java.util.List;

/**
 * A rule catalog or a user's rules file that cannot be used. The message names the file, each
 * offending rule and the problem, one per line, so the user can fix them all at once.
 */
public class RuleCatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public RuleCatalogException(String source, List<String> problems) {
    super("Cannot use rules file " + source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem found, e.g. {@code rule 'status.unknown': warn_at (0.5) must not exceed fail_at (0.1)}. */
  public List<String> problems() {
    return problems;
  }
}

package org.detentionaudit.jobs;

/** Exit statuses of the command (docs/output-contract.md, "Exit status"). */
public final class ExitCodes {
  /** The audit ran; findings are the product, not a failure. */
  public static final int OK = 0;
  /** A rule of the {@code --fail-on} severity or worse ended in FAIL. */
  public static final int RULES_FAILED = 1;
  /** A usage or input error: the message names the file, the problem and the fix. */
  public static final int USAGE_OR_INPUT = 2;
  /** An unexpected internal error (a bug): details are in the log. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}

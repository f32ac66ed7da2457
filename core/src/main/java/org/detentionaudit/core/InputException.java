package org.detentionaudit.core;

/**
 * A problem with the user's input (a file, a folder, an option) that the user can fix.
 *
 * <p>The message is the whole explanation a user sees, in the form {@code Cannot <verb> <thing>:
 * <reason>. <what to do>}, and names the file. The command line prints it without a stack trace
 * and exits with status 2.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}

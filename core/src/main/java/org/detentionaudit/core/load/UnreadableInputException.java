package org.detentionaudit.core.load;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;
import org.detentionaudit.core.InputException;

/**
 * An input file that cannot be read to its end (truncated or damaged gzip, I/O failure), raised
 * inside a Spark task. It is serializable so it travels back to the driver inside Spark's failure,
 * where {@link InputLoader} turns it into an {@link InputException} with the same message.
 */
final class UnreadableInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnreadableInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The user-facing explanation of an I/O failure while reading {@code sourceName}. */
  static UnreadableInputException forIoFailure(String sourceName, boolean gzip, IOException e) {
    String message;
    if (e instanceof UndecodableTextException) {
      message = "Cannot read file '" + sourceName + "': " + e.getMessage() + ".";
    } else if (gzip && e instanceof EOFException) {
      message =
          "Cannot read file '"
              + sourceName
              + "': the gzip data ends early, so the file is truncated. Copy or download it again"
              + " (check with 'gzip -t').";
    } else if (gzip && e instanceof ZipException) {
      message =
          "Cannot read file '"
              + sourceName
              + "': it is not valid gzip data ("
              + e.getMessage()
              + "). Copy or download it again, or remove the .gz extension if it is plain text.";
    } else {
      message =
          "Cannot read file '"
              + sourceName
              + "': "
              + describe(e)
              + ". Check that the file is readable and complete.";
    }
    return new UnreadableInputException(message, e);
  }

  /**
   * What went wrong, in the library's own words but without Java class names (a reader of the
   * console message needs the problem, not {@code SAXParseException}): the message of the error,
   * or of its first cause that has one, without a trailing full stop.
   */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        return message.strip().replaceAll("[.\\s]+$", "");
      }
    }
    return "the content could not be read";
  }

  InputException toInputException() {
    return new InputException(getMessage(), this);
  }
}

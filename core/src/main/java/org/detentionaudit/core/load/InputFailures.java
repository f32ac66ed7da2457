package org.detentionaudit.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.spark.SparkThrowable;
import org.detentionaudit.core.InputException;

/**
 * Turns a failure that reached the driver from a Spark job into the {@link InputException} it
 * stands for when an input file caused it, and leaves every other failure as it is (a bug stays a
 * bug).
 *
 * <p>Spark wraps what a task throws ({@code SparkException} → {@code SparkException} → ...), so the
 * cause chain is searched for two shapes only:
 *
 * <ul>
 *   <li>an {@link UnreadableInputException} raised by our own text and workbook readers;
 *   <li>Spark's own "cannot read this file" errors, {@code CANNOT_READ_FILE_FOOTER} (the Parquet
 *       footer could not be read) and {@code _LEGACY_ERROR_TEMP_2064} ("Encountered error while
 *       reading file"), or Parquet's "is not a Parquet file", when the cause below them is a
 *       Parquet decoding error or an {@link IOException}. Spark raises these only around the file
 *       reader, never around our expressions, so a bug in the audit is not mistaken for a bad file.
 * </ul>
 */
public final class InputFailures {
  private static final String FOOTER_ERROR = "CANNOT_READ_FILE_FOOTER";
  private static final String READ_ERROR = "_LEGACY_ERROR_TEMP_2064";
  private static final Pattern NOT_PARQUET = Pattern.compile("^(\\S.*) is not a Parquet file");
  private static final Pattern READ_PATH =
      Pattern.compile("(?:reading file|for file:) (\\S+?)\\.(?: |$)");
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private InputFailures() {}

  /**
   * The {@link InputException} that {@code failure} stands for, or {@code failure} itself (checked
   * exceptions wrapped in an {@link IllegalStateException}) when no input file caused it.
   */
  public static RuntimeException translate(Throwable failure) {
    return explain(failure)
        .map(RuntimeException.class::cast)
        .orElseGet(
            () ->
                failure instanceof RuntimeException runtime
                    ? runtime
                    : failure instanceof Error error
                        ? rethrow(error)
                        : new IllegalStateException(String.valueOf(failure.getMessage()), failure));
  }

  private static RuntimeException rethrow(Error error) {
    throw error;
  }

  /** The input problem {@code failure} stands for, if an input file caused it. */
  public static Optional<InputException> explain(Throwable failure) {
    String path = null;
    boolean footer = false;
    boolean readError = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputException input) {
        return Optional.of(input);
      }
      if (cause instanceof UnreadableInputException unreadable) {
        return Optional.of(unreadable.toInputException());
      }
      if (cause instanceof SparkThrowable spark && spark.getErrorClass() != null) {
        Map<String, String> parameters = spark.getMessageParameters();
        if (FOOTER_ERROR.equals(spark.getErrorClass())) {
          footer = true;
          path = path != null ? path : parameters.get("file");
        } else if (READ_ERROR.equals(spark.getErrorClass())) {
          readError = true;
          path = path != null ? path : parameters.get("path");
        }
      }
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      Matcher notParquet = NOT_PARQUET.matcher(message);
      if (cause instanceof RuntimeException && notParquet.find()) {
        return Optional.of(footerProblem(path != null ? path : notParquet.group(1), cause));
      }
      if (footer && cause instanceof IOException) {
        return Optional.of(footerProblem(path, cause));
      }
      if (readError
          && (cause instanceof ParquetDecodingException || cause instanceof IOException)) {
        return Optional.of(corruptPage(path == null ? pathIn(message) : path, rootMessage(cause), cause));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    if (footer) {
      return Optional.of(footerProblem(path, failure));
    }
    return Optional.empty();
  }

  /**
   * The problem with a Parquet file whose footer could not be read: not Parquet at all (it does
   * not begin with {@code PAR1}), or a Parquet file cut short.
   */
  static InputException footerProblem(String path, Throwable cause) {
    String shown = shown(path);
    Optional<Boolean> startsAsParquet = startsWithMagic(path);
    if (startsAsParquet.isPresent() && !startsAsParquet.get()) {
      return new InputException(
          "Cannot read Parquet file '"
              + shown
              + "': it is not a Parquet file (it does not begin with the Parquet marker PAR1), although"
              + " its name or folder says so. Give it the extension of its real format (e.g. .csv),"
              + " or export it again as Parquet.",
          cause);
    }
    return new InputException(
        "Cannot read Parquet file '"
            + shown
            + "': it is not a readable Parquet file: the footer (the schema and index at the end of"
            + " the file) is missing or truncated, so the file was most likely cut short while being"
            + " copied or written. Download or export it again, or convert it to CSV.",
        cause);
  }

  private static InputException corruptPage(String path, String detail, Throwable cause) {
    return new InputException(
        "Cannot read Parquet file '"
            + shown(path)
            + "': a data page is corrupt ("
            + detail
            + "), so some of its values cannot be decoded. Download or export it again, or convert"
            + " it to CSV.",
        cause);
  }

  /** The first line of the outermost message (Parquet's names the column), else the root's. */
  private static String rootMessage(Throwable cause) {
    if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
      String message = cause.getMessage().strip();
      int end = message.indexOf('\n');
      return end < 0 ? message : message.substring(0, end);
    }
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static String pathIn(String message) {
    Matcher matcher = READ_PATH.matcher(message);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** A local path as the user would type it; other URIs as they are, decoded. */
  static String shown(String pathOrUri) {
    if (pathOrUri == null) {
      return "(a Parquet input)";
    }
    try {
      URI uri = new URI(pathOrUri);
      if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
        return uri.getPath() == null ? pathOrUri : uri.getPath().replaceAll("/+", "/");
      }
      return pathOrUri;
    } catch (URISyntaxException notEncoded) {
      return pathOrUri.startsWith("file:") ? new Path(pathOrUri).toUri().getPath() : pathOrUri;
    }
  }

  /** Whether the file begins with {@code PAR1}; empty when it cannot be opened. */
  private static Optional<Boolean> startsWithMagic(String pathOrUri) {
    if (pathOrUri == null) {
      return Optional.empty();
    }
    try {
      Path path = new Path(URI.create(pathOrUri));
      FileSystem fs = path.getFileSystem(new Configuration());
      try (InputStream in = fs.open(path)) {
        byte[] head = in.readNBytes(MAGIC.length);
        return Optional.of(Arrays.equals(head, MAGIC));
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

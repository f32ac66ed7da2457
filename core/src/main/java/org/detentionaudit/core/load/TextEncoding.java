package org.detentionaudit.core.load;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.detentionaudit.core.InputException;

/**
 * The character encoding a text input is read in, and how it was chosen.
 *
 * <p>Detection ({@link #detect}) looks at the first {@value #SAMPLE_BYTES} bytes of the file (after
 * gunzip): a UTF-8 or UTF-16 byte-order mark decides; else a sample that is valid UTF-8 (pure ASCII
 * included) is UTF-8, and any other sample is read as windows-1252, the encoding Excel on Windows
 * saves CSV in. A byte-order mark also wins over an encoding given by the user: it cannot be the
 * start of text in another encoding.
 *
 * @param charsetName the Java name of the charset ({@code UTF-8}, {@code windows-1252}, {@code
 *     ISO-8859-1}, {@code UTF-16LE}, ...)
 * @param origin how it was chosen, in words: one of the constants of this class
 */
public record TextEncoding(String charsetName, String origin) implements Serializable {
  /** Bytes looked at to detect the encoding: 4 MiB. */
  public static final int SAMPLE_BYTES = 4 << 20;

  public static final String GIVEN = "given with --encoding";
  public static final String BYTE_ORDER_MARK = "byte-order mark";
  public static final String VALID_UTF8 = "detected: valid UTF-8";
  public static final String NOT_UTF8 = "detected: not valid UTF-8";

  private static final long serialVersionUID = 1L;
  private static final String WINDOWS_1252 = "windows-1252";

  public TextEncoding {
    Objects.requireNonNull(charsetName, "charsetName");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * The encoding the user named, checked now (before any data is read).
   *
   * @param name a charset name Java knows (any case, aliases accepted: {@code cp1252}, {@code
   *     latin1}); null, blank or {@code auto} detects
   * @return null when the encoding is to be detected
   * @throws InputException naming the value and what to write instead when Java does not know it
   */
  public static TextEncoding given(String name) {
    if (name == null || name.isBlank() || name.trim().equalsIgnoreCase("auto")) {
      return null;
    }
    try {
      return new TextEncoding(Charset.forName(name.trim()).name(), GIVEN);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InputException(
          "Cannot use --encoding "
              + name
              + ": this is not a character encoding Java knows. Give a name such as UTF-8,"
              + " windows-1252 (Excel on Windows), ISO-8859-1 or UTF-16, or leave --encoding out"
              + " to detect it.");
    }
  }

  /**
   * The encoding of a file that starts with {@code sample}.
   *
   * @param sample the first bytes of the file (decompressed), at most {@link #SAMPLE_BYTES}
   * @param wholeFile whether the sample is the whole file (else a character may be cut at its end)
   * @param given the user's encoding, or null to detect
   */
  static TextEncoding detect(byte[] sample, boolean wholeFile, TextEncoding given) {
    if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
      return new TextEncoding(StandardCharsets.UTF_8.name(), BYTE_ORDER_MARK);
    }
    if (startsWith(sample, 0xFF, 0xFE)) {
      return new TextEncoding(StandardCharsets.UTF_16LE.name(), BYTE_ORDER_MARK);
    }
    if (startsWith(sample, 0xFE, 0xFF)) {
      return new TextEncoding(StandardCharsets.UTF_16BE.name(), BYTE_ORDER_MARK);
    }
    if (given != null) {
      return given;
    }
    return isUtf8(sample, wholeFile)
        ? new TextEncoding(StandardCharsets.UTF_8.name(), VALID_UTF8)
        : new TextEncoding(WINDOWS_1252, NOT_UTF8);
  }

  private static boolean startsWith(byte[] sample, int... prefix) {
    if (sample.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((sample[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code sample} decodes as UTF-8 without error (a character cut at the end is fine). */
  static boolean isUtf8(byte[] sample, boolean wholeFile) {
    CharsetDecoder decoder = strictDecoder(StandardCharsets.UTF_8);
    ByteBuffer in = ByteBuffer.wrap(sample);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    while (true) {
      CoderResult result = decoder.decode(in, out, wholeFile);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return !wholeFile || !decoder.flush(out).isError();
      }
      out.clear();
    }
  }

  /** A decoder of this encoding that reports bytes it cannot read, never replacing them. */
  CharsetDecoder strictDecoder() {
    return strictDecoder(charset());
  }

  private static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The charset (resolved again after deserialization: {@link Charset} is not serializable). */
  Charset charset() {
    return Charset.forName(charsetName);
  }

  /**
   * Whether lines can be split on the bytes {@code \n} and {@code \r} before decoding: the charset
   * writes ASCII as the same single bytes (UTF-8, windows-1252, ISO-8859-x; not UTF-16).
   */
  boolean asciiCompatible() {
    byte[] ascii = new byte[128];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) i;
    }
    String decoded = new String(ascii, charset());
    return decoded.equals(new String(ascii, StandardCharsets.ISO_8859_1))
        && Arrays.equals(decoded.getBytes(charset()), ascii);
  }

  /** The encoding and its origin as the report shows them: {@code windows-1252 (detected: ...)}. */
  public String describe() {
    return charsetName + " (" + origin + ")";
  }

  /** What to suggest when a line is not valid in this encoding. */
  String suggestion() {
    return charsetName.toUpperCase(Locale.ROOT).equals("UTF-8")
        ? "if the file is in another encoding, rerun with --encoding NAME (e.g. --encoding"
            + " windows-1252 for a CSV saved by Excel on Windows)"
        : "rerun with --encoding NAME naming the file's real encoding (--encoding ISO-8859-1"
            + " reads every byte)";
  }
}

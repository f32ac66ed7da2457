package org.detentionaudit.core;

import java.io.IOException;
import java.util.Locale;

/**
 * A test hook: makes a run fail, or stall, at a chosen point, so that tests can check what a bug,
 * a failed write or a killed run leaves behind (exit status, no output folder, no staging folder,
 * no lock). Off unless the system property {@value #PROPERTY} names a {@link Point} (in lower
 * case: {@code audit}, {@code write}, {@code stall_write}, {@code history_append}); nothing reads it otherwise.
 */
public final class FaultInjection {
  /** The system property naming the point at which to fail. */
  static final String PROPERTY = "detention.audit.fault";

  /** Where a run can be made to fail. */
  public enum Point {
    /** An unexpected {@link IllegalStateException} after loading, as a bug would throw. */
    AUDIT,
    /** An {@link IOException} while writing the outputs, after the first table was written. */
    WRITE,
    /** The writing thread sleeps (for a test to kill the process) after the first table. */
    STALL_WRITE,
    /** An {@link IOException} while appending a run to its history, after the output is committed. */
    HISTORY_APPEND
  }

  private FaultInjection() {}

  /** Fails as {@link #PROPERTY} asks when it names {@code point}, else does nothing. */
  public static void at(Point point) {
    String wanted = System.getProperty(PROPERTY);
    if (wanted == null || !wanted.toUpperCase(Locale.ROOT).equals(point.name())) {
      return;
    }
    switch (point) {
      case AUDIT -> throw new IllegalStateException("Injected fault (" + PROPERTY + "=audit)");
      case WRITE -> throw new java.io.UncheckedIOException(
          new IOException("Injected fault (" + PROPERTY + "=write): no space left on device"));
      case HISTORY_APPEND -> throw new java.io.UncheckedIOException(
          new IOException("Injected fault (" + PROPERTY + "=history_append): no space left on device"));
      case STALL_WRITE -> {
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}

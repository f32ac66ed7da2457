package org.detentionaudit.core.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.detentionaudit.core.AuditResult;
import org.detentionaudit.core.DetentionAudit;
import org.detentionaudit.core.testing.SharedSpark;

/**
 * The audit output of the committed DDP 2025 sample (2,500 records), written once per test JVM by
 * the real writer; tests read it or alter copies of it, never it.
 */
final class SampleAudit {
  static final Path SAMPLE = Path.of("..", "sample-data", "samples", "ddp-2025", "ddp-2025.csv");
  private static Path folder;

  private SampleAudit() {}

  static synchronized Path folder() {
    if (folder == null) {
      try {
        Path out = Files.createTempDirectory("sample-audit").resolve("audit-out");
        try (AuditResult result =
            DetentionAudit.on(SharedSpark.session()).input(SAMPLE.toString()).runDate(LocalDate.of(2026, 1, 1)).run()) {
          result.write(out.toString(), false);
        }
        folder = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }
}

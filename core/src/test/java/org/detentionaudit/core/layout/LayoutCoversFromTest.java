package org.detentionaudit.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.detentionaudit.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutCoversFromTest {
  private static final String LAYOUT =
      "name: mine\nmax_preamble_lines: 0\ndate_formats: ['M/d/yyyy']\nfields:\n  book_in: [Book In Date]\n";

  @TempDir Path dir;

  @Test
  void builtInLayoutsNamedForFiscalYearsStartTheirWindowOnTheFirstDay() {
    LayoutCatalog catalog = LayoutCatalog.builtIn();
    assertThat(catalog.find("uwchr-2012-2024").orElseThrow().coversFrom()).contains(LocalDate.of(2011, 10, 1));
    assertThat(catalog.find("trac-2001-2009").orElseThrow().coversFrom()).contains(LocalDate.of(2000, 10, 1));
    assertThat(catalog.find("ddp-2025").orElseThrow().coversFrom()).isEmpty();
  }

  @Test
  void aLayoutFileMayGiveItsWindowStartAsAnIsoDate() throws IOException {
    Path file = Files.writeString(dir.resolve("mine.yaml"), LAYOUT + "covers_from: 2023-09-01\n");
    Layout layout = LayoutCatalog.builtIn().withLayoutFiles(List.of(file)).find("mine").orElseThrow();
    assertThat(layout.coversFrom()).contains(LocalDate.of(2023, 9, 1));
  }

  @Test
  void aWindowStartThatIsNotADateIsRefusedNamingTheFileAndTheFix() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), LAYOUT + "covers_from: FY2012\n");
    assertThatThrownBy(() -> LayoutCatalog.builtIn().withLayoutFiles(List.of(file)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("covers_from 'FY2012'")
        .hasMessageContaining("YYYY-MM-DD");
  }
}

package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.detentionaudit.core.load.Ddp2025Rows.headerLine;
import static org.detentionaudit.core.load.Ddp2025Rows.placement;
import static org.detentionaudit.core.load.Ddp2025Rows.rowLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.detentionaudit.core.InputException;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class InputErrorsTest {
  @TempDir Path dir;
  private final InputLoader loader = new InputLoader(SharedSpark.session(), LayoutCatalog.builtIn());

  private void load(Path... inputs) {
    loader.load(Arrays.stream(inputs).map(Path::toString).toList(), Optional.empty()).unpersist();
  }

  private Path write(String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  @Test
  void missingPathNamesThePath() {
    Path missing = dir.resolve("no-such-release.csv");
    assertThatThrownBy(() -> load(missing))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot read input '"
                + missing
                + "': the path does not exist. Check the spelling and the working directory.");
  }

  @Test
  void emptyFileIsRefused() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    assertThatThrownBy(() -> load(empty))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Cannot read file '" + empty + "': it is empty");
  }

  @Test
  void headerOnlyFileIsRefused() throws IOException {
    Path headerOnly = write("header-only.csv", List.of(headerLine(',', false), ""));
    assertThatThrownBy(() -> load(headerOnly))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "Cannot load input '" + headerOnly + "': it has a header but no data rows.");
  }

  @Test
  void columnsMatchingNoLayoutAreListedWithTheNearestLayout() throws IOException {
    Path arrests =
        write("arrests.csv", List.of("Apprehension Date,Apprehension Method,Gender", "1/2/2020,Y,Male"));
    assertThatThrownBy(() -> load(arrests))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "Cannot detect the layout of '"
                + arrests
                + "': its columns match no known layout. Columns found: ['Apprehension Date',"
                + " 'Apprehension Method', 'Gender']. Nearest layout 'ddp-2026-03' lacks:"
                + " ['Anonymized Identifier', 'Stay Book In Date Time'");
  }

  @Test
  void truncatedGzipIsAnInputErrorNamingTheFile() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(headerLine(',', false));
    for (int i = 0; i < 5000; i++) {
      lines.add(rowLine(placement("P" + i), ',', false));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = bytes.toByteArray();
    Path truncated =
        Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> load(truncated))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot read file '"
                + truncated
                + "': the gzip data ends early, so the file is truncated. Copy or download it"
                + " again (check with 'gzip -t').");
  }

  @Test
  void gzipThatIsNotGzipIsAnInputError() throws IOException {
    Path fake = write("plain-text.csv.gz", List.of(headerLine(',', false)));
    assertThatThrownBy(() -> load(fake))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Cannot read file '" + fake + "': it is not valid gzip data");
  }

  @Test
  void unsupportedExtensionIsRefused() throws IOException {
    Path document = write("release.ods", List.of("PK"));
    assertThatThrownBy(() -> load(document))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot read file '"
                + document
                + "': this file type is not supported. Pass .csv, .txt (comma, pipe or tab), .tsv,"
                + " their .gz, .xlsx workbooks, or Parquet files.");
  }

  @Test
  void unknownForcedLayoutListsTheKnownOnes() throws IOException {
    Path csv = write("ok.csv", List.of(headerLine(',', false), rowLine(placement("P1"), ',', false)));
    assertThatThrownBy(() -> loader.load(List.of(csv.toString()), Optional.of("ddp-1999")))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Cannot use layout 'ddp-1999': no layout has this name. Use 'auto' or one of:"
                + " ddp-2025, ddp-2026-03, ice-2010-extract, ice-2012-2023, ice-history-2010-2014,"
                + " ice-initial-book-ins, trac-2001-2009, uwchr-2012-2024.");
  }

  @Test
  void sameFileTwiceIsRefused() throws IOException {
    Path csv = write("twice.csv", List.of(headerLine(',', false), rowLine(placement("P1"), ',', false)));
    assertThatThrownBy(() -> load(csv, csv))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the same file is given twice");
  }

  @Test
  void noInputIsRefused() {
    assertThatThrownBy(() -> loader.load(List.of(), Optional.empty()))
        .isInstanceOf(InputException.class)
        .hasMessage("Cannot load inputs: no input path was given. Pass at least one --input PATH.");
  }
}

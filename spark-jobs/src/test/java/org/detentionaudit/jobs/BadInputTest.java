package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.core.testing.TestWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad input exits 2 with one paragraph naming the file and the problem, no stack trace, and
 * leaves no output folder.
 */
@ExtendWith(SharedSpark.class)
class BadInputTest {
  private static final String DDP_HEADER =
      "Stay Book In Date Time,Book In Date Time,Detention Facility,Detention Facility Code,"
          + "Detention Book Out Date Time,Stay Book Out Date Time,Detention Release Reason,"
          + "Stay Book Out Date,Stay Release Reason,Gender,Unique Identifier";
  private static final String DDP_ROW =
      "2024-01-01 10:00:00,2024-01-01 10:00:00,ADELANTO ICE PROCESSING CENTER,ADLNTCA,"
          + "2024-01-09 10:00:00,2024-01-09 10:00:00,Removed,2024-01-09,Removed,Male,P1";

  @TempDir Path dir;

  @Test
  void pathThatDoesNotExist() {
    expectInputError(dir.resolve("no-such-file.csv"), "no-such-file.csv", "does not exist");
  }

  @Test
  void emptyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.csv"), "");
    expectInputError(file, "empty.csv", "empty");
  }

  @Test
  void headerOnlyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("header-only.csv"), DDP_HEADER + "\n");
    expectInputError(file, "header-only.csv", "no data rows");
  }

  @Test
  void columnsMatchingNoLayoutListWhatWasFoundAndWhatIsMissing() throws IOException {
    Path file = Files.writeString(dir.resolve("arrests.csv"), "Apprehension Date,Apprehension Method,Gender\n1/2/2020,Patrol,Male\n");
    CommandRun run = expectInputError(file, "arrests.csv", "match no known layout");
    assertThat(run.err()).contains("Apprehension Method").contains("Nearest layout").contains("lacks");
  }

  @Test
  void truncatedGzip() throws IOException {
    Path whole = dir.resolve("whole.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      StringBuilder text = new StringBuilder(DDP_HEADER).append('\n');
      for (int i = 0; i < 20_000; i++) {
        text.append(DDP_ROW.replace("P1", "P" + i)).append('\n');
      }
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    expectInputError(truncated, "truncated.csv.gz", "truncated");
  }

  @Test
  void passwordProtectedWorkbook() throws IOException {
    Path plain = agencyWorkbook("plain.xlsx");
    Path encrypted = dir.resolve("protected.xlsx");
    TestWorkbooks.encrypt(plain, encrypted, "s3cret");
    CommandRun run = expectInputError(encrypted, "protected.xlsx", "protected by a password to open (encrypted)");
    assertThat(run.err()).contains("save an unprotected copy").doesNotContain("97-2003");
  }

  @Test
  void zipBombWorkbookSaysWhichGuardRefusedWhichPart() throws IOException {
    Path bomb = agencyWorkbook("bomb.xlsx");
    TestWorkbooks.zipBombStyles(bomb, 200L << 20);
    CommandRun run = expectInputError(bomb, "bomb.xlsx", "it is an Excel .xlsx workbook, but its part 'xl/styles.xml'");
    assertThat(run.err())
        .contains("inflate-ratio limit")
        .contains("save each data sheet as CSV")
        .doesNotContain("not a valid", "truncated", "give it the .csv");
  }

  private Path agencyWorkbook(String name) throws IOException {
    return TestWorkbooks.agencyBookIns(
        dir.resolve(name),
        List.of(new TestWorkbooks.BookIn(LocalDate.of(2019, 7, 6), "NORTHWEST DETENTION CENTER")),
        Map.of("FY2019 YTD", 1L));
  }

  @Test
  void existingOutputFolderWithoutOverwriteIsRefusedAndKept() throws IOException {
    Path input = Files.writeString(dir.resolve("ok.csv"), DDP_HEADER + "\n" + DDP_ROW + "\n");
    Path output = Files.createDirectories(dir.resolve("existing"));
    Files.writeString(output.resolve("keep.txt"), "mine");
    CommandRun run = CommandRun.of("audit", "--input", input.toString(), "--output", output.toString());
    assertThat(run.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err()).contains(output.toString()).contains("already exists").contains("--overwrite");
    assertThat(output.resolve("keep.txt")).hasContent("mine");
    assertOneParagraphWithoutStackTrace(run.err());

    CommandRun again = CommandRun.of("audit", "--input", input.toString(), "--output", output.toString(), "--overwrite");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(output.resolve("keep.txt")).doesNotExist();
    assertThat(output.resolve("summary.json")).exists();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void badRulesFileIsRejectedBeforeAnyDataIsRead() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  status.unknown:\n    warn_at: 2\n");
    Path output = dir.resolve("out");
    CommandRun run =
        CommandRun.of("audit", "--input", dir.resolve("missing.csv").toString(), "--rules", rules.toString(), "--output", output.toString());
    assertThat(run.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err()).contains("rules.yaml").contains("status.unknown").contains("warn_at");
    assertThat(output).doesNotExist();
  }

  @Test
  void badExtractDateAndUnknownOptionAreUsageErrors() {
    CommandRun date = CommandRun.of("audit", "--input", "x.csv", "--output", dir.resolve("o").toString(), "--extract-date", "26/06/2025");
    assertThat(date.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(date.err()).contains("--extract-date 26/06/2025").contains("YYYY-MM-DD");
    CommandRun option = CommandRun.of("audit", "--inptu", "x.csv");
    assertThat(option.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
  }

  @Test
  void badFacilityListsAreRefusedBeforeAnyDataIsRead() throws IOException {
    Path input = Files.writeString(dir.resolve("ok.csv"), DDP_HEADER + "\n" + DDP_ROW + "\n");
    expectFacilitiesError(input, dir.resolve("no-such-list.csv"), "does not exist");
    expectFacilitiesError(
        input, Files.writeString(dir.resolve("no-code.csv"), "facility_name,per_diem_rate\nX,1.00\n"), "no facility_code column");
    expectFacilitiesError(input, Files.writeString(dir.resolve("empty-list.csv"), ""), "empty");
    expectFacilitiesError(input, Files.writeString(dir.resolve("header-list.csv"), "facility_code\n"), "no data rows");
  }

  private void expectFacilitiesError(Path input, Path list, String problem) {
    Path output = dir.resolve("out-" + list.getFileName());
    CommandRun run =
        CommandRun.of("audit", "--input", input.toString(), "--facilities", list.toString(), "--output", output.toString());
    assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err()).contains(list.toString()).contains(problem).contains("facility_code");
    assertOneParagraphWithoutStackTrace(run.err());
    assertThat(output).doesNotExist();
  }

  private CommandRun expectInputError(Path input, String fileName, String problem) {
    Path output = dir.resolve("out-" + input.getFileName());
    CommandRun run = CommandRun.of("audit", "--input", input.toString(), "--output", output.toString());
    assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err()).contains(fileName).contains(problem);
    assertOneParagraphWithoutStackTrace(run.err());
    assertThat(output).doesNotExist();
    assertThat(leftovers()).isEmpty();
    return run;
  }

  private static void assertOneParagraphWithoutStackTrace(String err) {
    assertThat(err.strip()).doesNotContain("\n\n").doesNotContain("\tat ").doesNotContain("Exception");
  }

  /** Hidden staging folders a failed run might leave behind. */
  private List<Path> leftovers() {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().contains(".writing-")).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

package org.detentionaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_timestamp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.detentionaudit.core.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet input that cannot be read (cut short, a corrupt data page, not Parquet at all) or whose
 * column cannot hold its field (a book-in stored as an integer) is an input error: exit 2, one
 * paragraph naming the file, the problem and the fix, no stack trace, no output folder. Before,
 * the first three ended in exit 3 ("This is a bug") with Spark's stack trace, and the last was
 * audited with nearly every row quarantined.
 */
@ExtendWith(SharedSpark.class)
class CorruptParquetTest {
  static final Path SAMPLE = Path.of("..", "sample-data", "samples", "parquet", "ddp-2025.parquet");

  @TempDir Path dir;

  @Test
  void truncatedFooter() throws IOException {
    byte[] bytes = Files.readAllBytes(SAMPLE);
    Path file = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length - 200));
    CommandRun run = expectInputError(file);
    assertThat(run.err())
        .contains("'" + file + "'")
        .contains("footer")
        .contains("missing or truncated")
        .contains("Download or export it again, or convert it to CSV");
  }

  @Test
  void truncatedPartFileInAFolderIsNamed() throws IOException {
    // Spark reads only the first part's footer to learn the schema; the others are read later.
    Path folder = Files.createDirectories(dir.resolve("parts"));
    Files.copy(SAMPLE, folder.resolve("part-00000.parquet"));
    byte[] bytes = Files.readAllBytes(SAMPLE);
    Path cut = Files.write(folder.resolve("part-00001.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    CommandRun run = expectInputError(folder);
    assertThat(run.err()).contains(cut.toString()).contains("missing or truncated");
  }

  @Test
  void corruptDataPageInAColumnOnlyTheProfileReads() throws IOException {
    byte[] bytes = Files.readAllBytes(SAMPLE);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
      bytes[i] = (byte) 0xAB;
    }
    Path file = Files.write(dir.resolve("broken-page.parquet"), bytes);
    CommandRun run = expectInputError(file);
    assertThat(run.err())
        .contains("'" + file + "'")
        .contains("a data page is corrupt")
        .contains("Download or export it again, or convert it to CSV");
  }

  @Test
  void corruptPageInTheMiddleOfAnAuditedColumnChunk() throws IOException {
    Path file = withCorruptChunk(dir.resolve("broken-book-in.parquet"), "book_in_date_time");
    CommandRun run = expectInputError(file);
    assertThat(run.err()).contains("'" + file + "'").contains("a data page is corrupt");
  }

  /**
   * A copy of the sample whose column chunk of {@code column} has 64 bytes overwritten in its
   * middle (a page broken while the rest of the file, footer included, is intact).
   */
  static Path withCorruptChunk(Path copy, String column) throws IOException {
    long start;
    long size;
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(SAMPLE.toAbsolutePath().toUri()), new Configuration()))) {
      ColumnChunkMetaData chunk =
          reader.getFooter().getBlocks().get(0).getColumns().stream()
              .filter(c -> c.getPath().toDotString().equals(column))
              .findFirst()
              .orElseThrow();
      start = chunk.getStartingPos();
      size = chunk.getTotalSize();
    }
    byte[] bytes = Files.readAllBytes(SAMPLE);
    int middle = (int) (start + size / 2);
    for (int i = middle; i < middle + 64; i++) {
      bytes[i] = (byte) 0xAB;
    }
    return Files.write(copy, bytes);
  }

  @Test
  void textFileNamedParquet() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("really-csv.parquet"), "Book In Date Time,Detention Facility\n2024-01-01,X\n", StandardCharsets.UTF_8);
    CommandRun run = expectInputError(file);
    assertThat(run.err())
        .contains("'" + file + "'")
        .contains("it is not a Parquet file (it does not begin with the Parquet marker PAR1)")
        .contains("Give it the extension of its real format");
  }

  @Test
  void bookInStoredAsAnIntegerIsRefusedNamingTheColumnItsTypeAndTheTypesAccepted() {
    Dataset<Row> sample = SharedSpark.session().read().parquet(SAMPLE.toString());
    String bookIn =
        Stream.of(sample.columns())
            .filter(c -> c.toLowerCase().replace(" ", "_").startsWith("book_in"))
            .findFirst()
            .orElseThrow();
    Path file = dir.resolve("book-in-as-number.parquet");
    sample
        .withColumn(bookIn, unix_timestamp(col(bookIn).cast(DataTypes.TimestampType)))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(file.toString());
    CommandRun run = expectInputError(file);
    assertThat(run.err())
        .contains("book-in-as-number.parquet")
        .contains("its column '" + bookIn + "' (read as book_in) is of type bigint (a 64-bit integer, Parquet INT64)")
        .contains("book_in must be a timestamp, a date or text (string)");
  }

  @Test
  void integerPersonIdsAreStillAccepted() throws IOException {
    Dataset<Row> sample = SharedSpark.session().read().parquet(SAMPLE.toString());
    String id =
        Stream.of(sample.columns())
            .filter(c -> c.toLowerCase().contains("identifier"))
            .findFirst()
            .orElseThrow();
    Path file = dir.resolve("numeric-ids.parquet");
    sample
        .withColumn(id, org.apache.spark.sql.functions.crc32(col(id).cast(DataTypes.BinaryType)))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(file.toString());
    AuditRun run = AuditRun.of(dir.resolve("ids-out"), "--quiet", "--input", file.toString());
    assertThat(run.summary().rowsRead()).isEqualTo(2500);
  }

  private CommandRun expectInputError(Path input) {
    Path output = dir.resolve("out-" + input.getFileName());
    CommandRun run = CommandRun.of("audit", "--quiet", "--input", input.toString(), "--output", output.toString());
    assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("bug");
    assertThat(output).doesNotExist();
    assertThat(OutputFolders.hiddenLeftovers(dir)).isEmpty();
    return run;
  }
}

package org.detentionaudit.sample.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrittenFormatsTest {

  @TempDir Path dir;

  @Test
  void pipeFileKeepsPreambleAndQuotesEveryField() throws IOException {
    SampleGenerator.builder().defects(DefectProfile.HEAVY).placements(50).build().write(dir, List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.PIPE)));
    List<String> lines = Files.readAllLines(dir.resolve("ddp-2025.txt"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("\"ERO-LESA Statistical Tracking Unit\"");
    assertThat(lines.get(1)).isEqualTo("\"For Official Use Only (FOUO)/Pre-decisional\"");
    assertThat(lines.get(4)).isEmpty();
    assertThat(lines.get(6)).startsWith("\"Stay Book In Date Time\"|\"Book In Date Time\"|");
    assertThat(lines).hasSize(6 + 1 + 50);
    for (String line : lines.subList(6, lines.size())) {
      assertThat(line).startsWith("\"").endsWith("\"").doesNotContain("||");
    }
    assertThat(new String(Files.readAllBytes(dir.resolve("ddp-2025.txt")), StandardCharsets.UTF_8)).contains("\r\n");
  }

  @Test
  void parquetHasSnakeCaseNamesAndLocalMicrosTimestamps() throws IOException {
    SampleGenerator.builder().defects(DefectProfile.HEAVY).placements(20).build().write(dir, List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.PARQUET)));
    Path file = dir.resolve("ddp-2025.parquet");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ddp-2025.parquet", "manifest.json");
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      assertThat(schema.getFieldCount()).isEqualTo(37);
      PrimitiveType bookIn = schema.getType("book_in_date_time").asPrimitiveType();
      assertThat(bookIn.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT64);
      assertThat(bookIn.getLogicalTypeAnnotation())
          .isEqualTo(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS));
      assertThat(schema.getType("detention_facility_code").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
      assertThat(schema.getType("stay_book_out_date").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.dateType());
      assertThat(schema.containsField("most_serious_conviction_msc_charge_code")).isTrue();
      assertThat(reader.getRecordCount()).isEqualTo(20);
    }
  }

  @Test
  void malformedLinesSitAtTheirSourceRowsAndAreBroken() throws IOException {
    Manifest manifest =
        SampleGenerator.builder().defects(DefectProfile.HEAVY).seed(7).placements(300).malformedLines(9).build()
            .write(dir, List.of(OutputSpec.of(Layout.UWCHR_2012_2024, OutputFormat.CSV), OutputSpec.of(Layout.DDP_2025, OutputFormat.PIPE)));
    assertThat(manifest.malformedLines().count()).isEqualTo(9);
    assertThat(manifest.malformedLines().byKind()).containsValues(3L, 3L, 3L);
    assertThat(manifest.files()).extracting(Manifest.FileEntry::malformedLines).containsOnly(9L);

    List<String> csvData = Files.readAllLines(dir.resolve("uwchr-2012-2024.csv"));
    csvData = csvData.subList(1, csvData.size()); // after the header: index i is source_row i + 1
    List<String> pipeLines = Files.readAllLines(dir.resolve("ddp-2025.txt"));
    List<String> pipeData = pipeLines.subList(7, pipeLines.size());
    assertThat(csvData).hasSize(309);
    assertThat(pipeData).hasSize(309);
    java.util.Set<Long> malformedRows = new java.util.HashSet<>();
    for (Manifest.MalformedLine line : manifest.malformedLines().lines()) {
      malformedRows.add(line.sourceRow());
      assertBroken(csvData.get((int) line.sourceRow() - 1), ',', Layout.UWCHR_2012_2024, line.kind());
      assertBroken(pipeData.get((int) line.sourceRow() - 1), '|', Layout.DDP_2025, line.kind());
    }
    for (int i = 0; i < csvData.size(); i++) {
      if (!malformedRows.contains((long) i + 1)) {
        CSVRecord record = parse(csvData.get(i), ',');
        assertThat(record.size()).isEqualTo(33);
      }
    }
  }

  private static void assertBroken(String line, char delimiter, Layout layout, String kind) throws IOException {
    switch (kind) {
      case "wrong_field_count":
        assertThat(parse(line, delimiter).size()).isEqualTo(layout.columns().size() - 3);
        break;
      case "unparseable_date":
        CSVRecord record = parse(line, delimiter);
        assertThat(record.size()).isEqualTo(layout.columns().size());
        assertThat(record.get(layout.indexOf(layout.bookInHeader()))).isEqualTo(MalformedLineKind.UNPARSEABLE_DATE_VALUE);
        break;
      default:
        assertThat(kind).isEqualTo("broken_quoting");
        assertThatThrownBy(() -> parse(line, delimiter)).hasMessageContaining("nvalid char");
    }
  }

  private static CSVRecord parse(String line, char delimiter) throws IOException {
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).build().parse(new StringReader(line))) {
      return parser.getRecords().get(0);
    }
  }

  @Test
  void extractMomentRowComesFirst() throws IOException {
    SampleGenerator.builder().defects(DefectProfile.HEAVY).placements(5).extractDate(LocalDateTime.of(2024, 2, 29, 13, 37)).build()
        .write(dir, List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.CSV)));
    assertThat(Files.readAllLines(dir.resolve("ddp-2025.csv")).get(1)).startsWith("2024-02-29 13:37:00,2024-02-29 13:37:00,");
  }
}

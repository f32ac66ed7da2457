package org.detentionaudit.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.detentionaudit.sample.oracle.NormalizedPlacement;
import org.detentionaudit.sample.write.Layout;
import org.detentionaudit.sample.write.LayoutColumn;
import org.detentionaudit.sample.write.OutputFormat;

/** Test helper: reads written files back into normalized placements, independently of the writers. */
final class WrittenFiles {

  private WrittenFiles() {}

  /** Header names of the key fields, per layout. */
  record KeyHeaders(String personId, String stayBookIn, String bookIn, String bookOut, String stayBookOut) {
    static KeyHeaders of(Layout layout) {
      switch (layout) {
        case DDP_2025:
          return new KeyHeaders("Unique Identifier", "Stay Book In Date Time", "Book In Date Time",
              "Detention Book Out Date Time", "Stay Book Out Date Time");
        case DDP_2026_03:
          return new KeyHeaders("Anonymized Identifier", "Stay Book In Date Time", "Book In Date Time",
              "Book Out Date Time", "Stay Book Out Date Time");
        default:
          return new KeyHeaders("Anonymized Identifier", "Stay Book In Date Time",
              "Detention Book In Date And Time", "Detention Book Out Date Time", "Stay Book Out Date Time");
      }
    }
  }

  static List<NormalizedPlacement> readText(Path file, Layout layout, OutputFormat format) throws IOException {
    KeyHeaders keys = KeyHeaders.of(layout);
    char delimiter = format == OutputFormat.PIPE ? '|' : format == OutputFormat.TSV ? '\t' : ',';
    InputStream in = Files.newInputStream(file);
    if (format == OutputFormat.CSV_GZIP) {
      in = new GZIPInputStream(in);
    }
    List<NormalizedPlacement> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      if (format == OutputFormat.PIPE) {
        for (int i = 0; i < 6; i++) {
          reader.readLine();
        }
      }
      CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).build();
      try (CSVParser parser = csv.parse(reader)) {
        for (CSVRecord record : parser) {
          rows.add(
              new NormalizedPlacement(
                  record.get(keys.personId()),
                  time(record.get(keys.stayBookIn()), layout),
                  time(record.get(keys.bookIn()), layout),
                  time(record.get(keys.bookOut()), layout),
                  time(record.get(keys.stayBookOut()), layout),
                  record.get("Detention Facility Code"),
                  record.get("Detention Facility"),
                  record.get("Detention Release Reason"),
                  record.get("Stay Release Reason")));
        }
      }
    }
    return rows;
  }

  static List<NormalizedPlacement> readParquet(Path file, Layout layout) throws IOException {
    KeyHeaders keys = KeyHeaders.of(layout);
    List<NormalizedPlacement> rows = new ArrayList<>();
    try (ParquetReader<Group> reader =
        ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
            .withConf(new Configuration())
            .build()) {
      for (Group group = reader.read(); group != null; group = reader.read()) {
        rows.add(
            new NormalizedPlacement(
                text(group, keys.personId()),
                micros(group, keys.stayBookIn()),
                micros(group, keys.bookIn()),
                micros(group, keys.bookOut()),
                micros(group, keys.stayBookOut()),
                text(group, "Detention Facility Code"),
                text(group, "Detention Facility"),
                text(group, "Detention Release Reason"),
                text(group, "Stay Release Reason")));
      }
    }
    return rows;
  }

  private static String snake(String header) {
    return new LayoutColumn(header, org.detentionaudit.sample.write.ColumnType.TEXT, r -> null).snakeCaseName();
  }

  private static String text(Group group, String header) {
    String name = snake(header);
    return group.getFieldRepetitionCount(name) == 0 ? null : group.getString(name, 0);
  }

  private static LocalDateTime micros(Group group, String header) {
    String name = snake(header);
    if (group.getFieldRepetitionCount(name) == 0) {
      return null;
    }
    long micros = group.getLong(name, 0);
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }

  static LocalDateTime time(String text, Layout layout) {
    return text == null || text.isEmpty() ? null : LocalDateTime.parse(text, layout.timestampFormat());
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("sample-data-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

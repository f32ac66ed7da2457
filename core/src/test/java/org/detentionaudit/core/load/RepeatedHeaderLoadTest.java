package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.detentionaudit.core.layout.Layout;
import org.detentionaudit.core.layout.LayoutCatalog;
import org.detentionaudit.core.testing.SharedSpark;
import org.detentionaudit.rules.CanonicalField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TRAC FY2001-2009 header repeats 'Detention Facility Type': the file loads, and the columns
 * after the repeat are read at their own positions (nothing shifted, nothing quarantined).
 */
@ExtendWith(SharedSpark.class)
class RepeatedHeaderLoadTest {
  @TempDir Path dir;

  @Test
  void tracFileWithRepeatedColumnLoadsEveryField() throws IOException {
    Layout trac = LayoutCatalog.builtIn().find("trac-2001-2009").orElseThrow();
    // Released order unknown beyond docs/formats-and-layouts.md: put the repeat before most canonical columns, so
    // a mis-mapped repeat would shift them.
    List<String> header = new ArrayList<>(trac.otherColumns());
    header.addAll(
        List.of("Initial Book In Date Time", "Book in Date And Time", "Book Out Date Time",
            "Final Book Out Date Time", "Detention Facility Code", "Detention Facility",
            "Release Reason", "Final Release Reason", "EID Person ID"));
    assertThat(header).hasSize(88);
    assertThat(header.indexOf("Detention Facility Type"))
        .isLessThan(header.lastIndexOf("Detention Facility Type"));
    List<String> row = new ArrayList<>();
    for (String column : header) {
      row.add(column.equals("Detention Facility Type") ? "IGSA" : "");
    }
    set(row, header, "Initial Book In Date Time", "1/2/2005 10:00:00 AM");
    set(row, header, "Book in Date And Time", "1/3/2005 9:05:00 PM");
    set(row, header, "Book Out Date Time", "1/9/2005 8:00:00 AM");
    set(row, header, "Final Book Out Date Time", "2/1/2005 12:00:00 PM");
    set(row, header, "Detention Facility Code", "CSCNWWA");
    set(row, header, "Detention Facility", "NORTHWEST DET. CENTER");
    set(row, header, "Release Reason", "Transferred");
    set(row, header, "Final Release Reason", "Removed");
    set(row, header, "EID Person ID", "T1");
    Path csv = dir.resolve("trac.csv");
    Files.write(
        csv,
        List.of(String.join(",", quoted(header)), String.join(",", quoted(row))),
        StandardCharsets.UTF_8);

    LoadedDataset dataset =
        new InputLoader(SharedSpark.session(), LayoutCatalog.builtIn()).load(List.of(csv.toString()), Optional.empty());
    try {
      assertThat(dataset.inputs()).singleElement().satisfies(input -> {
        assertThat(input.layout()).isEqualTo("trac-2001-2009");
        assertThat(input.rowsLoaded()).isEqualTo(1);
        assertThat(input.rowsQuarantined()).isZero();
      });
      assertThat(dataset.availableFields()).containsExactlyInAnyOrder(CanonicalField.values());
      Row loaded = dataset.placements().first();
      assertThat(loaded.<String>getAs("person_id")).isEqualTo("T1");
      assertThat(loaded.<LocalDateTime>getAs("stay_book_in")).isEqualTo(LocalDateTime.of(2005, 1, 2, 10, 0));
      assertThat(loaded.<LocalDateTime>getAs("book_in")).isEqualTo(LocalDateTime.of(2005, 1, 3, 21, 5));
      assertThat(loaded.<LocalDateTime>getAs("book_out")).isEqualTo(LocalDateTime.of(2005, 1, 9, 8, 0));
      assertThat(loaded.<LocalDateTime>getAs("stay_book_out")).isEqualTo(LocalDateTime.of(2005, 2, 1, 12, 0));
      assertThat(loaded.<String>getAs("facility_code")).isEqualTo("CSCNWWA");
      assertThat(loaded.<String>getAs("facility_name")).isEqualTo("NORTHWEST DET. CENTER");
      assertThat(loaded.<String>getAs("release_reason")).isEqualTo("Transferred");
      assertThat(loaded.<String>getAs("stay_release_reason")).isEqualTo("Removed");
    } finally {
      dataset.unpersist();
    }
  }

  private static void set(List<String> row, List<String> header, String column, String value) {
    row.set(header.indexOf(column), value);
  }

  private static List<String> quoted(List<String> cells) {
    return cells.stream().map(c -> '"' + c + '"').toList();
  }
}

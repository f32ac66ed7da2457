package org.detentionaudit.sample.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.detentionaudit.sample.Manifest;
import org.detentionaudit.sample.SampleGenerator;
import org.detentionaudit.sample.generate.DefectProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRowWriterTest {
  @TempDir Path dir;

  @Test
  void workbookHasPreambledDataSheetsThenSummaryAndFootnotes() throws Exception {
    Manifest manifest =
        SampleGenerator.builder()
            .defects(DefectProfile.HEAVY)
            .placements(25)
            .xlsxRowsPerSheet(10)
            .build()
            .write(dir, List.of(OutputSpec.of(Layout.DDP_2025, OutputFormat.XLSX)));
    assertThat(manifest.files().get(0).sheets())
        .extracting(Manifest.SheetEntry::rows)
        .containsExactly(10L, 10L, 5L);

    try (XSSFWorkbook workbook = new XSSFWorkbook(dir.resolve("ddp-2025.xlsx").toFile())) {
      List<String> names = new ArrayList<>();
      workbook.forEach(sheet -> names.add(sheet.getSheetName()));
      assertThat(names).containsExactly("Placements 1", "Placements 2", "Placements 3", "Summary", "Footnotes");
      Sheet first = workbook.getSheet("Placements 1");
      assertThat(first.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ERO-LESA Statistical Tracking Unit");
      assertThat(first.getRow(4)).isNull(); // the preamble's blank line
      assertThat(first.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Stay Book In Date Time");
      assertThat(first.getLastRowNum()).isEqualTo(6 + 10);
      assertThat(workbook.getSheet("Placements 3").getLastRowNum()).isEqualTo(6 + 5);
      Cell bookIn = workbook.getSheet("Placements 1").getRow(7).getCell(1);
      assertThat(DateUtil.isCellDateFormatted(bookIn)).isTrue();
      assertThat(bookIn.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 6, 26, 0, 0));
      Sheet summary = workbook.getSheet("Summary");
      assertThat(summary.getRow(summary.getLastRowNum()).getCell(1).getNumericCellValue()).isEqualTo(25.0);
    }
  }

  @Test
  void rowsPerSheetIsBoundedByExcel() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SampleGenerator.builder().defects(DefectProfile.HEAVY).xlsxRowsPerSheet(1_048_570))
        .hasMessageContaining("need 1 to 1048569");
  }
}

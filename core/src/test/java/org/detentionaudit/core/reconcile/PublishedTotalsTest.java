package org.detentionaudit.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.detentionaudit.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --published FILE.csv}: read and checked before any data is read. */
class PublishedTotalsTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsFiscalYearsMeasuresValuesAndFacilities() throws IOException {
    // CR-only line endings, as the real national figures file has them; header names in any case.
    Path file =
        file(
            "published.csv",
            "Fiscal Year,Facility Code,Facility Name,Measure,Value\r"
                + "FY2019,,,average_daily_population,\"49,403\"\r"
                + "2019,,,average_length_of_stay,33.2\r"
                + "FY 2018 YTD,ADLNTCA,,book_ins,12\r"
                + "FY2018,,Tacoma ICE Processing Center,BED_DAYS,\"1,234,567\"\r");

    PublishedTotals totals = PublishedTotals.read(file);

    assertThat(totals.file()).isEqualTo(file.toString());
    assertThat(totals.figures())
        .containsExactly(
            new PublishedFigure(1, 2019, null, null, PublishedMeasure.AVERAGE_DAILY_POPULATION, 49403),
            new PublishedFigure(2, 2019, null, null, PublishedMeasure.AVERAGE_LENGTH_OF_STAY, 33.2),
            new PublishedFigure(3, 2018, "ADLNTCA", null, PublishedMeasure.BOOK_INS, 12),
            new PublishedFigure(4, 2018, null, "Tacoma ICE Processing Center", PublishedMeasure.BED_DAYS, 1234567));
    assertThat(totals.figures().get(2).facility()).isEqualTo("ADLNTCA");
  }

  @Test
  void aMissingFileIsRefused() {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> PublishedTotals.read(missing))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Cannot read published totals '" + missing + "'")
        .hasMessageContaining("does not exist")
        .hasMessageContaining("--published");
  }

  /**
   * The real national figures by year (CR-only line endings, the wide form): ADP is given for all
   * 41 years 1979-2019; ALOS for 38 (blank in 1997, 1999 and 2000: no figure); "Total Detained"
   * names no measure and is ignored. 41 + 38 = 79 figures.
   */
  @Test
  void theRealNationalFiguresFileIsReadInItsWideForm() throws IOException {
    Path real = dir.resolve("national-detention-by-year-1979-2019.csv");
    try (InputStream in = getClass().getResourceAsStream("national-detention-by-year-1979-2019.csv")) {
      Files.copy(in, real);
    }

    PublishedTotals totals = PublishedTotals.read(real);

    assertThat(totals.figures()).hasSize(79);
    assertThat(totals.figures().stream().filter(f -> f.measure() == PublishedMeasure.AVERAGE_DAILY_POPULATION))
        .hasSize(41);
    assertThat(totals.figures().stream().filter(f -> f.measure() == PublishedMeasure.AVERAGE_LENGTH_OF_STAY))
        .hasSize(38)
        .noneMatch(f -> f.fiscalYear() == 1997 || f.fiscalYear() == 1999 || f.fiscalYear() == 2000);
    assertThat(totals.figures())
        .contains(
            new PublishedFigure(41, 2019, null, null, PublishedMeasure.AVERAGE_DAILY_POPULATION, 49403),
            new PublishedFigure(41, 2019, null, null, PublishedMeasure.AVERAGE_LENGTH_OF_STAY, 33.2),
            new PublishedFigure(1, 1979, null, null, PublishedMeasure.AVERAGE_DAILY_POPULATION, 2371));
  }

  /** The near miss: a wide table none of whose columns names a measure is refused, saying so. */
  @Test
  void aWideTableWithoutAMeasureColumnIsRefused() throws IOException {
    Path file = file("wide.csv", "Year,Total Detained\n2019,\"486,190\"\n");
    assertThatThrownBy(() -> PublishedTotals.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no measure, no value column")
        .hasMessageContaining("Total Detained")
        .hasMessageContaining("one column per measure");
  }

  @Test
  void aBadCellOfAWideTableIsRefusedNamingTheRowAndMeasure() throws IOException {
    Path file = file("wide.csv", "Year,Average Daily Population\n2018,\"42,188\"\n2019,n/a\n");
    assertThatThrownBy(() -> PublishedTotals.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("data row 2 has average_daily_population 'n/a'");
  }

  @Test
  void badRowsAreRefusedNamingTheRowTheProblemAndTheFix() throws IOException {
    String header = "fiscal_year,measure,value\n";
    assertThatThrownBy(() -> PublishedTotals.read(file("year.csv", header + "FY2019,book_ins,1\n2019-20,book_ins,2\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("data row 2 has fiscal_year '2019-20'")
        .hasMessageContaining("Write it as FY2019 or 2019");
    assertThatThrownBy(() -> PublishedTotals.read(file("measure.csv", header + "FY2019,detainees,1\n")))
        .hasMessageContaining("data row 1 has measure 'detainees', which is not known")
        .hasMessageContaining("[book_ins, bed_days, average_daily_population, average_length_of_stay]");
    assertThatThrownBy(() -> PublishedTotals.read(file("value.csv", header + "FY2019,book_ins,about 7k\n")))
        .hasMessageContaining("data row 1 has value 'about 7k'")
        .hasMessageContaining("49,403");
    assertThatThrownBy(() -> PublishedTotals.read(file("negative.csv", header + "FY2019,book_ins,-3\n")))
        .hasMessageContaining("data row 1 has value '-3'");
    assertThatThrownBy(() -> PublishedTotals.read(file("repeat.csv", header + "FY2019,book_ins,1\n2019,book_ins,2\n")))
        .hasMessageContaining("data row 2 repeats the fiscal year, facility and measure of data row 1");
  }

  @Test
  void emptyHeaderOnlyAndBrokenFilesAreRefused() throws IOException {
    assertThatThrownBy(() -> PublishedTotals.read(file("empty.csv", "")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("it is empty");
    assertThatThrownBy(() -> PublishedTotals.read(file("header.csv", "fiscal_year,measure,value\n")))
        .hasMessageContaining("it has a header but no data rows");
    assertThatThrownBy(() -> PublishedTotals.read(file("quotes.csv", "fiscal_year,measure,value\nFY2019,book_ins,\"1\"2\n")))
        .hasMessageContaining("it is not valid CSV");
  }
}

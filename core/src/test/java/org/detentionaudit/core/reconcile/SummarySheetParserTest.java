package org.detentionaudit.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocks of an ICE Summary sheet, and which block belongs to an audited sheet. */
class SummarySheetParserTest {
  private static final String WINDOW = "(01/01/2012 - 07/06/2019)";

  /** The real sheet's shape: title, header, fiscal-year rows, a blank row between blocks. */
  private static List<List<String>> iceSummary() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("FY2012 - FY2019 YTD " + WINDOW + " ICE Administrative Arrests for the Seattle Area of Responsibility"));
    rows.add(List.of("Fiscal Year", "Total"));
    rows.add(List.of("FY2012", "3,101"));
    rows.add(List.of("FY2019 YTD", "1,002"));
    rows.add(List.of());
    rows.add(List.of("FY2012 - FY2019 YTD " + WINDOW + " ICE Initial Book Ins for the Seattle Area of Responsibility"));
    rows.add(List.of("Fiscal Year", "Total"));
    rows.add(List.of("FY2012", "7101"));
    rows.add(List.of("FY2013", "7,002"));
    rows.add(List.of("FY2019 YTD", "2612"));
    rows.add(List.of("Total", "16,715")); // a grand total row: not a fiscal year, ignored
    rows.add(List.of());
    rows.add(List.of());
    rows.add(List.of("FY2012 - FY2019 YTD " + WINDOW + " ICE Removals for the Seattle Area of Responsibility"));
    rows.add(List.of("Fiscal Year", "Expedited Removals", "Other Removals", "Total"));
    rows.add(List.of("FY2012", "10", "2,990", "3,000"));
    rows.add(List.of("FY 2013", "", "n/a", "2000"));
    return rows;
  }

  @Test
  void readsEveryBlockWithTitleColumnsYearsAndWindow() {
    List<SummaryBlock> blocks = SummarySheetParser.blocks(iceSummary());

    assertThat(blocks).hasSize(3);
    SummaryBlock bookIns = blocks.get(1);
    assertThat(bookIns.title()).contains("ICE Initial Book Ins");
    assertThat(bookIns.columns()).containsExactly("Total");
    assertThat(bookIns.years())
        .extracting(SummaryBlock.Year::fiscalYear)
        .containsExactly(2012, 2013, 2019);
    assertThat(bookIns.years()).extracting(y -> y.values().get(0)).containsExactly(7101.0, 7002.0, 2612.0);
    assertThat(bookIns.years().get(2).partial()).isTrue();
    assertThat(bookIns.years().get(2).label()).isEqualTo("FY2019 YTD");
    assertThat(bookIns.years().get(0).partial()).isFalse();
    assertThat(bookIns.window())
        .contains(new ReleaseWindow(LocalDate.of(2012, 1, 1), LocalDate.of(2019, 7, 6)));

    SummaryBlock removals = blocks.get(2);
    assertThat(removals.columns()).containsExactly("Expedited Removals", "Other Removals", "Total");
    assertThat(removals.totalColumn()).isEqualTo(2);
    // Blank and non-numeric cells are null; "FY 2013" is a fiscal year too.
    assertThat(removals.years().get(1).fiscalYear()).isEqualTo(2013);
    assertThat(removals.years().get(1).values()).containsExactly(null, null, 2000.0);
  }

  @Test
  void aTitleAboveABlankRowStillBelongsToItsHeader() {
    List<List<String>> rows =
        List.of(
            List.of("FY2018 (10/01/2017 - 09/30/2018) ICE Book Ins"),
            List.of(),
            List.of("Fiscal Year", "Total"),
            List.of("2018", "5"));
    List<SummaryBlock> blocks = SummarySheetParser.blocks(rows);
    assertThat(blocks).singleElement().satisfies(b -> {
      assertThat(b.title()).isEqualTo("FY2018 (10/01/2017 - 09/30/2018) ICE Book Ins");
      assertThat(b.years()).extracting(SummaryBlock.Year::fiscalYear).containsExactly(2018);
    });
  }

  @Test
  void aSheetWithoutAFiscalYearHeaderHasNoBlocks() {
    assertThat(SummarySheetParser.blocks(List.of(List.of("Notes"), List.of("FY2012", "3")))).isEmpty();
  }

  @Test
  void theWindowIsReadFromTheTitleAndEndsAtTheEndOfItsLastDay() {
    assertThat(ReleaseWindow.in("FY2012 - FY2019 YTD (1/1/2012 - 7/6/2019) ICE Initial Book Ins"))
        .contains(new ReleaseWindow(LocalDate.of(2012, 1, 1), LocalDate.of(2019, 7, 6)));
    assertThat(ReleaseWindow.in("no window here")).isEmpty();
    assertThat(ReleaseWindow.in("(02/30/2012 - 07/06/2019)")).as("not a date").isEmpty();
    assertThat(ReleaseWindow.in("(07/06/2019 - 01/01/2012)")).as("backwards").isEmpty();
    assertThat(new ReleaseWindow(LocalDate.of(2012, 1, 1), LocalDate.of(2019, 7, 6)).extractDate())
        .isEqualTo(LocalDateTime.of(2019, 7, 6, 23, 59, 59));
  }

  @Test
  void theBookInsSheetMatchesTheInitialBookInsBlockByTheWordsOfItsName() {
    List<SummaryBlock> blocks = SummarySheetParser.blocks(iceSummary());

    BlockMatch match = BlockMatch.of("Book Ins", blocks);
    assertThat(match.block()).contains(blocks.get(1));
    assertThat(match.columnName()).isEqualTo("Total");
    // Case and punctuation do not matter.
    assertThat(BlockMatch.of("book-ins", blocks).block()).contains(blocks.get(1));
    assertThat(BlockMatch.of("Arrests", blocks).block()).contains(blocks.get(0));
  }

  @Test
  void aSheetNamedLikeACountColumnIsComparedWithThatColumn() {
    List<SummaryBlock> blocks = SummarySheetParser.blocks(iceSummary());

    BlockMatch match = BlockMatch.of("Expedited Removals", blocks);
    assertThat(match.block()).contains(blocks.get(2));
    assertThat(match.columnName()).isEqualTo("Expedited Removals");
    assertThat(match.reason()).contains("column");
  }

  @Test
  void noBlockOrSeveralBlocksIsNoMatchWithTheReason() {
    List<SummaryBlock> blocks = SummarySheetParser.blocks(iceSummary());

    BlockMatch none = BlockMatch.of("Detentions", blocks);
    assertThat(none.block()).isEmpty();
    assertThat(none.reason())
        .contains("no block title holds every word of the sheet name 'Detentions'")
        .contains("ICE Initial Book Ins");

    // "Seattle" is in every title: which block is meant cannot be told.
    BlockMatch several = BlockMatch.of("Seattle", blocks);
    assertThat(several.block()).isEmpty();
    assertThat(several.reason()).contains("3 block titles");

    assertThat(BlockMatch.of("Book Ins", List.of()).reason()).contains("no block");
  }

  @Test
  void aSingleUntitledBlockHoldsTheTotalsOfWhateverTableWasAudited() {
    // The shape detention-audit's own sample generator writes: no title, one count column.
    List<SummaryBlock> blocks =
        SummarySheetParser.blocks(
            List.of(List.of("Fiscal Year", "Placements"), List.of("FY2020", "12"), List.of("unknown", "1")));
    BlockMatch match = BlockMatch.of("Placements 1", blocks);
    assertThat(match.block()).contains(blocks.get(0));
    assertThat(match.columnName()).isEqualTo("Placements");
    assertThat(match.reason()).contains("one untitled block");
    // A titled block is never taken for a sheet whose name it does not hold.
    List<SummaryBlock> titled =
        SummarySheetParser.blocks(List.of(List.of("ICE Arrests"), List.of("Fiscal Year", "Total"), List.of("FY2020", "3")));
    assertThat(BlockMatch.of("Book Ins", titled).block()).isEmpty();
  }

  @Test
  void numbersReadWithSeparatorsOrNotAtAll() {
    assertThat(Arrays.asList(
            SummarySheetParser.number("7,101"),
            SummarySheetParser.number(" 7 101 "),
            SummarySheetParser.number("33.2"),
            SummarySheetParser.number(""),
            SummarySheetParser.number("n/a")))
        .containsExactly(7101.0, 7101.0, 33.2, null, null);
  }
}

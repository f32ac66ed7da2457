package org.detentionaudit.core.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which block of a {@code Summary} sheet holds the totals of an audited sheet, and which of its
 * columns to compare.
 *
 * <p>The rule: a name's <em>words</em> are its runs of letters and digits, in lower case ({@code
 * Book Ins} has the words {@code book}, {@code ins}). A block belongs to the sheet when every word of
 * the sheet's name is a word of the block's title ({@code Book Ins} belongs to {@code ... ICE
 * Initial Book Ins for the Seattle Area of Responsibility}); its {@code Total} column is compared.
 * When no title holds them, a block with a count column of exactly the sheet's words is taken, and
 * that column compared (sheet {@code Expedited Removals}, column {@code Expedited Removals} of the
 * removals block). Failing both, a Summary sheet of one untitled block (a bare {@code Fiscal Year}
 * table) is taken as the audited table's totals. No block, or more than one, is no match, and
 * {@link #reason()} says why.
 *
 * @param block the matched block, or empty
 * @param column the index of the compared column in the block's columns (-1 without a block)
 * @param reason how the block was chosen, or why none was
 */
public record BlockMatch(Optional<SummaryBlock> block, int column, String reason) {

  /** Finds the block of the sheet {@code sheetName} among {@code blocks}. */
  public static BlockMatch of(String sheetName, List<SummaryBlock> blocks) {
    Set<String> sheetWords = words(sheetName);
    if (blocks.isEmpty()) {
      return none("the Summary sheet holds no block with a 'Fiscal Year' header row");
    }
    if (sheetWords.isEmpty()) {
      return none("the sheet's name '" + sheetName + "' has no words to look for");
    }
    List<SummaryBlock> byTitle =
        blocks.stream().filter(b -> words(b.title()).containsAll(sheetWords)).toList();
    if (byTitle.size() == 1) {
      SummaryBlock block = byTitle.get(0);
      return new BlockMatch(
          Optional.of(block),
          block.totalColumn(),
          "the block title holds every word of the sheet name '" + sheetName + "'");
    }
    if (byTitle.size() > 1) {
      return none(
          "the words of the sheet name '"
              + sheetName
              + "' are in "
              + byTitle.size()
              + " block titles ("
              + titles(byTitle)
              + "), so which one holds its totals cannot be told");
    }
    List<BlockMatch> byColumn = new ArrayList<>();
    for (SummaryBlock block : blocks) {
      for (int i = 0; i < block.columns().size(); i++) {
        if (i != block.totalColumn() && words(block.columns().get(i)).equals(sheetWords)) {
          byColumn.add(
              new BlockMatch(
                  Optional.of(block),
                  i,
                  "no block title holds the words of the sheet name '"
                      + sheetName
                      + "'; the block has a column of that name"));
        }
      }
    }
    if (byColumn.size() == 1) {
      return byColumn.get(0);
    }
    if (byColumn.isEmpty() && blocks.size() == 1 && blocks.get(0).title().isEmpty()) {
      SummaryBlock only = blocks.get(0);
      return new BlockMatch(
          Optional.of(only),
          only.totalColumn(),
          "the Summary sheet holds one untitled block, taken as the totals of the audited table");
    }
    return none(
        "no block title holds every word of the sheet name '"
            + sheetName
            + "'"
            + (byColumn.isEmpty() ? "" : " and " + byColumn.size() + " blocks have a column of that name")
            + " (block titles: "
            + titles(blocks)
            + ")");
  }

  private static BlockMatch none(String reason) {
    return new BlockMatch(Optional.empty(), -1, reason);
  }

  /** The lower-case runs of letters and digits of {@code text}. */
  static Set<String> words(String text) {
    return Arrays.stream((text == null ? "" : text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .collect(Collectors.toSet());
  }

  private static String titles(List<SummaryBlock> blocks) {
    return blocks.stream()
        .map(b -> "'" + (b.title().isEmpty() ? "(untitled)" : b.title()) + "'")
        .collect(Collectors.joining(", "));
  }

  /** The name of the compared column, or null without a block. */
  public String columnName() {
    return block.map(b -> b.columns().get(column)).orElse(null);
  }
}

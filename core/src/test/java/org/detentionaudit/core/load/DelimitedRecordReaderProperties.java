package org.detentionaudit.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Valid lines, some mutated (a quote inserted, a delimiter dropped or doubled, the line cut, a NUL,
 * a blank line): every physical line is accounted for, and every line left alone keeps its
 * spreadsheet row unless it is a line of a multi-line record that parses.
 */
class DelimitedRecordReaderProperties {
  private static final int FIELDS = 4;

  record Line(String text, boolean mutated) {}

  @Provide
  Arbitrary<List<Line>> files() {
    Arbitrary<String> unquoted = Arbitraries.strings().withChars("ABC 12").ofMaxLength(6);
    Arbitrary<String> quoted =
        Arbitraries.strings().withChars("ABC ,").ofMaxLength(5).map(s -> "\"Q" + s + "\"");
    Arbitrary<String> field = Arbitraries.oneOf(unquoted, unquoted, quoted);
    Arbitrary<String> valid = field.list().ofSize(FIELDS).map(cells -> String.join(",", cells));
    Arbitrary<Line> line =
        Combinators.combine(valid, Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 1000))
            .as(
                (text, mutation, at) -> {
                  int position = text.isEmpty() ? 0 : at % (text.length() + 1);
                  return switch (mutation) {
                    case 0 -> new Line(text.substring(0, position) + '"' + text.substring(position), true);
                    case 1 -> new Line(text.replaceFirst(",", ""), true);
                    case 2 -> new Line(text.replaceFirst(",", ",,"), true);
                    case 3 -> new Line(text.substring(0, position), true);
                    case 4 -> new Line(text.substring(0, position) + '\0' + text.substring(position), true);
                    case 5 -> new Line("", true);
                    default -> new Line(text, false);
                  };
                });
    return line.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 500)
  void everyLineIsAccountedForAndUntouchedLinesKeepTheirRow(@ForAll("files") List<Line> lines) {
    String text = String.join("\n", lines.stream().map(Line::text).toList()) + "\n";
    List<SourceRecord> records = DelimitedRecordReaderTest.read(text, FIELDS);

    if (records.isEmpty()) {
      assertThat(lines).allSatisfy(line -> assertThat(line.text()).isBlank());
      return;
    }
    long physical = records.stream().mapToLong(r -> 1 + r.continuationLines() + r.blankLines()).sum();
    assertThat(physical).isEqualTo(lines.size());

    // Where each physical line went: the first line of a record (its sourceRow), or inside one.
    List<Long> rowOfLine = new ArrayList<>();
    List<Boolean> inMultiLine = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      rowOfLine.add(null);
      inMultiLine.add(false);
    }
    long continuationSoFar = 0;
    for (SourceRecord record : records) {
      int first = (int) (record.sourceRow() - 1 + continuationSoFar);
      rowOfLine.set(first, record.sourceRow());
      for (int c = 0; c <= record.continuationLines() && record.continuationLines() > 0; c++) {
        inMultiLine.set(first + c, true);
      }
      continuationSoFar += record.continuationLines();
    }
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.mutated() || inMultiLine.get(i)) {
        continue;
      }
      long expectedRow = i + 1 - continuationBefore(records, i);
      assertThat(rowOfLine.get(i)).as("line %d: %s", i + 1, line.text()).isEqualTo(expectedRow);
      SourceRecord record = records.stream().filter(r -> r.sourceRow() == expectedRow).findFirst().orElseThrow();
      assertThat(record.raw()).isEqualTo(line.text());
      assertThat(record.problem()).isNull();
    }
  }

  /** Continuation lines of the records that start before physical line index {@code i}. */
  private static long continuationBefore(List<SourceRecord> records, int i) {
    long continuation = 0;
    for (SourceRecord record : records) {
      long firstLine = record.sourceRow() - 1 + continuation;
      if (firstLine >= i) {
        break;
      }
      continuation += record.continuationLines();
    }
    return continuation;
  }
}

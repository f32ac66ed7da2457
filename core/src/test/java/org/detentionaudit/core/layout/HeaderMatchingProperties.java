package org.detentionaudit.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HeaderMatchingProperties {
  private static final LayoutCatalog CATALOG = LayoutCatalog.builtIn();

  @Provide
  Arbitrary<Layout> layouts() {
    return Arbitraries.of(CATALOG.layouts());
  }

  /** Re-spells a header as re-saves do: case, separators and punctuation change. */
  private static String respell(String header, Random random) {
    StringBuilder out = new StringBuilder();
    String[] separators = {" ", "_", "-", ".", "  ", "/", ""};
    for (char c : header.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
      } else {
        out.append(separators[random.nextInt(separators.length)]);
      }
    }
    if (random.nextInt(4) == 0) {
      out.append(random.nextBoolean() ? " " : "_");
    }
    return out.toString();
  }

  private static List<String> fullHeader(Layout layout) {
    List<String> header = new ArrayList<>();
    layout.fieldAliases().values().forEach(aliases -> header.add(aliases.get(0)));
    header.addAll(layout.otherColumns());
    return header;
  }

  @Property
  void respelledAndShuffledHeaderStillDetectsItsLayout(
      @ForAll("layouts") Layout layout, @ForAll long seed) {
    Random random = new Random(seed);
    List<String> header = new ArrayList<>();
    for (String column : fullHeader(layout)) {
      header.add(respell(column, random));
    }
    Collections.shuffle(header, random);
    LayoutMatch match = CATALOG.resolve(header, Optional.empty(), "respelled.csv");
    assertThat(match.layout().name()).isEqualTo(layout.name());
    assertThat(match.matchedColumns()).isEqualTo(layout.knownColumnCount());
    assertThat(match.missingColumns()).isEmpty();
    match.fieldPositions()
        .forEach(
            (field, position) ->
                assertThat(HeaderKey.of(header.get(position)))
                    .isEqualTo(HeaderKey.of(layout.fieldAliases().get(field).get(0))));
  }

  @Property
  void headerKeyIgnoresCaseSpacesUnderscoresAndPunctuation(@ForAll long seed) {
    Random random = new Random(seed);
    String original = "Most Serious Conviction (MSC) Charge Code";
    assertThat(HeaderKey.of(respell(original, random))).isEqualTo("mostseriousconvictionmscchargecode");
  }

  @Property
  void detectionDoesNotDependOnColumnOrder(@ForAll("layouts") Layout layout, @ForAll long seed) {
    Random random = new Random(seed);
    List<String> subset = new ArrayList<>(fullHeader(layout));
    Collections.shuffle(subset, random);
    subset = subset.subList(0, 1 + random.nextInt(subset.size()));
    List<String> reversed = new ArrayList<>(subset);
    Collections.reverse(reversed);
    LayoutMatch a = CATALOG.bestMatch(subset, Optional.empty());
    LayoutMatch b = CATALOG.bestMatch(reversed, Optional.empty());
    assertThat(a.layout().name()).isEqualTo(b.layout().name());
    assertThat(a.matchedColumns()).isEqualTo(b.matchedColumns());
  }
}

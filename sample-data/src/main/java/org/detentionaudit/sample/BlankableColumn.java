package org.detentionaudit.sample;

import org.detentionaudit.sample.model.PersonProfile;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.write.Layout;

/**
 * The columns a {@link ReleaseSeries} may blank in its last release: filled on every generated row,
 * read by no rule, and mapped to no canonical field (they are {@code other_columns} of the core
 * layouts).
 */
enum BlankableColumn {
  GENDER("gender", "Gender"),
  CITIZENSHIP_COUNTRY("citizenship_country", "Citizenship Country");

  private final String field;
  private final String header;

  BlankableColumn(String field, String header) {
    this.field = field;
    this.header = header;
  }

  /** The attribute's name in the manifest, e.g. {@code gender}. */
  String field() {
    return field;
  }

  /** The column's header in {@code layout}, or null when the layout lacks it. */
  String header(Layout layout) {
    String name =
        this == CITIZENSHIP_COUNTRY && layout == Layout.ICE_INITIAL_BOOK_INS ? "Country of Citizenship" : header;
    return layout.indexOf(name) >= 0 ? name : null;
  }

  /** True when the row's cell of this column is not empty. */
  boolean filled(PlacementRecord row) {
    PersonProfile profile = row.profile();
    String value = this == GENDER ? profile.gender() : profile.citizenshipCountry();
    return value != null && !value.isBlank();
  }
}

package org.detentionaudit.sample.write;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.detentionaudit.sample.model.PlacementRecord;
import org.detentionaudit.sample.oracle.KeyField;

/**
 * One column of a released layout: its header exactly as released, its type, and where its value
 * comes from. Values are {@code null}, a {@link String}, a {@link java.time.LocalDateTime} (for
 * {@link ColumnType#TIMESTAMP}) or a {@link java.time.LocalDate}.
 *
 * @param key the rule field this column holds (the layout's book-in, person id, ...), or null for
 *     the other columns
 */
public record LayoutColumn(
    String header, ColumnType type, Function<PlacementRecord, Object> value, KeyField key) {

  public LayoutColumn {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** A column that holds no rule field. */
  public LayoutColumn(String header, ColumnType type, Function<PlacementRecord, Object> value) {
    this(header, type, value, null);
  }

  /**
   * The header in snake_case, as analysts' Parquet files name it: lower case, every run of
   * non-alphanumeric characters one {@code _}, none at either end ({@code Most Serious Conviction
   * (MSC) Charge Code} becomes {@code most_serious_conviction_msc_charge_code}).
   */
  public String snakeCaseName() {
    return snakeCase(header);
  }

  static String snakeCase(String header) {
    String lower = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return lower.replaceAll("^_+|_+$", "");
  }
}

package org.detentionaudit.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart, drawn by the report template as inline SVG (no script, prints as shown):
 * one bar per category, the value written at the end of each bar and traced to its output table.
 *
 * @param id the element id of the chart
 * @param title what the chart shows
 * @param bars the bars, top to bottom
 */
public record BarChart(String id, String title, List<Bar> bars) {
  static final int LABEL_WIDTH = 260;
  static final int BAR_SPACE = 420;
  static final int ROW_HEIGHT = 22;
  static final int WIDTH = LABEL_WIDTH + BAR_SPACE + 120;

  public BarChart {
    bars = List.copyOf(bars);
  }

  /**
   * One bar.
   *
   * @param label the category
   * @param value the length of the bar
   * @param traced the value as shown, with its source
   * @param highlight a second, darker bar drawn over the first (e.g. the part whose cost is
   *     unknown), as a value not above {@code value}; 0 for none
   */
  public record Bar(String label, double value, Traced traced, double highlight) {}

  /** Builds a chart from bars; the longest bar spans the chart. */
  public static BarChart of(String id, String title, List<Bar> bars) {
    return new BarChart(id, title, bars);
  }

  /** The chart's height in SVG units. */
  public int height() {
    return bars.size() * ROW_HEIGHT + 8;
  }

  public int width() {
    return WIDTH;
  }

  /** The bars with their SVG geometry, for the template. */
  public List<Drawn> drawn() {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    List<Drawn> drawn = new ArrayList<>();
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int length = max <= 0 ? 0 : (int) Math.round(bar.value() / max * BAR_SPACE);
      int highlight = max <= 0 ? 0 : (int) Math.round(bar.highlight() / max * BAR_SPACE);
      int y = 4 + i * ROW_HEIGHT;
      drawn.add(
          new Drawn(
              bar.label(),
              bar.traced(),
              LABEL_WIDTH - 8,
              y + 15,
              LABEL_WIDTH,
              y + 3,
              Math.max(length, bar.value() > 0 ? 1 : 0),
              highlight,
              LABEL_WIDTH + Math.max(length, 1) + 6));
    }
    return drawn;
  }

  /** A bar placed in the SVG. */
  public record Drawn(
      String label,
      Traced traced,
      int labelX,
      int textY,
      int barX,
      int barY,
      int barWidth,
      int highlightWidth,
      int valueX) {
    public boolean hasHighlight() {
      return highlightWidth > 0;
    }
  }
}

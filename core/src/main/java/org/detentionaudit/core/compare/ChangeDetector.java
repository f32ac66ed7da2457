package org.detentionaudit.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.detentionaudit.core.check.deequ.DeequChangeStrategies;
import org.detentionaudit.core.compare.ChangeKind.Direction;
import org.detentionaudit.core.compare.ChangeKind.Unit;

/**
 * Judges the last value of a series (a comparison: the earlier and the later release; a history:
 * several releases, oldest first) against the thresholds of its {@link ChangeKind}, with Deequ's
 * change strategies, and says why in words with the numbers.
 *
 * <p>The last value is set beside the earlier value nearest to it (with two values, simply the
 * earlier one; on a tie, the most recent), so a value inside the range the earlier releases
 * spanned is never anomalous. Its change from there is anomalous when, in the kind's direction,
 * it exceeds every limit the kind sets: {@code absolute} (Deequ's {@code AbsoluteChangeStrategy}
 * with bounds ±absolute) and {@code relative} (Deequ's {@code RelativeRateOfChangeStrategy} with
 * rates 1 ± relative). From an earlier 0, any rise exceeds a relative limit. Null values are
 * skipped; a last value that is null, or has no earlier value, is never anomalous. A kind whose
 * {@code flag} is false is never anomalous. Stateless and thread-safe.
 */
public final class ChangeDetector {
  private final Thresholds thresholds;

  public ChangeDetector(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  /**
   * The verdict on the last value of a series.
   *
   * @param anomalous whether the last value's change exceeds the kind's thresholds
   * @param last the last value, null when it is null
   * @param reference the earlier value it is set beside (nearest to it), null without one
   * @param difference last − reference, null without both
   * @param relativeChange difference / reference, null without both or when the reference is 0
   * @param reason the change in words with the numbers, and the threshold when anomalous
   */
  public record Judgement(
      boolean anomalous, Double last, Double reference, Double difference, Double relativeChange, String reason) {}

  /** {@link #judge(ChangeKind, String, List)} of two values: before and after. */
  public Judgement judge(ChangeKind kind, String label, Double before, Double after) {
    List<Double> series = new ArrayList<>();
    series.add(before);
    series.add(after);
    return judge(kind, label, series);
  }

  /**
   * Judges the last value of {@code series}.
   *
   * @param kind a numeric kind ({@link ChangeKind#numeric()})
   * @param label what the value is, as a reader calls it, e.g. {@code missing share of book_out}
   * @param series values oldest first, the judged one last; nulls allowed
   * @throws IllegalArgumentException for a kind that judges no number, or an empty series
   */
  public Judgement judge(ChangeKind kind, String label, List<Double> series) {
    if (!kind.numeric()) {
      throw new IllegalArgumentException("Cannot judge a series for " + kind.key() + ": it is not a number");
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException("Cannot judge an empty series of " + label);
    }
    Double last = series.get(series.size() - 1);
    List<Double> earlier = series.subList(0, series.size() - 1).stream().filter(Objects::nonNull).toList();
    if (last == null) {
      return new Judgement(false, null, null, null, null, label + ": no value");
    }
    if (earlier.isEmpty()) {
      return new Judgement(false, last, null, null, null, label + " " + value(kind, last) + ": no earlier value");
    }
    double reference = earlier.get(earlier.size() - 1);
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (Math.abs(earlier.get(i) - last) < Math.abs(reference - last)) {
        reference = earlier.get(i);
      }
    }
    double difference = last - reference;
    Double relative = reference == 0 ? null : difference / reference;
    Thresholds.Threshold threshold = thresholds.of(kind);
    boolean anomalous = threshold.flag() && exceeds(kind.direction(), threshold, reference, last);
    StringBuilder reason = new StringBuilder();
    reason.append(label).append(' ').append(value(kind, last)).append(" against ");
    double min = earlier.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = earlier.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    if (earlier.size() == 1) {
      reason.append(value(kind, reference));
    } else {
      reason.append(
          min == max
              ? value(kind, min)
              : (kind.unit() == Unit.SHARE ? points(min) : value(kind, min)) + "-" + value(kind, max));
      reason.append(" over the last ").append(earlier.size()).append(" releases");
    }
    reason.append(": ").append(change(kind, difference));
    if (relative != null) {
      reason.append(String.format(Locale.ROOT, " (%+.1f%%)", relative * 100));
    }
    if (earlier.size() > 1 && (last < min || last > max)) {
      reason.append(" from the nearest");
    }
    if (anomalous) {
      reason.append("; flagged at ").append(limits(kind, threshold));
    }
    return new Judgement(anomalous, last, reference, difference, relative, reason.toString());
  }

  /** Whether the change exceeds every limit set, in the direction judged (Deequ's strategies). */
  private static boolean exceeds(Direction direction, Thresholds.Threshold t, double earlier, double later) {
    boolean decrease = direction != Direction.INCREASE;
    boolean increase = direction != Direction.DECREASE;
    boolean exceeds = true;
    if (t.absolute() != null) {
      exceeds &=
          DeequChangeStrategies.absoluteChangeExceeds(
              earlier, later, decrease ? -t.absolute() : null, increase ? t.absolute() : null);
    }
    if (t.relative() != null) {
      exceeds &=
          DeequChangeStrategies.relativeRateExceeds(
              earlier, later, decrease ? 1 - t.relative() : null, increase ? 1 + t.relative() : null);
    }
    return exceeds;
  }

  /** The limits in words, e.g. {@code more than 2.0 points and 25% either way}, {@code any loss}. */
  static String limits(ChangeKind kind, Thresholds.Threshold t) {
    String way =
        switch (kind.direction()) {
          case DECREASE -> kind.unit() == Unit.COUNT ? "loss" : "decrease";
          case INCREASE -> kind.unit() == Unit.COUNT ? "gain" : "increase";
          default -> "change";
        };
    boolean noAbsolute = t.absolute() == null || t.absolute() == 0;
    boolean noRelative = t.relative() == null || t.relative() == 0;
    if (noAbsolute && noRelative) {
      return "any " + way;
    }
    List<String> parts = new ArrayList<>();
    if (!noAbsolute) {
      parts.add(
          kind.unit() == Unit.SHARE
              ? points(t.absolute()) + " points"
              : String.format(Locale.ROOT, "%,d", Math.round(t.absolute())));
    }
    if (!noRelative) {
      parts.add(String.format(Locale.ROOT, "%s%%", trim(t.relative() * 100)));
    }
    return "a " + way + " of more than " + String.join(" and ", parts)
        + (kind.direction() == Direction.BOTH ? " either way" : "");
  }

  /** A value in its unit: a share as a percentage ({@code 9.1%}), a count with separators. */
  public static String value(ChangeKind kind, double value) {
    return kind.unit() == Unit.SHARE ? percent(value) : String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  private static String change(ChangeKind kind, double difference) {
    if (kind.unit() == Unit.SHARE) {
      return (difference >= 0 ? "+" : "-") + points(Math.abs(difference)) + " points";
    }
    return String.format(Locale.ROOT, "%+,d", Math.round(difference));
  }

  /**
   * A share as a percentage with two significant digits below 1% (to 0.0001%), one decimal above,
   * so that small ratios keep their digits: {@code 9.1%}, {@code 0.21%}, {@code 0.021%}; 0 is
   * {@code 0%}.
   */
  public static String percent(double share) {
    return share == 0 ? "0%" : points(share) + "%";
  }

  private static String points(double share) {
    double p = Math.abs(share * 100);
    String digits = p >= 1 || p == 0 ? "%.1f" : p >= 0.1 ? "%.2f" : p >= 0.01 ? "%.3f" : "%.4f";
    return String.format(Locale.ROOT, digits, share * 100);
  }

  private static String trim(double number) {
    return number == Math.rint(number)
        ? String.format(Locale.ROOT, "%d", (long) number)
        : String.format(Locale.ROOT, "%s", number);
  }
}

package org.detentionaudit.core.check.deequ;

import com.amazon.deequ.anomalydetection.AbsoluteChangeStrategy;
import com.amazon.deequ.anomalydetection.AnomalyDetectionStrategy;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import java.util.List;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.collection.immutable.Vector;

/**
 * Deequ's change strategies ({@code AbsoluteChangeStrategy}, {@code RelativeRateOfChangeStrategy},
 * first order) asked about one step, from an earlier value to a later one, in plain Java. A bound
 * left null is not checked; Deequ requires at least one.
 */
public final class DeequChangeStrategies {
  private DeequChangeStrategies() {}

  /**
   * Whether {@code later - earlier} lies outside [{@code maxDecrease}, {@code maxIncrease}]
   * (Deequ's {@code AbsoluteChangeStrategy}).
   *
   * @param maxDecrease the lowest accepted change (zero or negative), null for none
   * @param maxIncrease the highest accepted change, null for none
   */
  public static boolean absoluteChangeExceeds(double earlier, double later, Double maxDecrease, Double maxIncrease) {
    return anomalous(new AbsoluteChangeStrategy(option(maxDecrease), option(maxIncrease), 1), earlier, later);
  }

  /**
   * Whether {@code later / earlier} lies outside [{@code minRate}, {@code maxRate}] (Deequ's {@code
   * RelativeRateOfChangeStrategy}). From an earlier 0: a later value above 0 is an infinite rate
   * (beyond any {@code maxRate}); 0 to 0 is no rate and never anomalous.
   *
   * @param minRate the lowest accepted rate, e.g. 0.75 for a decrease of at most 25%; null for none
   * @param maxRate the highest accepted rate, e.g. 1.25; null for none
   */
  public static boolean relativeRateExceeds(double earlier, double later, Double minRate, Double maxRate) {
    return anomalous(new RelativeRateOfChangeStrategy(option(minRate), option(maxRate), 1), earlier, later);
  }

  private static boolean anomalous(AnomalyDetectionStrategy strategy, double earlier, double later) {
    Vector<Object> series =
        JavaConverters.asScalaBuffer(List.<Object>of(earlier, later)).toVector();
    // The search interval [1, 2) asks about the later value only.
    return !strategy.detect(series, new Tuple2<>(1, 2)).isEmpty();
  }

  private static Option<Object> option(Double value) {
    return value == null ? Option.empty() : Option.apply(value);
  }
}

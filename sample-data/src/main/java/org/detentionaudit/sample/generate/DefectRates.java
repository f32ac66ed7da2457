package org.detentionaudit.sample.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How often each {@link Defect} and the near misses are seeded: probabilities per opportunity, each
 * in [0, 1]. Immutable; the {@code with...} methods return copies.
 */
public final class DefectRates {

  /** Default rate of non-key redactions per person (Alien File Number, Birth Date). */
  public static final double DEFAULT_REDACTION_RATE = 0.05;

  /** Default near-miss rate per opportunity. */
  public static final double DEFAULT_NEAR_MISS_RATE = 0.01;

  private final Map<Defect, Double> rates;
  private final double nearMissRate;
  private final double redactionRate;

  private DefectRates(Map<Defect, Double> rates, double nearMissRate, double redactionRate) {
    this.rates = Collections.unmodifiableMap(new EnumMap<>(rates));
    this.nearMissRate = nearMissRate;
    this.redactionRate = redactionRate;
  }

  /** Every defect at its {@link Defect#defaultRate()}, near misses and redactions at their defaults. */
  public static DefectRates defaults() {
    Map<Defect, Double> rates = new EnumMap<>(Defect.class);
    for (Defect defect : Defect.values()) {
      rates.put(defect, defect.defaultRate());
    }
    return new DefectRates(rates, DEFAULT_NEAR_MISS_RATE, DEFAULT_REDACTION_RATE);
  }

  /** No defects, no near misses, no redactions: clean data (some rules still judge rows). */
  public static DefectRates none() {
    Map<Defect, Double> rates = new EnumMap<>(Defect.class);
    for (Defect defect : Defect.values()) {
      rates.put(defect, 0.0);
    }
    return new DefectRates(rates, 0.0, 0.0);
  }

  /** A copy with every defect at {@code rate} (near-miss and redaction rates unchanged). */
  public DefectRates withAllDefects(double rate) {
    checkRate("all defects", rate);
    Map<Defect, Double> copy = new EnumMap<>(Defect.class);
    for (Defect defect : Defect.values()) {
      copy.put(defect, rate);
    }
    return new DefectRates(copy, nearMissRate, redactionRate);
  }

  /** A copy with {@code defect} at {@code rate}. */
  public DefectRates with(Defect defect, double rate) {
    Objects.requireNonNull(defect, "defect");
    checkRate(defect.key(), rate);
    Map<Defect, Double> copy = new EnumMap<>(rates);
    copy.put(defect, rate);
    return new DefectRates(copy, nearMissRate, redactionRate);
  }

  /** A copy with the near-miss rate set. */
  public DefectRates withNearMissRate(double rate) {
    checkRate("near misses", rate);
    return new DefectRates(rates, rate, redactionRate);
  }

  /** A copy with the non-key redaction rate set. */
  public DefectRates withRedactionRate(double rate) {
    checkRate("redactions", rate);
    return new DefectRates(rates, nearMissRate, rate);
  }

  /** The rate of {@code defect}. */
  public double rate(Defect defect) {
    return rates.get(defect);
  }

  /** All defect rates, in {@link Defect} order. */
  public Map<Defect, Double> defectRates() {
    return rates;
  }

  public double nearMissRate() {
    return nearMissRate;
  }

  public double redactionRate() {
    return redactionRate;
  }

  private static void checkRate(String what, double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(
          "Cannot set rate of " + what + ": " + rate + " is not a probability in [0, 1]");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DefectRates that
        && rates.equals(that.rates)
        && nearMissRate == that.nearMissRate
        && redactionRate == that.redactionRate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rates, nearMissRate, redactionRate);
  }

  @Override
  public String toString() {
    return "DefectRates{" + rates + ", nearMiss=" + nearMissRate + ", redaction=" + redactionRate + "}";
  }
}

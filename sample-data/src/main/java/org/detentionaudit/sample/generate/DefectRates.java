package org.detentionaudit.sample.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How often each {@link Defect} and the near misses are seeded: probabilities per opportunity, each
 * in [0, 1], and the {@link DefectProfile} that also decides the facility mix and how facility names
 * vary. Immutable; the {@code with...} methods return copies (keeping the profile).
 */
public final class DefectRates {

  /** Default rate of non-key redactions per person (Alien File Number, Birth Date). */
  public static final double DEFAULT_REDACTION_RATE = 0.05;

  /** Near-miss rate per opportunity of the {@link DefectProfile#HEAVY} profile. */
  public static final double DEFAULT_NEAR_MISS_RATE = 0.01;

  /**
   * Near-miss rate per opportunity of the {@link DefectProfile#CALIBRATED} profile: a near miss passes
   * every rule but a copy with a book-out one minute later overlaps its original, so they stay rare.
   */
  public static final double CALIBRATED_NEAR_MISS_RATE = 0.001;

  private final DefectProfile profile;
  private final Map<Defect, Double> rates;
  private final double nearMissRate;
  private final double redactionRate;

  private DefectRates(
      DefectProfile profile, Map<Defect, Double> rates, double nearMissRate, double redactionRate) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.rates = Collections.unmodifiableMap(new EnumMap<>(rates));
    this.nearMissRate = nearMissRate;
    this.redactionRate = redactionRate;
  }

  /** The {@link DefectProfile#CALIBRATED} profile: shares like those of real releases. */
  public static DefectRates defaults() {
    return of(DefectProfile.CALIBRATED);
  }

  /** The {@link DefectProfile#CALIBRATED} profile (as {@link #defaults()}). */
  public static DefectRates calibrated() {
    return of(DefectProfile.CALIBRATED);
  }

  /** The {@link DefectProfile#HEAVY} profile: every rule fails on about 1% of records or more. */
  public static DefectRates heavy() {
    return of(DefectProfile.HEAVY);
  }

  /** Every defect at its {@link Defect#defaultRate(DefectProfile)}, near misses and redactions at the profile's. */
  public static DefectRates of(DefectProfile profile) {
    Map<Defect, Double> rates = new EnumMap<>(Defect.class);
    for (Defect defect : Defect.values()) {
      rates.put(defect, defect.defaultRate(profile));
    }
    double nearMisses =
        profile == DefectProfile.HEAVY ? DEFAULT_NEAR_MISS_RATE : CALIBRATED_NEAR_MISS_RATE;
    return new DefectRates(profile, rates, nearMisses, DEFAULT_REDACTION_RATE);
  }

  /**
   * No defects, no near misses, no redactions: clean data (some rules still judge rows), with the
   * calibrated profile's facility mix and names (so the facility-name rules still find the real
   * renames and shared names).
   */
  public static DefectRates none() {
    Map<Defect, Double> rates = new EnumMap<>(Defect.class);
    for (Defect defect : Defect.values()) {
      rates.put(defect, 0.0);
    }
    return new DefectRates(DefectProfile.CALIBRATED, rates, 0.0, 0.0);
  }

  /** The profile these rates started from; it also decides the facility mix and name variation. */
  public DefectProfile profile() {
    return profile;
  }

  /** A copy with every defect at {@code rate} (near-miss and redaction rates unchanged). */
  public DefectRates withAllDefects(double rate) {
    checkRate("all defects", rate);
    Map<Defect, Double> copy = new EnumMap<>(Defect.class);
    for (Defect defect : Defect.values()) {
      copy.put(defect, rate);
    }
    return new DefectRates(profile, copy, nearMissRate, redactionRate);
  }

  /** A copy with {@code defect} at {@code rate}. */
  public DefectRates with(Defect defect, double rate) {
    Objects.requireNonNull(defect, "defect");
    checkRate(defect.key(), rate);
    Map<Defect, Double> copy = new EnumMap<>(rates);
    copy.put(defect, rate);
    return new DefectRates(profile, copy, nearMissRate, redactionRate);
  }

  /** A copy with the near-miss rate set. */
  public DefectRates withNearMissRate(double rate) {
    checkRate("near misses", rate);
    return new DefectRates(profile, rates, rate, redactionRate);
  }

  /** A copy with the non-key redaction rate set. */
  public DefectRates withRedactionRate(double rate) {
    checkRate("redactions", rate);
    return new DefectRates(profile, rates, nearMissRate, rate);
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
        && profile == that.profile
        && rates.equals(that.rates)
        && nearMissRate == that.nearMissRate
        && redactionRate == that.redactionRate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(profile, rates, nearMissRate, redactionRate);
  }

  @Override
  public String toString() {
    return "DefectRates{" + profile.id() + ", " + rates + ", nearMiss=" + nearMissRate + ", redaction=" + redactionRate + "}";
  }
}

package org.detentionaudit.core.progress;

/**
 * The stages of one audit, in the order a run followed by a write passes through them: {@link
 * org.detentionaudit.core.DetentionAudit#run()} goes through {@link #LOAD} to {@link #SORT},
 * {@link org.detentionaudit.core.AuditResult#write(String, boolean)} through {@link #WRITE_TABLES}
 * to {@link #REPORT}.
 *
 * <p>Each stage has a weight: its rough share of a run's time, from runs of the command line on
 * generated data (0.5 million placements, and the benchmark's 1 and 10 million: the parse of the
 * inputs and the per-person sort dominate). The weights only serve the estimate of the time left;
 * they are guesses about typical data, not measurements of this run; re-measure them when a stage's
 * work changes much.
 */
public enum AuditStage {
  /** Reads, parses and normalizes the inputs, and counts their rows (the total is known after it). */
  LOAD("loading inputs", 6),
  /**
   * The scan pass: one aggregation over the records for the dataset's facts, the Deequ counts of
   * the column rules and the facility pairs.
   */
  SCAN("scan pass", 2),
  /**
   * The sort pass: one repartition and sort by person, every rule judged, the findings written,
   * bed-days, people and stays counted.
   */
  SORT("sort pass", 5),
  /** The small Parquet tables (summary, breakdown, quarantine, facilities, reconciliation). */
  WRITE_TABLES("writing tables", 1),
  /** The column profile: one more read of the inputs' own columns. */
  PROFILE("profiling input columns", 2),
  /** summary.json and report.html, then the output folder is moved into place. */
  REPORT("writing the report", 1);

  private final String label;
  private final int weight;

  AuditStage(String label, int weight) {
    this.label = label;
    this.weight = weight;
  }

  /** What the stage does, in lower case, for a console line ("per-person rules"). */
  public String label() {
    return label;
  }

  /** The stage's place in a run, from 1 to {@link #count()}. */
  public int number() {
    return ordinal() + 1;
  }

  /** How many stages a run followed by a write has. */
  public static int count() {
    return values().length;
  }

  /** The stage's rough share of a run's time, relative to {@link #totalWeight()}. */
  public int weight() {
    return weight;
  }

  /** The summed weights of the stages before this one. */
  public int weightBefore() {
    int sum = 0;
    for (AuditStage stage : values()) {
      if (stage == this) {
        return sum;
      }
      sum += stage.weight;
    }
    throw new AssertionError("unreachable: " + this + " is one of the values");
  }

  /** The summed weights of all stages. */
  public static int totalWeight() {
    return REPORT.weightBefore() + REPORT.weight;
  }
}

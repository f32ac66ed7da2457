package org.detentionaudit.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child process of one baseline run: {@code BaselineMain naive|duckdb PARQUET EXTRACT_DATE
 * RESULT_JSON}. Evaluates the rules and writes {@code {"seconds": s, "failed": {rule: count}}} to
 * RESULT_JSON ({@code seconds}: the evaluation alone, without JVM start-up). The benchmark times the
 * whole process from outside.
 */
public final class BaselineMain {
  private BaselineMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("Usage: BaselineMain naive|duckdb PARQUET EXTRACT_DATE RESULT_JSON");
      System.exit(2);
    }
    Baseline baseline =
        switch (args[0]) {
          case "naive" -> new NaiveSparkBaseline();
          case "duckdb" -> new DuckDbBaseline();
          default -> throw new IllegalArgumentException("Unknown baseline " + args[0] + ": use naive or duckdb");
        };
    long started = System.nanoTime();
    BaselineInput input = BaselineInput.of(Path.of(args[1]), LocalDateTime.parse(args[2]));
    Map<String, Long> failed = baseline.failedCounts(input);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("seconds", (System.nanoTime() - started) / 1e9);
    result.put("failed", failed);
    new ObjectMapper().writeValue(Path.of(args[3]).toFile(), result);
    System.exit(0); // Spark's non-daemon threads must not keep the process (and the timing) going
  }
}

package org.detentionaudit.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes {@code summary.json} (snake_case keys, pretty-printed). */
public final class SummaryJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  public static String write(RunSummary summary) {
    try {
      return MAPPER.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize summary.json: " + e.getMessage(), e);
    }
  }

  public static RunSummary read(String json) {
    try {
      return MAPPER.readValue(json, RunSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot read summary.json: " + e.getMessage(), e);
    }
  }
}

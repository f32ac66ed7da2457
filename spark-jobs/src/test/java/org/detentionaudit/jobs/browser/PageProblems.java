package org.detentionaudit.jobs.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects, from DevTools events, what a reader's browser console would show in red: {@code
 * console.error} and failed {@code console.assert} calls ({@code Runtime.consoleAPICalled}),
 * uncaught exceptions and unhandled promise rejections ({@code Runtime.exceptionThrown}), and
 * errors the browser itself logs, such as a resource that failed to load or content a security
 * policy blocked ({@code Log.entryAdded} at level {@code error}).
 *
 * <p>Thread-safe: events arrive on the WebSocket's thread while the test thread reads.
 */
final class PageProblems {
  private static final Set<String> CONSOLE_ERROR_TYPES = Set.of("error", "assert");
  private final List<String> problems = new ArrayList<>();

  /** Looks at one DevTools event and keeps it when it reports an error. */
  void accept(JsonNode event) {
    JsonNode params = event.path("params");
    String problem =
        switch (event.path("method").asText()) {
          case "Runtime.consoleAPICalled" -> consoleError(params);
          case "Runtime.exceptionThrown" -> uncaught(params.path("exceptionDetails"));
          case "Log.entryAdded" -> loggedError(params.path("entry"));
          default -> null;
        };
    if (problem != null) {
      synchronized (problems) {
        problems.add(problem);
      }
    }
  }

  /** The problems so far, oldest first. */
  List<String> snapshot() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  private static String consoleError(JsonNode params) {
    if (!CONSOLE_ERROR_TYPES.contains(params.path("type").asText())) {
      return null;
    }
    List<String> args = new ArrayList<>();
    for (JsonNode arg : params.path("args")) {
      args.add(arg.has("value") ? arg.get("value").asText() : arg.path("description").asText(arg.path("type").asText()));
    }
    JsonNode frame = params.path("stackTrace").path("callFrames").path(0);
    return "console." + params.path("type").asText() + ": " + String.join(" ", args) + where(frame.path("url").asText(), frame.path("lineNumber"));
  }

  private static String uncaught(JsonNode details) {
    JsonNode exception = details.path("exception");
    String description = exception.path("description").asText(exception.path("value").asText(""));
    String firstLine = description.lines().findFirst().orElse("");
    return "uncaught exception: " + details.path("text").asText() + (firstLine.isEmpty() ? "" : " " + firstLine) + where(details.path("url").asText(), details.path("lineNumber"));
  }

  private static String loggedError(JsonNode entry) {
    if (!"error".equals(entry.path("level").asText())) {
      return null;
    }
    return "browser error (" + entry.path("source").asText() + "): " + entry.path("text").asText() + where(entry.path("url").asText(), entry.path("lineNumber"));
  }

  /** DevTools line numbers are 0-based; people read 1-based. */
  private static String where(String url, JsonNode zeroBasedLine) {
    if (url.isEmpty()) {
      return "";
    }
    return zeroBasedLine.isNumber() ? " (" + url + ":" + (zeroBasedLine.asInt() + 1) + ")" : " (" + url + ")";
  }
}

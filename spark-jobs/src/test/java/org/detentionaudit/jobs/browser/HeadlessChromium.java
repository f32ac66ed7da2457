package org.detentionaudit.jobs.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code /usr/bin/chromium}, headless, driven over the DevTools protocol: opens a local
 * page, waits until it has loaded and painted, and returns its live DOM, the errors its console
 * showed, and a PNG screenshot of the whole page.
 *
 * <p>Each instance is one browser process with a fresh, temporary profile, started with the
 * background networking, sync, QUIC and component updates off (otherwise Chromium keeps calling
 * out of this closed network). {@link #close()} ends the browser and every process it started,
 * and deletes the profile.
 *
 * <p>When Chromium is missing, {@link #launch()} fails with how to install it, so a CI run without
 * it cannot pass silently. Only an explicit {@code DETENTION_AUDIT_SKIP_BROWSER=1} turns the
 * browser tests into skipped tests.
 */
public final class HeadlessChromium implements AutoCloseable {
  /** Where Debian's {@code chromium} package installs the browser. */
  public static final Path BINARY = Path.of("/usr/bin/chromium");

  /** Set to {@code 1} to skip the browser tests on a machine without Chromium. */
  public static final String SKIP_VARIABLE = "DETENTION_AUDIT_SKIP_BROWSER";

  private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
  private static final int WINDOW_WIDTH = 1280;
  private static final int WINDOW_HEIGHT = 1024;
  /** Chromium cannot paint one bitmap taller than about 16k pixels; longer pages are cut there. */
  private static final int MAX_SCREENSHOT_HEIGHT = 16_000;
  /** Resolves after two animation frames, by which time the page's load-time scripts have painted. */
  private static final String AFTER_PAINT =
      "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path workDirectory;
  private final Path log;
  private final HttpClient http;
  private final int port;

  private HeadlessChromium(Process process, Path workDirectory, Path log, HttpClient http, int port) {
    this.process = process;
    this.workDirectory = workDirectory;
    this.log = log;
    this.http = http;
    this.port = port;
  }

  /**
   * Starts the browser.
   *
   * @throws org.opentest4j.TestAbortedException when {@code DETENTION_AUDIT_SKIP_BROWSER=1}
   * @throws IllegalStateException when Chromium is not installed or does not start in time
   */
  public static HeadlessChromium launch() {
    return launch(BINARY);
  }

  /** Starts the browser at {@code binary}; {@link #launch()} is the one to use. */
  static HeadlessChromium launch(Path binary) {
    Assumptions.assumeFalse(
        "1".equals(System.getenv(SKIP_VARIABLE)), SKIP_VARIABLE + "=1: browser tests skipped on request");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "Cannot run the browser test: " + binary + " is missing. Install Debian's chromium package "
              + "(apt-get install --no-install-recommends chromium; .ci/run does it when missing), "
              + "or set " + SKIP_VARIABLE + "=1 to skip the browser tests explicitly.");
    }
    Path work;
    try {
      work = Files.createTempDirectory("detention-audit-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a profile folder for Chromium: " + e.getMessage(), e);
    }
    Path profile = work.resolve("profile");
    Path log = work.resolve("chromium.log");
    Process process;
    try {
      process = start(binary, profile, log);
    } catch (RuntimeException e) {
      deleteRecursively(work);
      throw e;
    }
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(LAUNCH_TIMEOUT).build();
    try {
      return new HeadlessChromium(process, work, log, http, devToolsPort(process, profile, log));
    } catch (RuntimeException e) {
      stop(process);
      deleteRecursively(work);
      throw e;
    }
  }

  /** Where browser test artifacts (screenshots, rendered pages) are kept: {@code target/browser}. */
  public static Path artifactDirectory() {
    Path directory = Path.of("target", "browser").toAbsolutePath();
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a local HTML file, waits for its load event and two painted frames, and saves a PNG of
   * the whole page (cut at 16,000 pixels).
   *
   * @param page the HTML file
   * @param screenshot where to write the PNG; its folder must exist
   * @throws IllegalStateException when the page cannot be opened or does not load in time
   */
  public RenderedPage render(Path page, Path screenshot) {
    URI url = page.toAbsolutePath().toUri();
    PageProblems problems = new PageProblems();
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    JsonNode tab = newTab();
    try (DevToolsSession session =
        DevToolsSession.connect(
            http,
            URI.create(tab.path("webSocketDebuggerUrl").asText()),
            PAGE_TIMEOUT,
            event -> {
              problems.accept(event);
              if ("Page.loadEventFired".equals(event.path("method").asText())) {
                loaded.complete(null);
              }
            })) {
      session.call("Page.enable");
      session.call("Runtime.enable");
      session.call("Log.enable");
      JsonNode navigation = session.call("Page.navigate", DevToolsSession.params().put("url", url.toString()));
      if (navigation.hasNonNull("errorText")) {
        throw new IllegalStateException("Cannot open " + url + " in Chromium: " + navigation.get("errorText").asText());
      }
      await(loaded, "Cannot load " + url + " in Chromium: no load event within " + PAGE_TIMEOUT);
      session.call("Runtime.evaluate", DevToolsSession.params().put("expression", AFTER_PAINT).put("awaitPromise", true));
      String title = evaluate(session, "document.title");
      String html = evaluate(session, "document.documentElement.outerHTML");
      writeScreenshot(session, screenshot);
      return new RenderedPage(url, title, html, problems.snapshot(), screenshot);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "\nChromium's log:\n" + tail(log), e);
    } finally {
      closeTab(tab);
    }
  }

  /** Ends the browser and every process it started, then deletes its profile. */
  @Override
  public void close() {
    stop(process);
    deleteRecursively(workDirectory);
  }

  private static Process start(Path binary, Path profile, Path log) {
    List<String> command =
        List.of(
            binary.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--mute-audio",
            "--force-device-scale-factor=1",
            "--window-size=" + WINDOW_WIDTH + "," + WINDOW_HEIGHT,
            "--user-data-dir=" + profile,
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--remote-allow-origins=*",
            "about:blank");
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + binary + ": " + e.getMessage(), e);
    }
  }

  /** Chromium writes the port it chose (and the browser's path) to DevToolsActivePort. */
  private static int devToolsPort(Process process, Path profile, Path log) {
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Cannot start Chromium: it exited with status " + process.exitValue() + ". Its log:\n" + tail(log));
      }
      try {
        List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
        if (lines.size() >= 2) {
          return Integer.parseInt(lines.get(0).trim());
        }
      } catch (IOException | NumberFormatException e) {
        // Being written: read again.
      }
      pause();
    }
    throw new IllegalStateException(
        "Cannot start Chromium: no DevTools port within " + LAUNCH_TIMEOUT + ". Its log:\n" + tail(log));
  }

  /** Opens a new, empty tab: every page gets its own, so no console message carries over. */
  private JsonNode newTab() {
    String answer = devTools("PUT", "/json/new?about:blank");
    try {
      JsonNode tab = JSON.readTree(answer);
      if (!tab.hasNonNull("webSocketDebuggerUrl")) {
        throw new IllegalStateException("Cannot open a tab in Chromium: no WebSocket address in " + answer);
      }
      return tab;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open a tab in Chromium: unreadable answer " + answer, e);
    }
  }

  /**
   * Closes a tab, quietly: it runs after the page's own outcome, which a browser that already died
   * must not hide (close() ends the process anyway).
   */
  private void closeTab(JsonNode tab) {
    try {
      devTools("GET", "/json/close/" + tab.path("id").asText());
    } catch (RuntimeException e) {
      // See above.
    }
  }

  /** One call to the browser's DevTools HTTP endpoint. */
  private String devTools(String method, String path) {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(PAGE_TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Cannot " + method + " " + uri + ": status " + response.statusCode() + ", " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot " + method + " " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot " + method + " " + uri + ": interrupted", e);
    }
  }

  private static String evaluate(DevToolsSession session, String expression) {
    JsonNode result =
        session.call("Runtime.evaluate", DevToolsSession.params().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("Cannot evaluate " + expression + " in the page: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value").asText();
  }

  private static void writeScreenshot(DevToolsSession session, Path screenshot) {
    JsonNode size = session.call("Page.getLayoutMetrics").path("cssContentSize");
    int width = Math.max(WINDOW_WIDTH, (int) Math.ceil(size.path("width").asDouble(WINDOW_WIDTH)));
    int height = Math.min(MAX_SCREENSHOT_HEIGHT, Math.max(1, (int) Math.ceil(size.path("height").asDouble(WINDOW_HEIGHT))));
    var params = DevToolsSession.params().put("format", "png").put("captureBeyondViewport", true);
    params.putObject("clip").put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
    String data = session.call("Page.captureScreenshot", params).path("data").asText();
    try {
      Files.write(screenshot, Base64.getDecoder().decode(data));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the screenshot " + screenshot + ": " + e.getMessage(), e);
    }
  }

  private static void await(CompletableFuture<Void> event, String timeoutMessage) {
    try {
      event.get(PAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(timeoutMessage, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(timeoutMessage, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(timeoutMessage, e.getCause());
    }
  }

  /**
   * Asks the browser to end, then forces every process of its tree. The tree is listed first: once
   * the main process is gone its children are re-parented and can no longer be found from it.
   */
  private static void stop(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    tree.addAll(process.descendants().toList());
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A file Chromium was still closing: the temporary folder is left for the OS to clean.
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Chromium", e);
    }
  }
}

package org.detentionaudit.jobs.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One WebSocket connection to a Chromium page target speaking the DevTools protocol: commands with
 * a timeout, and events handed to one listener as they arrive (on the WebSocket's thread).
 *
 * <p>Built on {@link java.net.http.WebSocket} and Jackson, so the browser test needs no driver
 * library. A command answered with an error, or not answered within the timeout, throws
 * {@link IllegalStateException} naming the command.
 */
final class DevToolsSession implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final Duration timeout;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private DevToolsSession(WebSocket socket, Duration timeout) {
    this.socket = socket;
    this.timeout = timeout;
  }

  /**
   * Connects to a target's {@code webSocketDebuggerUrl}.
   *
   * @param events receives every event ({@code method} and {@code params}); must not block
   */
  static DevToolsSession connect(HttpClient http, URI webSocketUrl, Duration timeout, Consumer<JsonNode> events) {
    Listener listener = new Listener(events);
    WebSocket socket;
    try {
      socket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(webSocketUrl, listener).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot connect to Chromium's DevTools at " + webSocketUrl + ": interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot connect to Chromium's DevTools at " + webSocketUrl + ": " + e, e);
    }
    DevToolsSession session = new DevToolsSession(socket, timeout);
    listener.session = session;
    return session;
  }

  /** Sends a command without parameters and waits for its result. */
  JsonNode call(String method) {
    return call(method, JSON.createObjectNode());
  }

  /** Sends a command and waits for its {@code result} object. */
  JsonNode call(String method, ObjectNode params) {
    int id = nextId.getAndIncrement();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    try {
      socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response.has("error")) {
        throw new IllegalStateException("Cannot run DevTools command " + method + ": " + response.get("error"));
      }
      return response.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot run DevTools command " + method + ": interrupted", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Cannot run DevTools command " + method + ": no answer within " + timeout, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot run DevTools command " + method + ": " + e.getCause(), e);
    } finally {
      pending.remove(id);
    }
  }

  /** A fresh parameter object. */
  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  @Override
  public void close() {
    socket.abort();
  }

  private void answer(JsonNode message) {
    CompletableFuture<JsonNode> waiting = pending.get(message.get("id").asInt());
    if (waiting != null) {
      waiting.complete(message);
    }
  }

  /** Fails every waiting command at once when the browser closes the connection (or crashes). */
  private void failAll(String reason) {
    pending.values().forEach(waiting -> waiting.completeExceptionally(new IllegalStateException(reason)));
  }

  /** Reassembles text frames into messages and routes answers and events. */
  private static final class Listener implements WebSocket.Listener {
    private final Consumer<JsonNode> events;
    private final StringBuilder partial = new StringBuilder();
    private volatile DevToolsSession session;

    Listener(Consumer<JsonNode> events) {
      this.events = events;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          if (message.has("id")) {
            session.answer(message);
          } else {
            events.accept(message);
          }
        } catch (IOException e) {
          throw new IllegalStateException("Cannot read a DevTools message: " + e.getMessage(), e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (session != null) {
        session.failAll("Chromium closed the DevTools connection (" + statusCode + " " + reason + ")");
      }
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      if (session != null) {
        session.failAll("DevTools connection failed: " + error);
      }
    }
  }
}

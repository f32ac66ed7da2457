package org.detentionaudit.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a standalone master reports at {@code http://HOST:WEBUI/json/}: its status, the workers
 * alive and the applications that have ended.
 *
 * @param status the master's status, {@code ALIVE} once it leads
 * @param aliveWorkers workers registered and alive
 * @param completedApps applications that have ended, with their final state
 */
record MasterState(String status, int aliveWorkers, List<App> completedApps) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * An application as the master lists it.
   *
   * @param state {@code FINISHED} when its driver stopped normally; {@code FAILED}, {@code KILLED} otherwise
   */
  record App(String id, String name, String state) {}

  /**
   * Reads the master's JSON status page.
   *
   * @throws IOException when the master does not answer (not started yet, or gone)
   */
  static MasterState fetch(URI jsonUrl) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(jsonUrl).timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + jsonUrl);
    }
    return parse(response.body());
  }

  static MasterState parse(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    List<App> apps = new ArrayList<>();
    for (JsonNode app : root.path("completedapps")) {
      apps.add(new App(app.path("id").asText(), app.path("name").asText(), app.path("state").asText()));
    }
    return new MasterState(root.path("status").asText(), root.path("aliveworkers").asInt(), List.copyOf(apps));
  }
}

package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lab.json.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Real HTTP/1.1 over loopback to a lab server, the way a learner's client would talk to it. */
public final class LabClient {
  record Response(int status, String body, HttpHeaders headers) {
    Map<?, ?> json() {
      assertTrue(headers.firstValue("Content-Type").orElse("").startsWith("application/json"), body);
      return (Map<?, ?>) JsonParser.parse(body);
    }

    String error() {
      Object e = json().get("error");
      assertTrue(e instanceof String, "no {\"error\": ...} in " + body);
      return (String) e;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  final String base;

  LabClient(String base) {
    this.base = base;
  }

  Response get(String path) {
    return send("GET", path, BodyPublishers.noBody(), null);
  }

  Response post(String path, String json) {
    return send("POST", path, BodyPublishers.ofString(json), "application/json");
  }

  Response send(String method, String path, BodyPublisher body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      var r = http.send(b.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** half_plus_two of [1, 2, 5] is [2.5, 3, 4.5]: proof that the server still works. */
  void assertStillServes() {
    assertEquals(200, get("/v2/health/live").status());
    Response r = post("/v2/models/half_plus_two/infer",
        "{\"inputs\":[{\"name\":\"x\",\"shape\":[3],\"datatype\":\"FP32\",\"data\":[1,2,5]}]}");
    assertEquals(200, r.status(), r.body());
    Map<?, ?> out = (Map<?, ?>) ((List<?>) r.json().get("outputs")).get(0);
    assertEquals(List.of(2.5, 3.0, 4.5), out.get("data"));
  }
}

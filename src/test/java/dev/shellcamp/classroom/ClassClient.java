package dev.shellcamp.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A test's HTTP client of a class server: raw requests, plus joining and posting events as a tutor would. */
final class ClassClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final String base;

  ClassClient(String base) {
    this.base = base;
  }

  record Answer(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  Answer send(String method, String path, String bearer, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  Answer get(String path, String bearer) throws IOException, InterruptedException {
    return send("GET", path, bearer, null);
  }

  Answer post(String path, String bearer, Object body) throws IOException, InterruptedException {
    return send("POST", path, bearer, body instanceof String s ? s : JSON.writeValueAsString(body));
  }

  /** Joins and returns the learner's credential, LEARNER.SECRET. */
  String join(String code, String name) throws IOException, InterruptedException {
    Answer a = post("/api/join", null, Map.of("code", code, "name", name));
    if (a.status() != 200) {
      throw new IllegalStateException("join " + name + ": " + a);
    }
    JsonNode n = a.json();
    return n.get("learner").asText() + "." + n.get("secret").asText();
  }

  static Map<String, Object> event(long seq, String type, String lesson, String step, int index, int total) {
    return Map.of("seq", seq, "type", type, "at", System.currentTimeMillis(), "lesson", lesson, "step", step,
        "index", index, "total", total);
  }

  static Map<String, Object> failed(long seq, String lesson, String step, int index, int total, String en, String ko) {
    return Map.of("seq", seq, "type", "check_failed", "at", System.currentTimeMillis(), "lesson", lesson, "step", step,
        "index", index, "total", total, "reason", Map.of("en", en, "ko", ko));
  }

  Answer events(String credential, List<Map<String, Object>> events) throws IOException, InterruptedException {
    return post("/api/events", credential, Map.of("sent", System.currentTimeMillis(), "events", events));
  }
}

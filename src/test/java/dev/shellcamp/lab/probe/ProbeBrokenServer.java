package dev.shellcamp.lab.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shellcamp.lab.json.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A half_plus_two server with the bugs a learner's first server has, over real HTTP: NaN makes
 * it throw (500), Infinity kills the worker mid-request (the connection closes with no
 * answer), and strings are refused properly but leave it broken, so the next request dies.
 * Everything else it does right, so only those cases may fail. It has no /metrics.
 */
final class ProbeBrokenServer implements AutoCloseable {
  private final HttpServer http;
  private volatile boolean dieNext;

  ProbeBrokenServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    http.createContext("/", this::handle);
    http.start();
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] in = ex.getRequestBody().readAllBytes();
    String body = new String(in, StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getPath();
    if (dieNext || body.contains("Infinity")) {
      dieNext = false;
      ex.close(); // no status line at all: what a client sees when the worker process dies
      return;
    }
    switch (path) {
      case "/v2/health/live", "/v2/health/ready", "/v2/models/half_plus_two/ready" -> reply(ex, 200, "{}");
      case "/v2" -> reply(ex, 200, "{\"name\":\"broken\",\"version\":\"0.1\"}");
      case "/v2/models/half_plus_two" -> reply(ex, 200, "{\"name\":\"half_plus_two\",\"inputs\":[{\"name\":\"x\","
          + "\"datatype\":\"FP32\",\"shape\":[-1]}],\"outputs\":[{\"name\":\"y\",\"datatype\":\"FP32\",\"shape\":[-1]}]}");
      case "/v2/models/half_plus_two/infer" -> infer(ex, body, in.length);
      default -> reply(ex, 404, "{\"error\":\"not found\"}");
    }
  }

  private void infer(HttpExchange ex, String body, int size) throws IOException {
    if (body.contains("NaN")) {
      reply(ex, 500, "{\"error\":\"ValueError: cannot convert float NaN to integer\"}");
    } else if (body.contains("\"abc\"")) {
      dieNext = true;
      reply(ex, 422, "{\"error\":\"data must be numbers\"}");
    } else if (size > ProbeBadInput.LIMIT) {
      reply(ex, 413, "{\"error\":\"too large\"}");
    } else if (!"application/json".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
      reply(ex, 415, "{\"error\":\"send JSON\"}");
    } else {
      String answer = answer(body);
      reply(ex, answer == null ? 400 : 200, answer == null ? "{\"error\":\"bad request\"}" : answer);
    }
  }

  /** The V2 answer for a valid half_plus_two request, null for anything else. */
  private static String answer(String body) {
    try {
      Map<?, ?> doc = (Map<?, ?>) JsonParser.parse(body);
      Map<?, ?> x = (Map<?, ?>) ((List<?>) doc.get("inputs")).get(0);
      List<?> data = (List<?>) x.get("data");
      if (((List<?>) doc.get("inputs")).size() != 1 || !"x".equals(x.get("name")) || !"FP32".equals(x.get("datatype"))
          || !List.of((long) data.size()).equals(x.get("shape")) || data.isEmpty()) {
        return null;
      }
      String y = data.stream().map(v -> String.valueOf(0.5 * ((Number) v).doubleValue() + 2)).toList().toString();
      String id = doc.get("id") instanceof String s ? "\"id\":\"" + s + "\"," : "";
      return "{" + id + "\"outputs\":[{\"name\":\"y\",\"datatype\":\"FP32\",\"shape\":[" + data.size() + "],\"data\":"
          + y.replace(" ", "") + "}]}";
    } catch (RuntimeException e) {
      return null; // a cast or parse failure: some malformed request
    }
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}

package dev.shellcamp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http check against a real server on a loopback port (the JDK's HttpServer): each field
 * passes when the answer has it and fails, naming expected and found, when it does not.
 */
class HttpCheckTest {
  private static HttpServer server;
  private static String base;
  /** what the last request to /echo carried: method, content type and body */
  private static final AtomicReference<String> SEEN = new AtomicReference<>("");

  @TempDir Path ws;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/infer", ex -> reply(ex, 200, "application/json",
        "{\"model_name\":\"m\",\"outputs\":[{\"name\":\"y\",\"data\":[2.5,3.0000001]}],\"ok\":true,\"tag\":\"2.5\"}"));
    server.createContext("/text", ex -> reply(ex, 200, "text/plain; charset=utf-8", "ready\n"));
    server.createContext("/missing", ex -> reply(ex, 404, "application/json", "{\"error\":\"no such model\"}"));
    server.createContext("/slow", ex -> {
      sleep(400);
      reply(ex, 200, "text/plain", "late");
    });
    server.createContext("/echo", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      SEEN.set(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " " + body);
      reply(ex, 200, "text/plain", ex.getRequestMethod());
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Result eval(Object... kv) {
    return Checks.evaluate(FakeContext.spec("http", kv), new FakeContext(ws));
  }

  private Result evalIn(String lang, Object... kv) {
    FakeContext c = new FakeContext(ws) {
      @Override
      public Messages messages() {
        return Messages.of(lang);
      }
    };
    return Checks.evaluate(FakeContext.spec("http", kv), c);
  }

  @Test
  void aRequestWhoseAnswerHasEveryFieldPasses() {
    Result r = eval("url", base + "/infer", "method", "POST", "body", "{\"inputs\":[]}", "status", "200",
        "header", Map.of("content-type", "application/json"),
        "json", Map.of("$.outputs[0].data[0]", "2.5", "$.outputs[0].data[1]", "3", "$.model_name", "m",
            "$.ok", "true", "$['tag']", "2.5", "$.outputs[0].data", "[2.5, 3.0]"),
        "contains", "\"model_name\":\"m\"", "regex", "\"data\":\\[2\\.5,", "within_ms", "2000");
    assertTrue(r.passed(), r.reason());
  }

  @Test
  void theBodyIsSentAsJsonByPostUnlessTheCheckSaysOtherwise() {
    assertTrue(eval("url", base + "/echo", "body", "{\"a\":1}").passed());
    assertEquals("POST application/json {\"a\":1}", SEEN.get());
    assertTrue(eval("url", base + "/echo", "method", "PUT", "body", "a=1", "content_type", "text/plain").passed());
    assertEquals("PUT text/plain a=1", SEEN.get());
    assertTrue(eval("url", base + "/echo").passed());
    assertEquals("GET null ", SEEN.get());
  }

  @Test
  void aWrongStatusNamesBothAndShowsTheBody() {
    Result r = eval("url", base + "/missing", "status", "200");
    assertFalse(r.passed());
    assertTrue(r.reason().contains("status 200") && r.reason().contains("answered 404")
        && r.reason().contains("no such model"), r.reason());
    assertTrue(eval("url", base + "/missing", "status", "404").passed());
  }

  @Test
  void withoutStatusAnyNon2xxFails() {
    Result r = eval("url", base + "/missing");
    assertTrue(r.reason().contains("status 2xx") && r.reason().contains("404"), r.reason());
  }

  @Test
  void headersAreMatchedByRegexAndAMissingOneNamesThoseThere() {
    Result r = eval("url", base + "/text", "header", Map.of("Content-Type", "application/json"));
    assertTrue(r.reason().contains("/application/json/") && r.reason().contains("text/plain; charset=utf-8"), r.reason());
    r = eval("url", base + "/text", "header", Map.of("x-model", "."));
    assertTrue(r.reason().contains("x-model header, but it has none") && r.reason().contains("content-type"), r.reason());
  }

  @Test
  void bodyContainsAndRegexShowWhatCame() {
    Result r = eval("url", base + "/text", "contains", "not ready");
    assertTrue(r.reason().contains("\"not ready\"") && r.reason().contains("| ready"), r.reason());
    r = eval("url", base + "/text", "regex", "^live$");
    assertTrue(r.reason().contains("/^live$/") && r.reason().contains("| ready"), r.reason());
  }

  @Test
  void jsonValuesNameThePathTheExpectedAndTheFound() {
    Result r = eval("url", base + "/infer", "json", Map.of("$.outputs[0].data[0]", "4.5"));
    assertTrue(r.reason().contains("expected 4.5 at $.outputs[0].data[0], found 2.5"), r.reason());
    r = eval("url", base + "/infer", "json", Map.of("$.tag", "2.50"));
    assertTrue(r.reason().contains("found \"2.5\""), "a string is compared as text: " + r.reason());
    r = eval("url", base + "/infer", "json", Map.of("$.outputs[1].data[0]", "2.5"));
    assertTrue(r.reason().contains("expected a value at $.outputs[1].data[0], but $.outputs is [{"), r.reason());
    r = eval("url", base + "/infer", "json", Map.of("$.model", "m"));
    assertTrue(r.reason().contains("but $ is {\"model_name\""), r.reason());
    r = eval("url", base + "/text", "json", Map.of("$.ready", "true"));
    assertTrue(r.reason().contains("should answer with JSON") && r.reason().contains("| ready"), r.reason());
  }

  @Test
  void aSlowAnswerFailsWithTheTimeTaken() {
    Result r = eval("url", base + "/slow", "within_ms", "100");
    assertTrue(r.reason().matches("(?s).*within 100 ms, but took [4-9]\\d\\d ms.*"), r.reason());
    assertTrue(eval("url", base + "/slow", "within_ms", "3000").passed());
  }

  @Test
  void nothingListeningSaysToStartTheServer() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Result r = eval("url", "http://127.0.0.1:" + port + "/v2/health/ready");
    assertTrue(r.reason().contains("nothing answers at http://127.0.0.1:" + port), r.reason());
  }

  @Test
  void failuresAreInKoreanToo() {
    Result r = evalIn("ko", "url", base + "/missing", "status", "200");
    assertTrue(r.reason().contains("상태 코드 200") && r.reason().contains("404"), r.reason());
    r = evalIn("ko", "url", base + "/infer", "json", Map.of("$.outputs[0].data[0]", "4.5"));
    assertTrue(r.reason().contains("4.5이어야") && r.reason().contains("2.5"), r.reason());
  }
}

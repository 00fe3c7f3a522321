package dev.shellcamp.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad requests (src/test/resources/classroom/bad-requests.txt): each gets its 4xx
 * with a JSON error, nothing of it is stored, and the server keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassBadInputTest {
  ClassServer server;
  ClassClient client;
  String learner;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    server = ClassServer.start(new ClassServer.Options("127.0.0.1", 0, dir.resolve("class.db").toString(), 10, 3));
    client = new ClassClient(server.url());
    learner = client.join(server.code(), "Learner");
  }

  @AfterAll
  void stop() throws Exception {
    // nothing of the corpus was stored: no events, no notes, no learner but those joined here
    var rows = client.get("/api/learners", server.token()).json();
    assertTrue(rows.size() <= 2, rows.toString());
    String id = learner.substring(0, learner.indexOf('.'));
    assertEquals(0, client.get("/api/learners/" + id + "/timeline", server.token()).json().size());
    assertEquals(0, client.get("/api/notes?after=0", learner).json().size());
    server.close();
  }

  record Case(String line, List<Integer> statuses, String method, String path, String auth, String body) {
    @Override
    public String toString() {
      return line.length() > 110 ? line.substring(0, 110) + "…" : line;
    }
  }

  Stream<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (var in = ClassBadInputTest.class.getResourceAsStream("/classroom/bad-requests.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|", 5);
        List<Integer> statuses = Stream.of(f[0].strip().split("/")).map(Integer::valueOf).toList();
        cases.add(new Case(line, statuses, f[1].strip(), f[2].strip(), f[3].strip(), f.length > 4 ? f[4].strip() : ""));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void isRefusedWithItsStatusAndAReason(Case c) throws Exception {
    String body = c.body().isEmpty() && c.method().equals("GET") ? null : body(c.body());
    var a = client.send(c.method(), c.path(), auth(c.auth()), body);
    assertTrue(c.statuses().contains(a.status()), c + " → " + a);
    if (a.body().startsWith("{")) {
      assertNotNull(a.json().get("error"), a.body());
    }
    assertEquals(200, client.get("/api/learners", server.token()).status(), "the server stays up after " + c);
  }

  /**
   * A reply sent while the client is still writing, then a close, resets the connection and loses the
   * reply; sent many times over one kept-alive client, the 413 must arrive every time.
   */
  @Test
  void anOversizedBodyIsAnsweredEveryTime() throws Exception {
    for (String spec : List.of("@big(300000)", "@big(2000000)")) {
      for (int i = 0; i < 20; i++) {
        var a = client.send("POST", "/api/events", learner, body(spec));
        assertEquals(413, a.status(), spec + " try " + i + ": " + a.body());
        assertNotNull(a.json().get("error"), a.body());
      }
    }
  }

  @Test
  void aFloodFromOneLearnerIsToldToWait() throws Exception {
    String flood = client.join(server.code(), "Flood");
    ClassClient.Answer last = null;
    for (int i = 0; i < 8 && (last == null || last.status() == 200); i++) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int k = 1; k <= 100; k++) {
        batch.add(Map.of("seq", i * 100L + k, "type", "idle", "at", 1L));
      }
      last = client.events(flood, batch);
    }
    assertEquals(429, last.status(), last.body());
    assertTrue(last.body().contains("try again"), last.body());
  }

  private String auth(String kind) {
    return switch (kind) {
      case "none" -> null;
      case "learner" -> learner;
      case "other-secret" -> learner.substring(0, learner.indexOf('.') + 1) + "not-the-secret";
      case "token" -> server.token();
      case "bad-token" -> server.token().substring(1) + "A";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static final Pattern GEN = Pattern.compile("@(big|events|code)\\((.*)\\)");

  private String body(String spec) throws IOException {
    Matcher m = GEN.matcher(spec);
    if (!m.matches()) {
      return spec;
    }
    return switch (m.group(1)) {
      case "big" -> "{\"name\":\"" + "x".repeat(Integer.parseInt(m.group(2))) + "\"}";
      case "code" -> "{\"code\":\"" + server.code() + "\",\"name\":" + m.group(2) + "}";
      default -> {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 1; i <= Integer.parseInt(m.group(2)); i++) {
          events.add(Map.of("seq", (long) i, "type", "idle", "at", 1L));
        }
        yield ClassClient.JSON.writeValueAsString(Map.of("sent", 1L, "events", events));
      }
    };
  }
}

package dev.shellcamp.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class server's API over real HTTP, on each real store (ClassServerSqliteTest, ClassServerPostgresTest). */
abstract class ClassServerTest {
  @TempDir Path dir;
  ClassServer server;
  ClassClient client;

  @BeforeEach
  void start() throws Exception {
    server = ClassServer.start(new ClassServer.Options("127.0.0.1", 0, db(dir), 10, 3));
    client = new ClassClient(server.url());
  }

  abstract String db(Path dir) throws Exception;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void learnersAppearAtTheirStepsWithTheirLastReason() throws Exception {
    String mina = client.join(server.code(), "Mina");
    var a = client.events(mina, List.of(
        ClassClient.event(1, "step_entered", "linux/streams", "overwrite", 1, 9),
        ClassClient.failed(2, "linux/streams", "overwrite", 1, 9, "expected 1 line, found 3", "1줄이어야 하는데 3줄이에요")));
    assertEquals(200, a.status(), a.body());
    JsonNode rows = client.get("/api/learners", server.token()).json();
    assertEquals(1, rows.size());
    JsonNode r = rows.get(0);
    assertEquals("Mina", r.get("name").asText());
    assertEquals("linux/streams", r.get("lesson").asText());
    assertEquals("overwrite", r.get("step").asText());
    assertEquals(1, r.get("fails").asInt());
    assertEquals("1줄이어야 하는데 3줄이에요", r.get("last_reason").get("ko").asText());
    assertFalse(r.get("stuck").asBoolean());
  }

  @Test
  void aResentBatchIsStoredOnce() throws Exception {
    String cred = client.join(server.code(), "Jae");
    var batch = List.of(ClassClient.event(1, "step_entered", "linux/streams", "a", 0, 3), ClassClient.event(2, "step_passed", "linux/streams", "a", 0, 3));
    assertEquals("{\"stored\":2,\"duplicates\":0}", client.events(cred, batch).body());
    assertEquals("{\"stored\":0,\"duplicates\":2}", client.events(cred, batch).body());
    JsonNode timeline = client.get("/api/learners/" + cred.substring(0, cred.indexOf('.')) + "/timeline", server.token()).json();
    assertEquals(2, timeline.size());
  }

  @Test
  void threeFailedChecksMakeALearnerStuck() throws Exception {
    String cred = client.join(server.code(), "Su");
    client.events(cred, List.of(ClassClient.event(1, "step_entered", "linux/streams", "a", 0, 3),
        ClassClient.failed(2, "linux/streams", "a", 0, 3, "x", "x"), ClassClient.failed(3, "linux/streams", "a", 0, 3, "y", "y"),
        ClassClient.failed(4, "linux/streams", "a", 0, 3, "z", "z")));
    JsonNode r = client.get("/api/learners", server.token()).json().get(0);
    assertTrue(r.get("stuck").asBoolean(), r.toString());
  }

  @Test
  void theInstructorsRoutesNeedTheToken() throws Exception {
    for (String path : List.of("/api/learners", "/api/export.csv", "/api/export.xapi", "/api/stats", "/api/stream")) {
      assertEquals(401, client.get(path, null).status(), path);
      assertEquals(401, client.get(path, server.token() + "x").status(), path);
    }
    String learner = client.join(server.code(), "Eve");
    assertEquals(401, client.get("/api/learners", learner).status());
    assertEquals(401, client.post("/api/broadcast", learner, Map.of("text", "hi")).status());
  }

  @Test
  void aBroadcastReachesEveryLearnerAndAHintOnlyItsOwn() throws Exception {
    String a = client.join(server.code(), "A");
    String b = client.join(server.code(), "B");
    ClassClient.Answer sent = client.post("/api/broadcast", server.token(), Map.of("text", "break at 3"));
    assertEquals(200, sent.status());
    assertEquals(2, sent.json().get("learners").asInt(), sent.body());
    String idA = a.substring(0, a.indexOf('.'));
    assertEquals(200, client.post("/api/learners/" + idA + "/hint", server.token(), Map.of("text", "use >")).status());
    assertEquals(2, client.get("/api/notes?after=0", a).json().size());
    JsonNode forB = client.get("/api/notes?after=0", b).json();
    assertEquals(1, forB.size());
    assertEquals("broadcast", forB.get(0).get("kind").asText());
    long last = forB.get(0).get("id").asLong();
    assertEquals(0, client.get("/api/notes?after=" + last, b).json().size());
  }

  @Test
  void theCsvHasARowPerLearnerAndDefusesFormulas() throws Exception {
    String a = client.join(server.code(), "=HYPERLINK(\"http://x\")");
    client.join(server.code(), "Kim, Min-ji");
    client.events(a, List.of(ClassClient.event(1, "step_entered", "linux/streams", "overwrite", 1, 9)));
    var csv = client.get("/api/export.csv", server.token());
    assertEquals(200, csv.status());
    String[] lines = csv.body().split("\r\n");
    assertEquals(3, lines.length, csv.body());
    assertTrue(lines[0].startsWith("id,name,lesson,step,"), lines[0]);
    assertTrue(csv.body().contains(",\"'=HYPERLINK(\"\"http://x\"\")\",linux/streams,overwrite,2,9,"), csv.body());
    assertTrue(csv.body().contains(",\"Kim, Min-ji\","), csv.body());
  }

  @Test
  void xapiHasAStatementPerEvent() throws Exception {
    String a = client.join(server.code(), "Mina");
    client.events(a, List.of(ClassClient.event(1, "step_entered", "linux/streams", "a", 0, 9),
        ClassClient.event(2, "step_passed", "linux/streams", "a", 0, 9)));
    JsonNode st = client.get("/api/export.xapi", server.token()).json().get("statements");
    assertEquals(2, st.size());
    assertEquals("http://adlnet.gov/expapi/verbs/passed", st.get(1).get("verb").get("id").asText());
    assertEquals("Mina", st.get(1).get("actor").get("name").asText());
    assertTrue(st.get(1).get("result").get("success").asBoolean());
  }

  @Test
  void statsNameEachStepAndANewLessonHasNoStepYet() throws Exception {
    String a = client.join(server.code(), "Mina");
    client.events(a, List.of(ClassClient.event(1, "step_entered", "linux/streams", "intro", 0, 2),
        ClassClient.event(2, "step_passed", "linux/streams", "intro", 0, 2),
        Map.of("seq", 3, "type", "lesson_started", "at", System.currentTimeMillis(), "lesson", "linux/files")));
    JsonNode stats = client.get("/api/stats", server.token()).json();
    assertEquals("intro", stats.get(0).get("step").asText(), stats.toString());
    assertEquals(1, stats.get(0).get("passes").asInt());
    assertTrue(stats.get(0).has("median_ms"), stats.toString());
    JsonNode r = client.get("/api/learners", server.token()).json().get(0);
    assertEquals("linux/files", r.get("lesson").asText());
    assertTrue(r.get("step").isNull(), r.toString());
  }

  @Test
  void theBoardKnowsTheCodeToShow() throws Exception {
    JsonNode about = client.get("/api/class", server.token()).json();
    assertEquals(server.code(), about.get("code").asText());
    assertEquals(401, client.get("/api/class", null).status());
  }
}

package dev.shellcamp.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real class server for the tutor's tests (classlink, cli, repl): on an SQLite file, stopped
 * and started again on the same port and store, read back through its own API. Tests that need a
 * server to misbehave on cue (slow answers, 429 or 401 at will) use the stand-in in classlink.
 */
public final class RealClass implements AutoCloseable {
  private final Path db;
  private ClassServer server;
  private ClassClient client;
  private int port;

  /** Where a learner's event ended up: the learner's id and the event as the timeline shows it. */
  public record Stored(String learner, JsonNode event) {
  }

  public RealClass() throws Exception {
    db = Files.createTempDirectory("real-class").resolve("class.db");
    start();
  }

  public synchronized void start() throws Exception {
    server = ClassServer.start(new ClassServer.Options("127.0.0.1", port, db.toString(), 10, 3));
    port = Integer.parseInt(server.url().substring(server.url().lastIndexOf(':') + 1));
    client = new ClassClient(server.url());
  }

  public synchronized void stop() throws Exception {
    server.close();
  }

  public String url() {
    return server.url();
  }

  public String code() {
    return server.code();
  }

  public String token() {
    return server.token();
  }

  public long broadcast(String text) throws Exception {
    return client.post("/api/broadcast", server.token(), Map.of("text", text)).json().get("id").asLong();
  }

  /** The note's id, or -1 where the server refused it (a learner not in this class). */
  public long hint(String learner, String text) throws Exception {
    var a = client.post("/api/learners/" + learner + "/hint", server.token(), Map.of("text", text));
    return a.status() == 200 ? a.json().get("id").asLong() : -1;
  }

  public JsonNode learners() throws Exception {
    return client.get("/api/learners", server.token()).json();
  }

  public String csv() throws Exception {
    return client.get("/api/export.csv", server.token()).body();
  }

  /** Every stored event, learner by learner in the order they joined, each learner's in seq order. */
  public List<Stored> events() {
    try {
      List<Stored> out = new ArrayList<>();
      for (JsonNode l : learners()) {
        String id = l.get("id").asText();
        for (JsonNode e : client.get("/api/learners/" + id + "/timeline", server.token()).json()) {
          out.add(new Stored(id, e));
        }
      }
      return out;
    } catch (Exception e) {
      return List.of();
    }
  }

  public List<String> types() {
    return events().stream().map(s -> s.event().get("type").asText()).toList();
  }

  public List<Long> seqs() {
    return events().stream().map(s -> s.event().get("seq").asLong()).toList();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (Exception e) {
      // already stopped
    }
  }
}

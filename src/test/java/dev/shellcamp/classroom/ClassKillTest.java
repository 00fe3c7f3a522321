package dev.shellcamp.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `shellcamp class serve` killed with SIGKILL while four tutors post batches: after a restart on
 * the same file, every batch that was answered 200 is there, no batch is there in part, and the
 * class (code, token, learners' credentials) is the same.
 */
class ClassKillTest {
  @TempDir Path dir;

  record Started(Process process, String code, String url, String token) {
  }

  private Started serve(Path db) throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "dev.shellcamp.Main",
        "class", "serve", "--host", "127.0.0.1", "--port", "0", "--db", db.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().put("XDG_DATA_HOME", dir.toString());
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String code = out.readLine();
    String board = out.readLine();
    assertTrue(code != null && code.startsWith("code: "), "first line: " + code);
    Matcher m = Pattern.compile("board: (http://[^/]+)/board#token=(.+)").matcher(String.valueOf(board));
    assertTrue(m.matches(), "second line: " + board);
    return new Started(p, code.substring(6), m.group(1), m.group(2));
  }

  @Test
  void aKilledServerLosesNoAnsweredBatchAndStoresNoneInPart() throws Exception {
    Path db = dir.resolve("class.db");
    Started first = serve(db);
    ClassClient client = new ClassClient(first.url());
    List<String> creds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      creds.add(client.join(first.code(), "learner" + i));
    }
    Map<String, Set<Long>> acked = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> tutors = new ArrayList<>();
    for (String cred : creds) {
      Set<Long> mine = ConcurrentHashMap.newKeySet();
      acked.put(cred.substring(0, cred.indexOf('.')), mine);
      Thread t = new Thread(() -> post(client, cred, mine, stop));
      tutors.add(t);
      t.start();
    }
    Thread.sleep(1500);
    first.process().destroyForcibly().waitFor();
    stop.set(true);
    for (Thread t : tutors) {
      t.join();
    }
    int answered = acked.values().stream().mapToInt(Set::size).sum();
    assertTrue(answered >= 40, "the tutors got only " + answered + " events answered before the kill");

    Map<String, Set<Long>> stored = stored(db);
    for (var e : acked.entrySet()) {
      Set<Long> have = stored.getOrDefault(e.getKey(), Set.of());
      assertTrue(have.containsAll(e.getValue()), e.getKey() + " lost answered events");
      for (long seq : have) {
        long batchStart = (seq - 1) / 10 * 10 + 1;
        for (long s = batchStart; s < batchStart + 10; s++) {
          assertTrue(have.contains(s), e.getKey() + ": batch from " + batchStart + " is stored in part (no " + s + ")");
        }
      }
    }

    Started again = serve(db);
    try {
      assertEquals(first.code(), again.code());
      assertEquals(first.token(), again.token());
      ClassClient after = new ClassClient(again.url());
      var more = after.events(creds.get(0), List.of(Map.of("seq", 1_000_000L, "type", "idle", "at", 1L)));
      assertEquals(200, more.status(), "a learner's credentials still work after the restart: " + more);
      var rows = after.get("/api/learners", again.token()).json();
      assertEquals(4, rows.size());
    } finally {
      again.process().destroy();
      again.process().waitFor();
    }
  }

  /** Batches of 10 step events (seq 1–10, 11–20, …) until stopped; what is answered 200 is acked. */
  private static void post(ClassClient client, String cred, Set<Long> acked, AtomicBoolean stop) {
    long seq = 1;
    while (!stop.get()) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = 0; i < 10; i++, seq++) {
        batch.add(ClassClient.event(seq, i % 2 == 0 ? "step_entered" : "step_passed", "linux/streams", "s" + seq, 0, 9));
      }
      try {
        var a = client.events(cred, batch);
        if (a.status() == 200) {
          batch.forEach(e -> acked.add((Long) e.get("seq")));
        } else if (a.status() == 429) {
          Thread.sleep(200);
          seq -= 10;
        }
      } catch (Exception e) {
        return;
      }
    }
  }

  private static Map<String, Set<Long>> stored(Path db) throws Exception {
    Map<String, Set<Long>> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT learner_id, seq FROM events")) {
      while (r.next()) {
        out.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getLong(2));
      }
    }
    return out;
  }
}

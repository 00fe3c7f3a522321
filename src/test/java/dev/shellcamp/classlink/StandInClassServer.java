package dev.shellcamp.classlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STAND-IN for the class server (the real one, package classroom, is being written): the
 * learner routes of docs/class.md (join, events, notes) with their status codes, kept in
 * memory, plus knobs a test turns: stop and restart on the same port, answer slowly, answer
 * 429 with Retry-After, refuse every credential (401). It checks what the real one checks on
 * these routes (Bearer, batch size, body size, types, seq), so a tutor that passes here
 * speaks the protocol.
 */
public final class StandInClassServer implements AutoCloseable {
  static final String CODE = "K7Q-F2M";
  private static final Set<String> TYPES = Set.of("joined", "lesson_started", "step_entered", "check_failed", "hint",
      "solution", "skip", "step_passed", "lesson_completed", "idle", "left");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored event and the server's clock when its batch arrived. */
  public record Stored(String learner, JsonNode event, long sent, long received) {}

  /** A request as it arrived: method, path and the server's clock (ms). */
  public record Hit(String method, String path, int status, long at) {}

  private final int port;
  private HttpServer server;
  private final Map<String, String> secrets = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, Set<Long>> seqs = new HashMap<>();
  private final List<Stored> events = new CopyOnWriteArrayList<>();
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> notes = new CopyOnWriteArrayList<>();
  private volatile Duration delay = Duration.ZERO;
  private final AtomicInteger pausing = new AtomicInteger();
  private final AtomicInteger tooMany = new AtomicInteger();
  private final AtomicInteger tooManyJoins = new AtomicInteger();
  private volatile int retryAfter = 1;
  private volatile boolean refuseAll;
  private final AtomicInteger duplicates = new AtomicInteger();

  public StandInClassServer() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    port = server.getAddress().getPort();
    serve();
  }

  private void serve() {
    server.createContext("/api/join", this::join);
    server.createContext("/api/events", this::events);
    server.createContext("/api/notes", this::notes);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "stand-in-class");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The server goes away: connections are refused until {@link #start}. What it stored stays. */
  public synchronized void stop() {
    server.stop(0);
  }

  /** Back on the same port. */
  public synchronized void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    serve();
  }

  public void slow(Duration d) {
    delay = d;
  }

  /** How many requests are being held back by {@link #slow} right now. */
  public int slowed() {
    return pausing.get();
  }

  /** The next {@code n} joins get 429 with {@code Retry-After: seconds}, as the real server's join limit answers. */
  public void tooManyJoins(int n, int seconds) {
    retryAfter = seconds;
    tooManyJoins.set(n);
  }

  /** The next {@code n} event batches get 429 with {@code Retry-After: seconds}. */
  public void tooMany(int n, int seconds) {
    retryAfter = seconds;
    tooMany.set(n);
  }

  /** Every credential is refused from now on, as after the class was reset. */
  public void refuseAll() {
    refuseAll = true;
  }

  public synchronized long broadcast(String text) {
    return note(text, "broadcast", null);
  }

  public synchronized long hint(String learner, String text) {
    return note(text, "hint", learner);
  }

  private long note(String text, String kind, String learner) {
    long id = notes.size() + 1;
    Map<String, Object> n = new HashMap<>(Map.of("id", id, "text", text, "kind", kind, "at", System.currentTimeMillis()));
    if (learner != null) {
      n.put("learner", learner);
    }
    notes.add(n);
    return id;
  }

  public List<Stored> events() {
    return List.copyOf(events);
  }

  /** The types of the stored events in arrival order. */
  public List<String> types() {
    return events.stream().map(e -> e.event().get("type").asText()).toList();
  }

  public List<Long> seqs() {
    return events.stream().map(e -> e.event().get("seq").asLong()).toList();
  }

  /** Events that arrived again after they were stored (a tutor resending what was answered 200). */
  public int duplicates() {
    return duplicates.get();
  }

  public List<Hit> hits() {
    return List.copyOf(hits);
  }

  private void join(HttpExchange x) throws IOException {
    pause();
    if (tooManyJoins.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      x.getRequestBody().readAllBytes();
      x.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
      answer(x, 429, Map.of("error", "too many joins from this address"));
      return;
    }
    JsonNode body = JSON.readTree(x.getRequestBody());
    String code = body.path("code").asText("");
    String name = body.path("name").asText("");
    synchronized (this) {
      if (!CODE.equals(code)) {
        answer(x, 403, Map.of("error", "wrong class code"));
      } else if (name.isEmpty() || name.length() > 40 || name.chars().anyMatch(Character::isISOControl)) {
        answer(x, 400, Map.of("error", "a name has 1 to 40 characters and no control characters"));
      } else if (names.containsValue(name)) {
        answer(x, 409, Map.of("error", "the name " + name + " is taken in this class"));
      } else {
        String learner = "l-" + (names.size() + 1);
        String secret = UUID.randomUUID().toString();
        names.put(learner, name);
        secrets.put(learner, secret);
        seqs.put(learner, new java.util.HashSet<>());
        answer(x, 200, Map.of("learner", learner, "secret", secret, "name", name));
      }
    }
  }

  /** The learner of a valid {@code Bearer LEARNER.SECRET}, or null. */
  private synchronized String learner(HttpExchange x) {
    String auth = x.getRequestHeaders().getFirst("Authorization");
    if (refuseAll || auth == null || !auth.startsWith("Bearer ")) {
      return null;
    }
    String[] parts = auth.substring(7).split("\\.", 2);
    return parts.length == 2 && parts[1].equals(secrets.get(parts[0])) ? parts[0] : null;
  }

  private void events(HttpExchange x) throws IOException {
    pause();
    byte[] raw = x.getRequestBody().readAllBytes();
    String learner = learner(x);
    if (learner == null) {
      answer(x, 401, Map.of("error", "unknown learner"));
      return;
    }
    if (tooMany.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      x.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
      answer(x, 429, Map.of("error", "slow down"));
      return;
    }
    if (raw.length > 256 * 1024) {
      answer(x, 413, Map.of("error", "body over 256 KiB"));
      return;
    }
    JsonNode body = JSON.readTree(raw);
    JsonNode list = body.path("events");
    String bad = !body.path("sent").isIntegralNumber() ? "sent must be a number"
        : !list.isArray() || list.size() < 1 || list.size() > 100 ? "1 to 100 events" : null;
    for (int i = 0; bad == null && i < list.size(); i++) {
      JsonNode e = list.get(i);
      if (!e.path("seq").isIntegralNumber() || e.get("seq").asLong() < 1) {
        bad = "event " + i + ": seq must be a number from 1";
      } else if (!TYPES.contains(e.path("type").asText())) {
        bad = "event " + i + ": unknown type " + e.path("type").asText();
      } else if (!e.path("at").isIntegralNumber()) {
        bad = "event " + i + ": at must be a number";
      }
    }
    if (bad != null) {
      answer(x, 400, Map.of("error", bad));
      return;
    }
    int stored = 0;
    synchronized (this) {
      for (JsonNode e : list) {
        if (seqs.get(learner).add(e.get("seq").asLong())) {
          events.add(new Stored(learner, e, body.get("sent").asLong(), System.currentTimeMillis()));
          stored++;
        }
      }
    }
    duplicates.addAndGet(list.size() - stored);
    answer(x, 200, Map.of("stored", stored, "duplicates", list.size() - stored));
  }

  private void notes(HttpExchange x) throws IOException {
    pause();
    String learner = learner(x);
    if (learner == null) {
      answer(x, 401, Map.of("error", "unknown learner"));
      return;
    }
    String q = x.getRequestURI().getQuery();
    long after = q != null && q.startsWith("after=") ? Long.parseLong(q.substring(6)) : 0;
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> n : notes) {
      if ((long) n.get("id") > after && (n.get("learner") == null || learner.equals(n.get("learner")))) {
        Map<String, Object> copy = new HashMap<>(n);
        copy.remove("learner");
        out.add(copy);
      }
    }
    answer(x, 200, out);
  }

  private void pause() {
    long ms = delay.toMillis();
    if (ms > 0) {
      pausing.incrementAndGet();
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (ms > 0) {
        pausing.decrementAndGet();
      }
    }
  }

  private void answer(HttpExchange x, int status, Object body) throws IOException {
    hits.add(new Hit(x.getRequestMethod(), x.getRequestURI().getPath(), status, System.currentTimeMillis()));
    byte[] b = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package dev.shellcamp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The class server under a class's load: N simulated tutors each post one step_passed event a
 * second for D seconds to a real `shellcamp class serve` process, while one board reads the live
 * stream. Event → board latency is from a tutor starting its POST to the board receiving the row
 * that counts it (a row's "passed" is the learner's seq). Lost = sent but not on the board at the end.
 * Args: DB (file path or postgresql://…) [learners=200] [seconds=60]
 */
public final class ClassBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClassBench() {}

  public static void main(String[] args) throws Exception {
    String db = args[0];
    int learners = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    Path tmp = Files.createTempDirectory("class-bench");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.shellcamp.Main", "class", "serve", "--host", "127.0.0.1",
        "--port", "0", "--db", db).redirectError(tmp.resolve("stderr.txt").toFile()).start();
    try {
      run(server, learners, seconds, db);
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
    System.exit(0);
  }

  private static void run(Process server, int learners, int seconds, String db) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String code = out.readLine().substring(6);
    Matcher m = Pattern.compile("board: (http://[^/]+)/board#token=(.+)").matcher(out.readLine());
    if (!m.matches()) {
      throw new IllegalStateException("no board line");
    }
    String base = m.group(1);
    String token = m.group(2);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(8, r -> {
          Thread t = new Thread(r);
          t.setDaemon(true);
          return t;
        })).build();
    String[] creds = new String[learners];
    Map<String, Integer> index = new ConcurrentHashMap<>();
    for (int i = 0; i < learners; i++) {
      HttpResponse<String> joined;
      // joins from one address are limited (10 a second, bursts of 100): wait as a tutor would
      while ((joined = post(http, base + "/api/join", null,
          JSON.writeValueAsString(Map.of("code", code, "name", "learner" + i)))).statusCode() == 429) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
      JsonNode j = JSON.readTree(joined.body());
      if (joined.statusCode() != 200) {
        throw new IllegalStateException("join: " + joined.body());
      }
      creds[i] = j.get("learner").asText() + "." + j.get("secret").asText();
      index.put(j.get("learner").asText(), i);
    }
    long[][] sentAt = new long[learners][seconds + 2];
    int[] seen = new int[learners];
    Histogram latency = new Histogram(60_000_000L, 3);
    Thread board = boardReader(http, base, token, index, sentAt, seen, latency);
    long cpu0 = cpuTicks(server.pid());
    AtomicLong sent = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ScheduledExecutorService tutors = Executors.newScheduledThreadPool(16);
    long start = System.nanoTime();
    for (int i = 0; i < learners; i++) {
      int who = i;
      long[] seq = {0};
      tutors.scheduleAtFixedRate(() -> {
        if (seq[0] >= seconds) {
          return;
        }
        long s = ++seq[0];
        sentAt[who][(int) s] = System.nanoTime();
        String body = "{\"sent\":" + System.currentTimeMillis() + ",\"events\":[{\"seq\":" + s
            + ",\"type\":\"step_passed\",\"at\":" + System.currentTimeMillis()
            + ",\"lesson\":\"linux/streams\",\"step\":\"s\",\"index\":0,\"total\":9}]}";
        // a tutor retries until the server answers 200, as the real one does from its queue
        for (int attempt = 0; attempt < 20; attempt++) {
          try {
            if (post(http, base + "/api/events", creds[who], body).statusCode() == 200) {
              sent.incrementAndGet();
              return;
            }
          } catch (Exception e) {
            // retried below
          }
          failed.incrementAndGet();
        }
      }, (long) (1000.0 * i / learners), 1000, TimeUnit.MILLISECONDS);
    }
    TimeUnit.MILLISECONDS.sleep(seconds * 1000L + 3000);
    tutors.shutdownNow();
    long wall = System.nanoTime() - start;
    long cpu = cpuTicks(server.pid()) - cpu0;
    long rssKb = statusKb(server.pid(), "VmHWM:");
    board.interrupt();
    JsonNode rows = JSON.readTree(get(http, base + "/api/learners", token).body());
    long onBoard = 0;
    for (JsonNode r : rows) {
      onBoard += r.get("passed").asLong();
    }
    String store = db.startsWith("postgres") ? "postgresql" : "sqlite";
    synchronized (latency) {
      System.out.printf("class_%s learners=%d seconds=%d events_sent=%d events_on_board=%d lost=%d retries=%d "
              + "board_latency_ms p50=%.1f p95=%.1f p99=%.1f max=%.1f server_cpu=%.0f%% server_rss_peak_mib=%.0f%n",
          store, learners, seconds, sent.get(), onBoard, (long) learners * seconds - onBoard, failed.get(),
          latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
          latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
          100.0 * cpu * 10_000_000L / wall, rssKb / 1024.0);
    }
  }

  /** Reads the live stream; each learner row's "passed" says which of that learner's events it shows. */
  private static Thread boardReader(HttpClient http, String base, String token, Map<String, Integer> index,
      long[][] sentAt, int[] seen, Histogram latency) throws Exception {
    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stream"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        String event = "";
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith("event: ")) {
            event = line.substring(7);
          } else if (line.startsWith("data: ") && event.equals("learner")) {
            long now = System.nanoTime();
            JsonNode row = JSON.readTree(line.substring(6));
            Integer who = index.get(row.get("id").asText());
            int passed = row.get("passed").asInt();
            synchronized (latency) {
              for (int s = seen[who] + 1; s <= passed && s < sentAt[who].length; s++) {
                if (sentAt[who][s] > 0) {
                  latency.recordValue(Math.max(0, (now - sentAt[who][s]) / 1000));
                }
              }
              seen[who] = Math.max(seen[who], passed);
            }
          }
        }
      } catch (Exception e) {
        // the bench is over
      }
    }, "board");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static HttpResponse<String> post(HttpClient http, String url, String bearer, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(HttpClient http, String url, String bearer) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** utime + stime of a process, in clock ticks (100 a second on Linux). */
  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long statusKb(long pid, String key) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}

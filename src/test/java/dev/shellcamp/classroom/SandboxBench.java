package dev.shellcamp.classroom;

import dev.shellcamp.sandbox.Limits;
import dev.shellcamp.sandbox.Setup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * scripts/bench: N learners (default 30) each get a Docker sandbox of the tutor image through the
 * class server, and once all are up each types a command every 2 s, key by key, as a person
 * would (the first 20 s not counted). Prints the time to a ready terminal (first and last
 * learner), keystroke echo and command round trip (p50/p95/p99), memory per sandbox and the
 * host's CPU while typing.
 * Usage: SandboxBench IMAGE LEARNERS SECONDS
 */
public final class SandboxBench {
  private SandboxBench() {}

  /** One learner's browser: their terminal, and the probe it is waiting to see. */
  static final class Learner implements WebSocket.Listener {
    final StringBuffer seen = new StringBuffer();
    volatile String want;
    volatile long sentAt;
    volatile CountDownLatch arrived;
    WebSocket ws;
    long ready;

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
      seen.append(data);
      String p = want;
      if (p != null && seen.indexOf(p, Math.max(0, seen.length() - data.length() - p.length())) >= 0) {
        want = null;
        arrived.countDown();
      }
      w.request(1);
      return null;
    }

    /** Sends {@code keys} and waits for {@code expect}; returns the microseconds it took, or -1. */
    long probe(String keys, String expect) throws Exception {
      arrived = new CountDownLatch(1);
      want = expect;
      sentAt = System.nanoTime();
      ws.sendText(keys, true).get(10, TimeUnit.SECONDS);
      boolean ok = arrived.await(10, TimeUnit.SECONDS);
      return ok ? (System.nanoTime() - sentAt) / 1000 : -1;
    }

    void await(String text, long seconds) throws InterruptedException {
      for (long end = System.nanoTime() + seconds * 1_000_000_000L; System.nanoTime() < end; Thread.sleep(100)) {
        if (seen.indexOf(text) >= 0) {
          return;
        }
      }
      throw new IllegalStateException("no " + text + " within " + seconds + " s; the terminal's last output: "
          + seen.substring(Math.max(0, seen.length() - 300)).replaceAll("\\p{Cntrl}", "."));
    }
  }

  public static void main(String[] args) throws Exception {
    String image = args.length > 0 ? args[0] : Setup.DEFAULT_IMAGE;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    Path dir = Files.createTempDirectory("shellcamp-sandbox-bench");
    Setup setup = new Setup("docker", image, "default", Limits.DEFAULT);
    String db = dir.resolve("class.db").toString();
    HttpClient http = HttpClient.newHttpClient();
    try (ClassServer server = ClassServer.start(new ClassServer.Options("0.0.0.0", 0, db, 10, 3, setup))) {
      String base = server.url().replaceFirst("//[^:]+:", "//127.0.0.1:");
      List<Learner> learners = Collections.synchronizedList(new ArrayList<>());
      long t0 = System.nanoTime();
      List<Thread> starts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        Thread t = new Thread(() -> {
          try {
            Learner l = new Learner();
            var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sandboxes"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + server.code() + "\",\"name\":\"bench-" + k + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
            String terminal = ClassClient.JSON.readTree(r.body()).get("terminal").asText();
            l.ws = http.newWebSocketBuilder().buildAsync(URI.create(terminal), l).get(30, TimeUnit.SECONDS);
            l.await("shellcamp ❯", 300);
            l.ready = (System.nanoTime() - t0) / 1_000_000;
            l.ws.sendText("linux/shell-basics\r", true);
            l.await("linux/shell-basics\u001b[0m", 120);
            Thread.sleep(1000);
            learners.add(l);
          } catch (Exception e) {
            System.out.println("learner " + k + " failed: " + e);
          }
        });
        t.start();
        starts.add(t);
      }
      for (Thread t : starts) {
        t.join();
      }
      List<Long> ready = learners.stream().map(l -> l.ready).sorted().toList();
      System.out.printf("sandboxes ready: %d of %d; time to a ready terminal: 1st %.1f s, last %.1f s%n",
          learners.size(), n, ready.isEmpty() ? 0 : ready.get(0) / 1000.0,
          ready.isEmpty() ? 0 : ready.get(ready.size() - 1) / 1000.0);
      Histogram echo = new Histogram(60_000_000L, 3);
      Histogram trip = new Histogram(60_000_000L, 3);
      long[] lost = new long[1];
      // the first 20 s are typed but not counted: 30 fresh JVMs are still compiling the tutor's paths
      long counted = System.nanoTime() + 20_000_000_000L;
      long end = counted + seconds * 1_000_000_000L;
      List<Thread> typists = new ArrayList<>();
      for (int i = 0; i < learners.size(); i++) {
        Learner l = learners.get(i);
        int k = i;
        Thread t = new Thread(() -> {
          try {
            Thread.sleep(k * 2000L / Math.max(1, learners.size()));
            for (int round = 0; System.nanoTime() < end; round++) {
              long next = System.nanoTime() + 2_000_000_000L;
              int v = k * 1000 + round;
              for (char c : ("echo r" + k + "x" + round).toCharArray()) {
                long us = l.probe(String.valueOf(c), String.valueOf(c));
                if (System.nanoTime() > counted) {
                  record(echo, us, lost);
                }
              }
              // the answer is computed, so the typed line's echo cannot match it
              long us = l.probe("$((" + v + "*2))\r", "r" + k + "x" + round + (v * 2));
              if (System.nanoTime() > counted) {
                record(trip, us, lost);
              }
              long wait = next - System.nanoTime();
              if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
              }
            }
          } catch (Exception e) {
            System.out.println("typist " + k + " failed: " + e);
          }
        });
        t.start();
        typists.add(t);
      }
      Thread.sleep(Math.max(0, (counted - System.nanoTime()) / 1_000_000));
      long[] cpu0 = HostCpu.read();
      String mem = DockerStats.memoryPerSandbox(Setup.classId(server.code()));
      for (Thread t : typists) {
        t.join();
      }
      double busy = HostCpu.busy(cpu0, HostCpu.read());
      System.out.printf("keystroke echo: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d keys)%n", ms(echo, 50), ms(echo, 95),
          ms(echo, 99), echo.getTotalCount());
      System.out.printf("command round trip: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d commands, %d lost)%n",
          ms(trip, 50), ms(trip, 95), ms(trip, 99), trip.getTotalCount(), lost[0]);
      System.out.printf("memory per sandbox: %s; host CPU while typing: %.0f %% of %d cores%n", mem, busy * 100,
          Runtime.getRuntime().availableProcessors());
      for (Learner l : learners) {
        l.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      }
    } finally {
      ClassServer.resetSandboxes(db, setup);
    }
  }

  private static void record(Histogram h, long us, long[] lost) {
    if (us < 0) {
      lost[0]++;
    } else {
      h.recordValue(Math.min(us, h.getHighestTrackableValue()));
    }
  }

  private static double ms(Histogram h, double p) {
    return h.getValueAtPercentile(p) / 1000.0;
  }

  /** /proc/stat's busy and total jiffies. */
  static final class HostCpu {
    static long[] read() throws Exception {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    }

    static double busy(long[] a, long[] b) {
      return (double) (b[0] - a[0]) / Math.max(1, b[1] - a[1]);
    }
  }

  /** The class's containers' memory as `docker stats` sees it: mean and largest. */
  static final class DockerStats {
    static String memoryPerSandbox(String classId) throws Exception {
      Process p = new ProcessBuilder("sh", "-c", "docker stats --no-stream --format '{{.MemUsage}}' $(docker ps -q --filter label=dev.shellcamp.class="
          + classId + ")").redirectErrorStream(true).start();
      List<Double> mib = new ArrayList<>();
      for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
        String used = line.split("/")[0].trim();
        if (used.endsWith("MiB")) {
          mib.add(Double.parseDouble(used.replace("MiB", "")));
        } else if (used.endsWith("GiB")) {
          mib.add(Double.parseDouble(used.replace("GiB", "")) * 1024);
        }
      }
      p.waitFor();
      return mib.isEmpty() ? "unknown" : String.format("mean %.0f MiB, largest %.0f MiB over %d sandboxes",
          mib.stream().mapToDouble(d -> d).average().orElse(0), mib.stream().mapToDouble(d -> d).max().orElse(0), mib.size());
    }
  }
}

package dev.shellcamp.lab;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code shellcamp lab serve}: the model server. Models are loaded before the port is bound, so
 * a server that answers at all is ready. Stopping (SIGTERM, Ctrl-C, {@link #stop}) closes the
 * listening socket at once, lets the requests already in flight finish for up to
 * {@link #DRAIN}, then closes what is left.
 */
public final class LabServer implements AutoCloseable {
  public static final Duration DRAIN = Duration.ofSeconds(5);

  /** What `lab serve` was asked for; {@code model} null serves every model, {@code port} 0 any free port. */
  public record Options(String host, int port, String model, String version) {}

  private final HttpServer http;
  private final ExecutorService pool;
  private final ModelRepository models;
  private final AtomicLong inFlight = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean draining;
  private boolean stopping;

  private LabServer(HttpServer http, ExecutorService pool, ModelRepository models) {
    this.http = http;
    this.pool = pool;
    this.models = models;
  }

  /**
   * Loads the models and starts listening. IllegalArgumentException: an unknown model or a host
   * that does not resolve (the caller's mistake); IOException, BindException in particular: the
   * address cannot be listened on (the machine's state).
   */
  public static LabServer start(Options o) throws IOException {
    // read once, when the first HttpServer is made: without it every keep-alive answer waits
    // ~40 ms for Nagle and the client's delayed ACK (363 vs 36,400 req/s, FINDINGS.md)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    ModelRepository models = ModelRepository.bundled();
    if (o.model() != null) {
      models = models.only(o.model());
    }
    InetSocketAddress address = new InetSocketAddress(o.host(), o.port());
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("cannot resolve host '" + o.host() + "'");
    }
    HttpServer http = HttpServer.create(address, 128);
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors()),
        r -> {
          Thread t = new Thread(r, "lab-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    LabServer server = new LabServer(http, pool, models);
    http.createContext("/", new HttpFront(models, o.version(), () -> server.draining, server.inFlight::get));
    http.setExecutor(server::execute);
    http.start();
    return server;
  }

  /**
   * Counts a request from the moment the JDK hands it over, queued or running, so a drain also
   * waits for requests still waiting for a thread.
   */
  private void execute(Runnable exchange) {
    inFlight.incrementAndGet();
    try {
      pool.execute(() -> {
        try {
          exchange.run();
        } finally {
          inFlight.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  public List<String> models() {
    return models.names();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** The base URL, with the address actually bound (the real port where 0 was asked for). */
  public String url() {
    InetSocketAddress a = http.getAddress();
    String host = a.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  /**
   * Blocks until the server is stopped: SIGTERM drains and returns normally (exit status 0);
   * any other shutdown of the JVM (Ctrl-C, System.exit) drains in a shutdown hook.
   */
  public void awaitShutdown() throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "lab-shutdown"));
    TermSignal.onTerm(() -> new Thread(this::stop, "lab-sigterm").start());
    stopped.await();
  }

  /** Stops listening, drains in-flight requests (at most {@link #DRAIN}), stops. Idempotent. */
  public void stop() {
    synchronized (this) {
      if (stopping) {
        awaitQuietly();
        return;
      }
      stopping = true;
    }
    draining = true;
    if (inFlight.get() > 0) {
      // HttpServer.stop(n) closes the listener at once and then waits up to n seconds, but on
      // JDK 17 it returns early only when an exchange ends during the wait (JDK-8304065): it is
      // left waiting on a side thread while our own count decides when the drain is done
      Thread closer = new Thread(() -> http.stop((int) DRAIN.toSeconds()), "lab-drain");
      closer.setDaemon(true);
      closer.start();
      long deadline = System.nanoTime() + DRAIN.toNanos();
      while (inFlight.get() > 0 && System.nanoTime() < deadline && sleep(5)) {
        // polling: the JDK offers no callback for "the last exchange ended"
      }
    }
    http.stop(0);
    pool.shutdown();
    try {
      pool.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopped.countDown();
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitQuietly() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** False when interrupted, so the drain ends rather than spins. */
  private static boolean sleep(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

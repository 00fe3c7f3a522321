package dev.shellcamp.lab;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
  /** The longest a client may take to send a whole request: request line, headers and body. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** The longest a client may take to read its answer. */
  public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
  /** How long a keep-alive connection may sit between requests. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
  /** Requests being read or answered at once, stalled ones included; more connections are closed. */
  static final int MAX_THREADS = 256;

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
    defaultProperty("sun.net.httpserver.nodelay", "true");
    // without these a client that sends half a request keeps its connection, and the thread
    // reading it, for ever. The JDK has one clock for the whole request (line, headers, body),
    // so it is sized for a 1 MiB body on a slow link; a connection that sent nothing yet gets
    // min(idleInterval, maxReqTime). Read once per JVM, so tests with short ones use a child JVM.
    defaultProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_TIMEOUT.toSeconds()));
    defaultProperty("sun.net.httpserver.maxRspTime", String.valueOf(RESPONSE_TIMEOUT.toSeconds()));
    defaultProperty("sun.net.httpserver.idleInterval", String.valueOf(IDLE_TIMEOUT.toSeconds()));
    // idle connections are swept every clockTick ms (10 s by default): 1 s keeps the limits honest
    defaultProperty("sun.net.httpserver.clockTick", "1000");
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
    // The JDK reads the request line, headers and body on the executor's thread, not on its
    // dispatcher: with a fixed pool of max(4, cores), four stalled clients held every thread and
    // nobody else was answered (issue 19). A stalled client now holds one blocked thread (cheap:
    // no CPU, a small stack) until maxReqTime; past MAX_THREADS a new connection is closed at
    // once rather than queued behind the stalled ones.
    int core = Math.max(4, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = new ThreadPoolExecutor(core, Math.max(core, MAX_THREADS), 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
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

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
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

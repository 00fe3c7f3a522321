package dev.shellcamp.lab.server;

import dev.shellcamp.lab.model.ModelRepository;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * {@code shellcamp lab serve}: the model server, on Jetty. Models are loaded before the port is
 * bound, so a server that answers at all is ready. Stopping (SIGTERM, Ctrl-C, {@link #stop})
 * closes the listening socket at once, lets the requests already in flight finish for up to
 * {@link #DRAIN}, then closes what is left.
 *
 * <p>Slow clients (issue 19): Jetty reads request lines, headers and bodies without holding a
 * thread, so a stalled client costs a socket, not a worker; {@link LabLimits} bounds how long
 * each part may take and how many connections one client address may hold
 * ({@link ConnectionGuard}), and Jetty's {@link ConnectionLimit} bounds them all.
 */
public final class LabServer implements AutoCloseable {
  public static final Duration DRAIN = Duration.ofSeconds(5);
  /** Worker threads: none is held by a slow client, so this only bounds answers computed at once. */
  static final int MAX_THREADS = 64;

  /** What `lab serve` was asked for; {@code model} null serves every model, {@code port} 0 any free port. */
  public record Options(String host, int port, String model, String version) {}

  private final Server jetty;
  private final ServerConnector connector;
  private final ModelRepository models;
  private final ServerState state;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean stopping;
  private InetSocketAddress bound;

  private LabServer(Server jetty, ServerConnector connector, ModelRepository models, ServerState state) {
    this.jetty = jetty;
    this.connector = connector;
    this.models = models;
    this.state = state;
  }

  /**
   * Loads the models and starts listening, with the limits of {@link LabLimits#fromProperties}.
   * IllegalArgumentException: an unknown model, a host that does not resolve or a bad limit (the
   * caller's mistake); IOException, BindException in particular: the address cannot be listened
   * on (the machine's state).
   */
  public static LabServer start(Options o) throws IOException {
    return start(o, LabLimits.fromProperties());
  }

  static LabServer start(Options o, LabLimits limits) throws IOException {
    ModelRepository models = ModelRepository.bundled();
    if (o.model() != null) {
      models = models.only(o.model());
    }
    InetSocketAddress address = new InetSocketAddress(o.host(), o.port());
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("cannot resolve host '" + o.host() + "'");
    }
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
    threads.setName("lab-http");
    threads.setDaemon(true);
    ServerState state = new ServerState(limits, new ScheduledExecutorScheduler("lab-timer", true));
    Server jetty = new Server(threads, state.scheduler, null);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(address.getAddress().getHostAddress());
    connector.setPort(o.port());
    connector.setAcceptQueueSize(128);
    connector.setIdleTimeout(limits.idle().toMillis());
    connector.addEventListener(state.guard);
    jetty.addConnector(connector);
    jetty.addBean(new ConnectionLimit(limits.total(), connector));
    jetty.setHandler(new HttpFront(models, o.version(), state));
    jetty.setErrorHandler(new JsonErrors());
    LabServer server = new LabServer(jetty, connector, models, state);
    server.begin(address);
    return server;
  }

  /** Binds (a BindException where the port is taken, as `lab serve` expects) and starts. */
  private void begin(InetSocketAddress address) throws IOException {
    try {
      connector.open();
    } catch (IOException e) {
      // Jetty wraps the JDK's BindException in "Failed to bind to ..."
      throw e.getCause() instanceof BindException b ? b : e;
    }
    bound = new InetSocketAddress(address.getAddress(), connector.getLocalPort());
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly();
      throw e instanceof IOException io ? io : new IOException("the lab server did not start: " + e, e);
    }
    state.guard.start();
  }

  public List<String> models() {
    return models.names();
  }

  public int port() {
    return bound.getPort();
  }

  /** The base URL, with the address actually bound (the real port where 0 was asked for). */
  public String url() {
    InetSocketAddress a = bound;
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
    state.draining = true;
    // the listening socket closes at once (a new connect is refused) and idle keep-alive
    // connections get a second; requests in flight go on, answered with Connection: close
    connector.shutdown();
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (state.inFlight.get() > 0 && System.nanoTime() < deadline && sleep(5)) {
      // polling: a drain happens once, and a callback for "the last request ended" would cost every request
    }
    stopQuietly();
    stopped.countDown();
  }

  @Override
  public void close() {
    stop();
  }

  private void stopQuietly() {
    state.guard.stop();
    try {
      jetty.stop();
    } catch (Exception e) {
      // best effort: whatever is left open goes with the process
    }
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

package dev.shellcamp.classroom;

import dev.shellcamp.sandbox.Sandboxes;
import dev.shellcamp.sandbox.Setup;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Collections;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A running class: the store, the view rebuilt from it, and the web server in front. */
public final class ClassServer implements AutoCloseable {
  /** What `shellcamp class serve` was asked for. */
  public record Options(String host, int port, String db, int stuckMinutes, int stuckFails, Setup sandbox) {
    public Options(String host, int port, String db, int stuckMinutes, int stuckFails) {
      this(host, port, db, stuckMinutes, stuckFails, null);
    }
  }

  private final Server jetty;
  private final Store store;
  private final LiveStream live;
  private final Sandboxes sandboxes;
  private final ClassInfo info;
  private final String url;
  private final String shownStore;

  private ClassServer(Server jetty, Store store, LiveStream live, Sandboxes sandboxes, ClassInfo info, String url,
      String shownStore) {
    this.jetty = jetty;
    this.store = store;
    this.live = live;
    this.sandboxes = sandboxes;
    this.info = info;
    this.url = url;
    this.shownStore = shownStore;
  }

  /**
   * Opens (or creates) the class in its store and starts serving. A store that is already a class
   * keeps its code, token and learners, so a restarted server is the same class.
   */
  public static ClassServer start(Options o) throws Exception {
    StoreUrl where = StoreUrl.parse(o.db());
    Store store = Store.open(where);
    try {
      ClassInfo info = store.classInfo(new Settings(o.stuckMinutes(), o.stuckFails()));
      ClassView view = rebuild(store, info.settings());
      LiveStream live = new LiveStream(view);
      Server jetty = jetty(o.host(), o.port());
      LearnerApi learners = new LearnerApi(view, store, info.code(),
          new RateLimit(50, 500, System::nanoTime), new RateLimit(10, 100, System::nanoTime), live::changed);
      Sandboxes sandboxes = o.sandbox() == null ? null : new Sandboxes(o.sandbox().connect(Setup.classId(info.code())),
          Setup.classId(info.code()), o.sandbox().limits(), System::currentTimeMillis, true);
      SandboxApi sandboxApi = sandboxes == null ? null : new SandboxApi(sandboxes, learners);
      Routes routes = new Routes(learners, new InstructorApi(view, store, info, live::changed), live,
          new BoardAssets(sandboxes != null), sandboxApi);
      jetty.setHandler(sandboxApi == null ? routes : Terminals.handler(jetty, sandboxApi, routes));
      try {
        jetty.start();
      } catch (Exception e) {
        live.close();
        if (sandboxes != null) {
          sandboxes.close();
        }
        throw e;
      }
      int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
      return new ClassServer(jetty, store, live, sandboxes, info, "http://" + shownHost(o.host()) + ":" + port,
          where.shown());
    } catch (Exception e) {
      store.close();
      throw e;
    }
  }

  /**
   * Removes every sandbox the class in {@code db} made, with their volumes (`shellcamp class
   * reset`): what serving the class again would otherwise resume. Returns how many went.
   */
  public static int resetSandboxes(String db, Setup setup) throws Exception {
    String classId;
    try (Store store = Store.open(StoreUrl.parse(db))) {
      classId = Setup.classId(store.classInfo(new Settings(10, 3)).code());
    }
    try (var backend = setup.connect(classId)) {
      return backend.removeAll(classId, true);
    }
  }

  private static ClassView rebuild(Store store, Settings settings) throws SQLException {
    ClassView view = new ClassView(settings, System::currentTimeMillis);
    store.learners().forEach(view::add);
    view.apply(store.events());
    store.notes().forEach(view::add);
    return view;
  }

  private static Server jetty(String host, int port) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("class-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(16 * 1024);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    // a stuck client is dropped; the board's stream pings every 15 s, well inside this
    connector.setIdleTimeout(30_000);
    server.addConnector(connector);
    server.setStopTimeout(2_000);
    return server;
  }

  /** Listening on every interface: show an address the learners' machines can reach. */
  private static String shownHost(String host) {
    if (!host.equals("0.0.0.0") && !host.equals("::") && !host.isEmpty()) {
      return host.contains(":") ? "[" + host + "]" : host;
    }
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        // the engine's bridges are site-local too, but no learner's machine can reach them
        if (!nif.isUp() || nif.isLoopback() || nif.isVirtual() || nif.getName().matches("(docker|br-|veth|cni|flannel|virbr).*")) {
          continue;
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // no interfaces to list: loopback still works for a class on this machine
    }
    return "localhost";
  }

  public String code() {
    return info.code();
  }

  public String url() {
    return url;
  }

  public String boardUrl() {
    return url + "/board#token=" + info.token();
  }

  public String token() {
    return info.token();
  }

  /** The class's sandboxes, or null in a class without them. */
  Sandboxes sandboxes() {
    return sandboxes;
  }

  public String store() {
    return shownStore;
  }

  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() throws Exception {
    try {
      live.close();
      jetty.stop();
    } catch (java.util.concurrent.TimeoutException e) {
      // a board's live stream never ends by itself, so the 2 s graceful stop can time out; Jetty has
      // stopped everything by then and only reports it
    } finally {
      if (sandboxes != null) {
        sandboxes.close();
      }
      store.close();
    }
  }
}

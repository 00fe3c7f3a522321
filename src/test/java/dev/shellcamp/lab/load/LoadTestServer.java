package dev.shellcamp.lab.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A real HTTP server on a free local port whose n-th answer (from 1) the test decides. */
public final class LoadTestServer implements AutoCloseable {
  static {
    // without it every keep-alive answer waits on Nagle + delayed ACK (~40 ms, FINDINGS.md),
    // and the "fast" server would not be fast; it must be set before the first server exists
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** @param sleepMs how long to stall before answering, holding the server's thread */
  public record Reply(int status, String body, long sleepMs) {
    public static Reply ok() {
      return new Reply(200, "{\"outputs\":[{\"name\":\"y\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[2.5]}]}", 0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  final AtomicInteger requests = new AtomicInteger();

  public LoadTestServer(ExecutorService executor, IntFunction<Reply> replies) throws IOException {
    this.executor = executor;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        Reply r = replies.apply(requests.incrementAndGet());
        if (r.sleepMs() > 0) {
          Thread.sleep(r.sleepMs());
        }
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(r.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/models/half_plus_two/infer");
  }

  /** A port nothing listens on: bound, then released (a small race we accept in a test). */
  public static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

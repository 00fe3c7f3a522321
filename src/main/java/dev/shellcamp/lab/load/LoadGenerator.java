package dev.shellcamp.lab.load;

import dev.shellcamp.lab.LabText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator. Request {@code i} is due at {@code start + i / rate}, whatever
 * happened to the requests before it, and its latency runs from that due time to its answer.
 * A closed-loop tester (send, wait, send) sends nothing while the server stalls and so never
 * measures the requests that would have queued behind the stall; here they are sent late, or
 * wait for a connection, and that delay is part of their latency. The generator itself can
 * fall behind too (a slow machine, a busy JIT): it measures its own lateness and the report
 * warns when that is large enough to matter.
 */
public final class LoadGenerator {
  private final LoadPlan plan;
  private final HttpClient client;

  public LoadGenerator(LoadPlan plan) {
    this.plan = plan;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(plan.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Whether anything listens at the URL's host and port, checked with a bare TCP connect so
   * that no HTTP request is spent on it: null when something does, otherwise why not.
   */
  public static LabText unreachable(URI url, Duration timeout) {
    int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(url.getHost(), port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      return null;
    } catch (UnknownHostException e) {
      return LabText.of("lab.unreachable.host", url.getHost());
    } catch (SocketTimeoutException e) {
      return LabText.of("lab.unreachable.timeout", url.getHost() + ":" + port, LoadRenderer.num(timeout.toMillis()));
    } catch (IOException e) {
      return LabText.of("lab.unreachable.io", e.getMessage() == null ? e.toString() : e.getMessage().toLowerCase(),
          url.getHost() + ":" + port);
    }
  }

  public LoadReport run() throws InterruptedException {
    LoadRecorder rec = new LoadRecorder();
    // at most `connections` requests in flight: the HTTP/1.1 client opens a connection per
    // concurrent request, so this bounds the pool as well
    Semaphore permits = new Semaphore(plan.connections());
    HttpRequest request = request();
    long warmup = plan.warmup().toNanos();
    long end = warmup + plan.duration().toNanos();
    long start = System.nanoTime();
    boolean backlog = false;
    long windowStart = start + warmup;
    for (long slot = 0; ; slot++) {
      long offset = plan.slotOffsetNanos(slot);
      if (offset >= end) {
        break;
      }
      long due = start + offset;
      long now = System.nanoTime();
      if (now < due) {
        backlog = false;
        sleepUntil(due);
        now = System.nanoTime();
      }
      boolean measured = offset >= warmup;
      boolean waited = !permits.tryAcquire();
      if (waited) {
        permits.acquire();
      }
      // lateness is the generator's own only while no request has waited for a connection since
      // it was last ahead of schedule: catching up after a stalled server is the server's delay
      long late = backlog || waited ? -1 : now - due;
      backlog |= waited;
      int second = (int) ((offset - warmup) / 1_000_000_000L);
      if (measured && rec.isEmpty()) {
        windowStart = due;
      }
      if (measured) {
        rec.sent(second, late, System.nanoTime());
      }
      client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          // the client's own timeout stops at the response headers; this one also covers a body that never ends
          .orTimeout(plan.timeout().toNanos(), TimeUnit.NANOSECONDS)
          .whenComplete((resp, err) -> {
            long latency = System.nanoTime() - due;
            try {
              if (measured) {
                LoadRecorder.Outcome o = err != null ? classify(err) : judge(resp);
                rec.done(second, o, resp == null ? 0 : resp.statusCode(), latency);
              }
            } finally {
              // after recording: the end of the run waits for every permit, then reads the recorder
              permits.release();
            }
          });
    }
    // every request ends by its timeout; the margin covers completions still being delivered
    if (permits.tryAcquire(plan.connections(), plan.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS)) {
      permits.release(plan.connections());
    }
    return rec.report(plan, windowStart);
  }

  private HttpRequest request() {
    HttpRequest.Builder b = HttpRequest.newBuilder(plan.url()).timeout(plan.timeout());
    if (plan.body() == null) {
      b.method(plan.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json");
      b.method(plan.method(), HttpRequest.BodyPublishers.ofString(plan.body()));
    }
    return b.build();
  }

  private LoadRecorder.Outcome judge(HttpResponse<String> resp) {
    if (resp.statusCode() / 100 != 2) {
      return LoadRecorder.Outcome.STATUS;
    }
    if (plan.expect() != null && !resp.body().contains(plan.expect())) {
      return LoadRecorder.Outcome.BODY;
    }
    return LoadRecorder.Outcome.OK;
  }

  static LoadRecorder.Outcome classify(Throwable err) {
    Throwable e = err;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    // a connect timeout is a kind of timeout to the JDK, but to the learner it means "nothing listening"
    if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException
        || e instanceof UnknownHostException || e.getCause() instanceof ConnectException) {
      return LoadRecorder.Outcome.CONNECT;
    }
    if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
      return LoadRecorder.Outcome.TIMEOUT;
    }
    return LoadRecorder.Outcome.IO;
  }

  private static void sleepUntil(long due) throws InterruptedException {
    // park() may wake early (spuriously or on an interrupt): loop on the clock, not on one call
    for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException("load run interrupted");
      }
    }
  }
}

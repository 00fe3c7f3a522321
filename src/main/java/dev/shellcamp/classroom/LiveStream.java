package dev.shellcamp.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The board's live feed (server-sent events): a learner row each time one changes, the class's
 * per-step figures with it, a ping so proxies keep the line open. One thread serves every board;
 * a slow board is never waited for — it gets the newest rows when its last write has gone.
 */
final class LiveStream implements AutoCloseable {
  private static final long PING_MILLIS = 15_000;

  private final ClassView view;
  private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
  private final Object signal = new Object();
  private boolean dirty;
  private volatile boolean closed;
  private final Thread pusher;

  LiveStream(ClassView view) {
    this.view = view;
    this.pusher = new Thread(this::run, "class-live");
    pusher.setDaemon(true);
    pusher.start();
  }

  /** Something changed: push soon (coalesced, so a burst of events is one write per board). */
  void changed() {
    synchronized (signal) {
      dirty = true;
      signal.notifyAll();
    }
  }

  void open(Response response, Callback callback) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Accel-Buffering", "no");
    viewers.add(new Viewer(response, callback));
    changed();
  }

  private void run() {
    while (!closed) {
      synchronized (signal) {
        if (!dirty) {
          try {
            signal.wait(1000);
          } catch (InterruptedException e) {
            return;
          }
        }
        dirty = false;
      }
      push();
      try {
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void push() {
    long now = System.currentTimeMillis();
    String stats = null;
    for (Viewer v : viewers) {
      if (v.busy.get()) {
        continue;
      }
      List<LearnerState.Row> rows = view.changed(v.sent);
      StringBuilder b = new StringBuilder();
      try {
        for (LearnerState.Row r : rows) {
          b.append("event: learner\ndata: ").append(Http.JSON.writeValueAsString(Rows.json(r))).append("\n\n");
        }
        if (!rows.isEmpty()) {
          // the same for every board: made once a push
          if (stats == null) {
            stats = Http.JSON.writeValueAsString(view.stats().stream().map(StepStats::json).toList());
          }
          b.append("event: stats\ndata: ").append(stats).append("\n\n");
        }
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      if (b.isEmpty() && now - v.lastWrite < PING_MILLIS) {
        continue;
      }
      if (b.isEmpty()) {
        b.append("event: ping\ndata: ").append(now).append("\n\n");
      }
      v.write(b.toString(), now);
    }
  }

  @Override
  public void close() {
    closed = true;
    pusher.interrupt();
    viewers.forEach(Viewer::end);
  }

  private final class Viewer {
    final Response response;
    final Callback done;
    final Map<String, Long> sent = new HashMap<>();
    final AtomicBoolean busy = new AtomicBoolean();
    long lastWrite;

    Viewer(Response response, Callback done) {
      this.response = response;
      this.done = done;
    }

    void write(String text, long now) {
      busy.set(true);
      lastWrite = now;
      response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
          Callback.from(() -> busy.set(false), failure -> end()));
    }

    void end() {
      if (viewers.remove(this)) {
        done.succeeded();
      }
    }
  }
}

package dev.shellcamp.snippet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hands out fresh sessions for one workspace and keeps one warm spare, started in the background
 * after each hand-out, so a check finds a JVM already running and javac already loaded. A
 * session is used once: learner code can leave anything behind in its JVM.
 */
public final class JavaEngine implements AutoCloseable {
  private static final ExecutorService WARMER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "snippet-warmer");
    t.setDaemon(true);
    return t;
  });
  private static final Map<Path, JavaEngine> SHARED = new ConcurrentHashMap<>();

  private final Path workdir;
  private Future<JavaSession> spare;
  private boolean closed;

  public JavaEngine(Path workdir) {
    this.workdir = workdir;
  }

  /** An engine that lives as long as the JVM, for callers with no lesson to own one. */
  public static JavaEngine shared(Path workdir) {
    return SHARED.computeIfAbsent(workdir.toAbsolutePath(), JavaEngine::new);
  }

  /** Starts the spare now (e.g. when a step with a Java check begins). */
  public synchronized void prewarm() {
    if (spare == null && !closed) {
      spare = WARMER.submit(() -> {
        JavaSession s = JavaSession.start(workdir);
        s.warm();
        return s;
      });
    }
  }

  /** A fresh session: the spare if it is ready or on its way, else a new one. Close it after use. */
  public JavaSession take() throws IOException {
    Future<JavaSession> f;
    synchronized (this) {
      if (closed) {
        throw new IOException("the Java engine is closed");
      }
      f = spare;
      spare = null;
    }
    JavaSession s = null;
    if (f != null) {
      try {
        s = f.get();
      } catch (ExecutionException e) {
        s = null;  // the spare failed to start: try once more in the foreground, which reports why
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    if (s == null || !s.usable()) {
      if (s != null) {
        s.close();
      }
      s = JavaSession.start(workdir);
      s.warm();  // start-up is not the learner's time: their code's limit starts after it
    }
    prewarm();
    return s;
  }

  /** Child JVMs alive in this process, for tests that prove none is left behind. */
  public static int liveChildren() {
    return ChildEngine.live();
  }

  @Override
  public void close() {
    Future<JavaSession> f;
    synchronized (this) {
      closed = true;
      f = spare;
      spare = null;
    }
    if (f != null) {
      // the warmer runs one task at a time, so this runs once the spare is done, then ends it
      WARMER.submit(() -> {
        try {
          f.get().close();
        } catch (ExecutionException | InterruptedException e) {
          // nothing was started
        }
      });
    }
  }
}

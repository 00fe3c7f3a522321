package dev.shellcamp.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A class's sandboxes: one per learner, made on first visit, stopped after {@link Limits#idle}
 * without a key (as jupyterhub-idle-culler does) and started again by the next key. Closing
 * removes the sandboxes this class made and keeps their volumes, so the class served again
 * resumes every learner's workspace.
 */
public final class Sandboxes implements AutoCloseable {
  private final Backend backend;
  private final String classId;
  private final Limits limits;
  private final LongSupplier clock;
  private final Map<String, Sandbox> byLearner = new ConcurrentHashMap<>();
  private final ScheduledExecutorService culler;

  public Sandboxes(Backend backend, String classId, Limits limits, LongSupplier clock, boolean cullInBackground) {
    this.backend = backend;
    this.classId = classId;
    this.limits = limits;
    this.clock = clock;
    if (cullInBackground) {
      culler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-cull");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(1, Math.min(60, limits.idle().toSeconds() / 4));
      culler.scheduleWithFixedDelay(() -> cull(), every, every, TimeUnit.SECONDS);
    } else {
      culler = null;
    }
  }

  public Backend backend() {
    return backend;
  }

  public Limits limits() {
    return limits;
  }

  /** The learner's sandbox, made and started if needed; {@code env} reaches the tutor inside when it is made. */
  public Sandbox open(String learner, Map<String, String> env, Notices notices) throws SandboxException {
    Sandbox s = byLearner.computeIfAbsent(learner, l -> new Sandbox(
        new Spec(classId, l, name(classId, l), Map.copyOf(env), limits), backend, clock, notices));
    s.start();
    return s;
  }

  /**
   * The sandbox's name for its container or pod and its volume: learner ids mix cases, which
   * Kubernetes names may not, so a hash of the id stands in for it.
   */
  static String name(String classId, String learner) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256")
          .digest(learner.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "shellcamp-" + classId + "-" + java.util.HexFormat.of().formatHex(h, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Sandbox get(String learner) {
    return byLearner.get(learner);
  }

  public List<Sandbox> all() {
    return new ArrayList<>(byLearner.values());
  }

  /** Stops every running sandbox idle past the limit; returns how many. */
  public int cull() {
    return cull(limits.idle().toMillis());
  }

  /** Stops every running sandbox without a key for {@code idleMillis}; returns how many. */
  public int cull(long idleMillis) {
    long now = clock.getAsLong();
    int n = 0;
    for (Sandbox s : byLearner.values()) {
      if (s.running() && now - s.idleSince() >= idleMillis) {
        try {
          s.stop();
          n++;
        } catch (SandboxException e) {
          System.err.println("class server: " + e.getMessage());
        }
      }
    }
    return n;
  }

  @Override
  public void close() {
    if (culler != null) {
      culler.shutdownNow();
    }
    for (Sandbox s : byLearner.values()) {
      s.closeViewers("the class server stopped");
    }
    try {
      backend.removeAll(classId, false);
    } catch (SandboxException e) {
      System.err.println("class server: " + e.getMessage());
    } finally {
      backend.close();
    }
  }
}

package dev.shellcamp.shell;

import com.pty4j.PtyProcess;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what a process on a PTY writes, on a daemon thread, until the PTY closes: a PTY whose
 * output nobody reads fills up and stops the process mid-write.
 */
public final class PtyDrain {
  /** Takes each chunk read: {@code n} bytes of {@code buf}, which is reused after the call. */
  @FunctionalInterface
  public interface Sink {
    void take(byte[] buf, int n);
  }

  private PtyDrain() {}

  public static void start(PtyProcess process, String threadName, Sink sink) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (InputStream in = process.getInputStream()) {
        int n;
        while ((n = in.read(buf)) > 0) {
          sink.take(buf, n);
        }
      } catch (IOException | RuntimeException e) {
        // EIO once the process is gone
      }
    }, threadName);
    t.setDaemon(true);
    t.start();
  }
}

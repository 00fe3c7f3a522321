package dev.shellcamp.sandbox;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pod's TTY through the API server's attach WebSocket. One thread reads the output into the
 * {@link Screen}; while the screen blocks, the client asks the API server for no more frames, so a
 * flood waits in the pod rather than here.
 */
final class KubernetesTty implements Tty {
  private final ExecWatch watch;
  private volatile boolean closed;

  private KubernetesTty(ExecWatch watch) {
    this.watch = watch;
  }

  static KubernetesTty pump(ExecWatch watch, Screen screen, String pod) {
    KubernetesTty tty = new KubernetesTty(watch);
    Thread t = new Thread(() -> tty.copy(screen), "sandbox-" + pod);
    t.setDaemon(true);
    t.start();
    return tty;
  }

  private void copy(Screen screen) {
    byte[] b = new byte[8192];
    try (InputStream out = watch.getOutput()) {
      for (int n; (n = out.read(b)) >= 0; ) {
        screen.output(b, 0, n);
      }
    } catch (IOException | KubernetesClientException e) {
      // the connection went (the pod was deleted, the API server restarted): the tutor is gone for this viewer
    } finally {
      closed = true;
      screen.ended();
    }
  }

  @Override
  public void write(byte[] keys) throws IOException {
    if (closed) {
      throw new IOException("the terminal is detached");
    }
    try {
      watch.getInput().write(keys);
      watch.getInput().flush();
    } catch (KubernetesClientException e) {
      throw new IOException("the terminal is detached: " + e.getMessage(), e);
    }
  }

  @Override
  public void resize(int cols, int rows) {
    if (closed) {
      return;
    }
    try {
      watch.resize(cols, rows);
    } catch (KubernetesClientException e) {
      // the attach went away: the next start sizes the terminal anew
    }
  }

  @Override
  public void close() {
    closed = true;
    watch.close();
  }
}

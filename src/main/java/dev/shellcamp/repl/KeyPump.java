package dev.shellcamp.repl;

import dev.shellcamp.shell.PtyShell;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread that passes the keyboard on to the learner's shell while a command runs, one for the
 * process (fd 0 is one keyboard). Between commands it waits on its monitor without reading fd 0,
 * so the line editor is again the only reader of the keyboard. A thread per command cost 0.10 ms
 * to start and 0.07 ms to join on every command's way (medians, -Dshellcamp.trace=true); here
 * the start is a notify, and the end is waited for only when the held keys are asked for, after
 * the step's checks, by which time the thread has long stopped.
 */
final class KeyPump {
  private static final long WAIT_FOR_IDLE_MS = 100;
  private static KeyPump shared;

  private final Thread thread;
  /** The shell of the command being served; null between commands. Written under this. */
  private volatile PtyShell shell;
  // guarded by this
  private long generation;
  private boolean reading;
  private final ByteArrayOutputStream held = new ByteArrayOutputStream();

  private KeyPump() {
    thread = new Thread(this::serve, "shellcamp-keys");
    thread.setDaemon(true);
    thread.start();
  }

  static synchronized KeyPump shared() {
    if (shared == null || !shared.thread.isAlive()) {
      shared = new KeyPump();
    }
    return shared;
  }

  /** Keys go to {@code s} from now until {@link #end()} or until it refuses them. */
  synchronized void begin(PtyShell s) {
    awaitIdle();
    held.reset();
    generation++;
    shell = s;
    notifyAll();
  }

  /** The command has ended: stop passing keys on (the thread notices at once, not at its next poll). */
  void end() {
    synchronized (this) {
      shell = null;
    }
    // wakes its back-off sleep, or a wait inside offer()
    thread.interrupt();
  }

  /** Keys read and not passed on, in the order typed; waits until the thread reads no more. */
  synchronized String held() {
    awaitIdle();
    return held.toString(StandardCharsets.UTF_8);
  }

  private void awaitIdle() {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_FOR_IDLE_MS);
    try {
      while (reading) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
          return;
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve() {
    long served = 0;
    while (true) {
      PtyShell s;
      synchronized (this) {
        reading = false;
        notifyAll();
        while (shell == null || generation == served) {
          try {
            wait();
          } catch (InterruptedException e) {
            // an end() that came after this thread had stopped by itself: nothing to stop
          }
        }
        Thread.interrupted();
        served = generation;
        s = shell;
        reading = true;
      }
      byte[] left = pass(s);
      synchronized (this) {
        held.writeBytes(left);
      }
    }
  }

  /**
   * Reads the keyboard straight from fd 0, polling with available(): JLine's timed read waits
   * in 100 ms steps (VTIME), and that wait would be added to every command's end. Returns what
   * was read and not sent: it belongs to the tutor's next prompt.
   */
  private byte[] pass(PtyShell s) {
    FileInputStream in = new FileInputStream(FileDescriptor.in);
    byte[] buf = new byte[4096];
    ByteArrayOutputStream waiting = new ByteArrayOutputStream();
    long idleSleepMs = 1;
    try {
      while (shell == s) {
        int n = in.available();
        if (n > 0) {
          int got = in.read(buf, 0, Math.min(n, buf.length));
          waiting.write(buf, 0, Math.max(got, 0));
          idleSleepMs = 1;
        }
        if (waiting.size() > 0) {
          // keys wait here while bash is busy between the command and its prompt, still read, so
          // that a Ctrl-C behind them gets through
          PtyShell.Offer o = s.offer(waiting.toByteArray(), 0, waiting.size());
          if (o == PtyShell.Offer.REFUSED) {
            break;
          }
          if (o == PtyShell.Offer.SENT) {
            waiting.reset();
          }
        }
        if (n <= 0) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(waiting.size() > 0 ? 2 : idleSleepMs));
          idleSleepMs = Math.min(idleSleepMs * 2, 8);
        }
      }
    } catch (IOException e) {
      // the keyboard went away: nothing more to pass on
    } catch (RuntimeException e) {
      // offer() interrupted while it waited for the command to begin: the command is over
    }
    return waiting.toByteArray();
  }
}

package dev.shellcamp.sandbox;

/**
 * Output on its way to one viewer: at most one send in flight, what arrives meanwhile is joined
 * into the next send. Its backlog is what the sandbox's flow control waits on.
 */
final class Pipe {
  final Viewer viewer;
  private final StringBuilder pending = new StringBuilder();
  private boolean sending;

  Pipe(Viewer viewer) {
    this.viewer = viewer;
  }

  void offer(String text) {
    String now;
    synchronized (this) {
      pending.append(text);
      if (sending || pending.length() == 0) {
        return;
      }
      sending = true;
      now = take();
    }
    viewer.send(now, this::sent);
  }

  private void sent() {
    String next;
    synchronized (this) {
      if (pending.length() == 0) {
        sending = false;
        notifyAll();
        return;
      }
      next = take();
      notifyAll();
    }
    viewer.send(next, this::sent);
  }

  private String take() {
    String s = pending.toString();
    pending.setLength(0);
    return s;
  }

  /** Waits until the backlog is under {@code high} chars; false when it still is after {@code millis}. */
  synchronized boolean awaitBelow(int high, long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (pending.length() >= high) {
      long left = (end - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}

package dev.shellcamp.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The TTY's stdin as the engine's client reads it: keys are queued by the web side and read by
 * the client's writer thread. Unlike a PipedInputStream it survives its writer threads ending
 * (each WebSocket message comes on another Jetty thread).
 */
final class Keys extends InputStream {
  private static final byte[] END = new byte[0];
  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int pos;
  private volatile boolean closed;

  void put(byte[] keys) throws IOException {
    if (closed) {
      throw new IOException("the terminal is detached");
    }
    if (keys.length > 0) {
      queue.add(keys);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pos >= current.length) {
      if (current == END) {
        return -1;
      }
      try {
        byte[] next = queue.poll(1, TimeUnit.SECONDS);
        if (next != null) {
          current = next;
          pos = 0;
        } else if (closed) {
          current = END;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - pos;
  }

  @Override
  public void close() {
    closed = true;
    queue.add(END);
  }
}

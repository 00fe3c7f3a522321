package dev.shellcamp.sandbox;

import java.io.IOException;

/** A sandbox's terminal, attached: keys in, size changes; output goes to the {@link Screen} given on attach. */
public interface Tty extends AutoCloseable {
  void write(byte[] keys) throws IOException;

  void resize(int cols, int rows);

  /** Detaches; the sandbox keeps running. */
  @Override
  void close();
}

package dev.shellcamp.sandbox;

/**
 * Where a back end delivers a TTY's output. {@link #output} may block: that is the flow control
 * that keeps {@code yes} from flooding a slow browser or the server's memory.
 */
public interface Screen {
  void output(byte[] b, int off, int len);

  /** The TTY's process ended (the tutor quit, or the sandbox was stopped). */
  void ended();
}

package dev.shellcamp.sandbox;

/** A browser's terminal watching a sandbox (the WebSocket, in package classroom). */
public interface Viewer {
  /** Sends text without blocking; {@code done} runs when it was written out or failed. */
  void send(String text, Runnable done);

  /** Ends the connection, saying why. */
  void close(String why);
}

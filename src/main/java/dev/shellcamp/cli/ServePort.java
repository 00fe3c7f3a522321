package dev.shellcamp.cli;

import dev.shellcamp.ui.Messages;
import java.io.PrintWriter;

/** The --port check `lab serve` and `class serve` share, so both refuse the same ports in the same words. */
final class ServePort {
  private ServePort() {}

  /** Whether {@code port} is a TCP port (0: any free one); if not, says so on {@code err}. */
  static boolean valid(int port, PrintWriter err, Messages m) {
    if (port >= 0 && port <= 65535) {
      return true;
    }
    err.println(m.get("lab.serve.port", port));
    return false;
  }
}

package dev.shellcamp.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes pagers end at the end of a text that fits on the screen, as they do when their output
 * is a pipe, so {@code more < access.log} prints the file instead of waiting for a key the
 * learner does not know to press (and {@code verify} stops it as a program waiting on the
 * terminal). Longer texts are still paged. A learner's own {@code LESS} or {@code MORE} is kept.
 */
final class Pagers {
  /** util-linux 2.38 made {@code more} wait at the end; {@code -e} is its way back, unknown before. */
  private static final boolean MORE_HAS_EXIT_ON_EOF = moreKnows("--exit-on-eof");

  private Pagers() {}

  static void endAtEof(Map<String, String> env) {
    env.putIfAbsent("LESS", "FRX");  // quit if one screen, keep colours, no alternate screen
    if (MORE_HAS_EXIT_ON_EOF) {
      env.putIfAbsent("MORE", "-e");
    }
  }

  private static boolean moreKnows(String option) {
    try {
      Process p = new ProcessBuilder("more", "--help").redirectErrorStream(true).start();
      p.getOutputStream().close();
      String help;
      try (InputStream in = p.getInputStream()) {
        help = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return help.contains(option);
    } catch (IOException e) {
      return false;  // no more on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

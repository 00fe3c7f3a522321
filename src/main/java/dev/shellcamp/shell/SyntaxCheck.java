package dev.shellcamp.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * bash prints a syntax error before our start marker, where it cannot be told apart from
 * readline's drawing; asking `bash -n` again gives the learner the same message.
 */
final class SyntaxCheck {
  private SyntaxCheck() {}

  static String explain(String line) {
    try {
      Process p = new ProcessBuilder("/bin/bash", "-n").redirectErrorStream(true).start();
      p.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.SECONDS);
      return out.strip() + "\n";
    } catch (IOException e) {
      return "bash: syntax error\n";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "bash: syntax error\n";
    }
  }
}

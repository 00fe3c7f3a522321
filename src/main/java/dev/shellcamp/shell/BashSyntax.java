package dev.shellcamp.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What `bash -n` says about a line: its syntax errors, and whether it is only unfinished. */
public final class BashSyntax {
  private BashSyntax() {}

  /** bash's complaints about {@code line}, empty when it parses. */
  public static String check(String line) {
    try {
      Process p = new ProcessBuilder("/bin/bash", "-n").redirectErrorStream(true).start();
      p.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.SECONDS);
      return out.strip();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** True when bash would wait for more lines: an open if/loop/quote or a heredoc without its end. */
  public static boolean incomplete(String line) {
    String out = check(line);
    return out.contains("unexpected end of file") || out.contains("delimited by end-of-file");
  }

  /**
   * bash prints a syntax error before our start marker, where it cannot be told apart from
   * readline's drawing; asking `bash -n` again gives the learner the same message.
   */
  static String explain(String line) {
    String out = check(line);
    return (out.isEmpty() ? "bash: syntax error" : out) + "\n";
  }
}

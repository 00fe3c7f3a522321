package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import dev.shellcamp.shell.Ansi;
import dev.shellcamp.shell.PtyDrain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real tutor on a real PTY, types into it and reads what it drew, as a learner would. */
final class ReplDriver implements AutoCloseable {
  /** How long the waits of {@link #lineAwait}, {@link #enter} and {@link #quit} take at most. */
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final PtyProcess process;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private int mark;

  ReplDriver(Path dataHome, String... args) throws IOException {
    this(dataHome, Path.of(System.getProperty("shellcamp.lessons")), Map.of(), args);
  }

  /** The tutor over another lessons folder, with extra environment (SHELLCAMP_DISABLE=...). */
  ReplDriver(Path dataHome, Path lessons, Map<String, String> extraEnv, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] cmd = new String[args.length + 6];
    cmd[0] = java;
    cmd[1] = "-XX:TieredStopAtLevel=1";
    cmd[2] = "-Dshellcamp.lessons=" + lessons;
    cmd[3] = "-cp";
    cmd[4] = System.getProperty("java.class.path");
    cmd[5] = "dev.shellcamp.Main";
    System.arraycopy(args, 0, cmd, 6, args.length);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("XDG_DATA_HOME", dataHome.toString());
    env.put("TERM", "xterm-256color");
    env.put("LANG", "C.UTF-8");
    env.remove("NO_COLOR");
    env.putAll(extraEnv);
    process = new PtyProcessBuilder(cmd).setEnvironment(env).setInitialColumns(100).setInitialRows(30)
        .setConsole(false).start();
    PtyDrain.start(process, "repl-driver", (buf, n) -> {
      synchronized (screen) {
        screen.write(buf, 0, n);
        screen.notifyAll();
      }
    });
  }

  /** Everything the tutor wrote, escape sequences included (to see the alternate screen entered and left). */
  String raw() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  String text() {
    synchronized (screen) {
      return Ansi.strip(screen.toString(StandardCharsets.UTF_8));
    }
  }

  /** Waits until {@code s} appears after the last mark, then moves the mark past it. */
  String await(String s, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (screen) {
      while (true) {
        String all = text();
        int at = all.indexOf(s, mark);
        if (at >= 0) {
          String seen = all.substring(mark, at + s.length());
          mark = at + s.length();
          return seen;
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("did not see \"" + s + "\" within " + timeout + "; screen since mark:\n"
              + all.substring(Math.min(mark, all.length())));
        }
        screen.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private static final java.util.regex.Pattern STATUS_ROW = java.util.regex.Pattern.compile(
      "\\s*(\\S+\\s+\\d+/\\d+\\s+[●○]+\\s+:hint :check :help|shellcamp\\s+\\S.*:quit)\\s*$");

  /**
   * Waits until the tutor is idle at a fresh prompt ending in {@code prompt}: the last thing on
   * screen (the status row aside) is that prompt, drawn after the mark. JLine redraws the
   * prompt line when a line is accepted, so "the prompt appeared" alone would not mean "idle".
   */
  String awaitPrompt(String prompt, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (screen) {
      while (true) {
        String all = text();
        String t = all.stripTrailing();
        java.util.regex.Matcher m = STATUS_ROW.matcher(t);
        while (m.find()) {
          t = t.substring(0, m.start()).stripTrailing();
          m = STATUS_ROW.matcher(t);
        }
        if (t.endsWith(prompt) && t.length() - prompt.length() >= mark) {
          String seen = all.substring(mark, t.length());
          mark = all.length();
          return seen;
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no idle prompt \"" + prompt + "\" within " + timeout + "; screen since mark:\n"
              + all.substring(Math.min(mark, all.length())));
        }
        screen.wait(Math.max(1, Math.min(50, left / 1_000_000)));
      }
    }
  }

  void type(String s) throws IOException {
    process.getOutputStream().write(s.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  void line(String s) throws IOException {
    type(s + "\r");
  }

  /** Enters {@code line} and waits for {@code s}; gives what was drawn meanwhile. */
  String lineAwait(String line, String s) throws IOException, InterruptedException {
    line(line);
    return await(s, WAIT);
  }

  /** Enters {@code line} and waits for the idle {@code prompt} again; gives what was drawn meanwhile. */
  String enter(String line, String prompt) throws IOException, InterruptedException {
    line(line);
    return awaitPrompt(prompt, WAIT);
  }

  /** Leaves a lesson as a learner does with :quit, and asserts that the tutor saved and exited with 0. */
  void quit() throws IOException, InterruptedException {
    lineAwait(":quit", "Progress saved");
    assertEquals(0, waitExit(WAIT), this::text);
  }

  /** The window changes size (SIGWINCH to the tutor). */
  void resize(int cols, int rows) {
    process.setWinSize(new com.pty4j.WinSize(cols, rows));
  }

  /** SIGTERM, as a closing window or `kill` would send. */
  void terminate() {
    process.destroy();
  }

  int waitExit(Duration d) throws InterruptedException {
    if (!process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the tutor did not exit; screen:\n" + text());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}

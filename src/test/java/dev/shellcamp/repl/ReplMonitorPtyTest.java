package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.shell.Ansi;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `:monitor` in the real tutor on a real PTY: a frame on the alternate screen, a filter and a
 * kill of the learner's own runaway process, then `q` and the same prompt and status row back.
 */
class ReplMonitorPtyTest {
  private static final Duration T = Duration.ofSeconds(20);
  private static final String ENTER_ALT = "\u001b[?1049h";
  @TempDir Path data;

  @Test
  void monitorFindsAndKillsALessonProcessThenGivesThePromptBack() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.awaitPrompt("1/9 ❯", T);
      r.line("sleep 4321 &");
      r.awaitPrompt("1/9 ❯", T);

      r.line(":monitor");
      awaitFrame(r, "shellcamp monitor");
      awaitFrame(r, "PID");
      awaitFrame(r, "q quit");

      r.type("/sleep 4321\r");
      awaitFrame(r, "filter \"sleep 4321\"");
      r.type("k");
      awaitFrame(r, "Send SIGTERM to");
      r.type("y");
      awaitFrame(r, "sent SIGTERM to");

      r.type("q");
      String after = awaitAfter(r, "1/9 ❯");
      String raw = r.raw();
      int left = raw.lastIndexOf("\u001b[?1049l");
      assertTrue(left > raw.lastIndexOf(ENTER_ALT), "left the alternate screen");
      assertTrue(raw.substring(left).contains(":hint :check :help"), "status row drawn again after the monitor: " + after);

      r.line("wait; echo after-$((2+3))");
      awaitAfter(r, "after-5");
      assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").endsWith("sleep 4321")),
          "the learner's sleep 4321 was killed");
      awaitAfter(r, "after-5\nlinux/streams 1/9 ❯");

      r.line(":quit");
      awaitAfter(r, "Progress saved");
      assertEquals(0, r.waitExit(T));
    }
  }

  /**
   * Waits for text drawn on the alternate screen. The monitor draws by moving the cursor, so the
   * driver's line-based marks do not apply: this looks at everything since the screen was entered.
   */
  private static void awaitFrame(ReplDriver r, String s) throws InterruptedException {
    long end = System.nanoTime() + T.toNanos();
    String seen = "";
    while (System.nanoTime() < end) {
      String raw = r.raw();
      int at = raw.lastIndexOf(ENTER_ALT);
      // rows start with a carriage return after a cursor move: each is a line of its own here
      seen = at < 0 ? "" : Ansi.strip(raw.substring(at).replace('\r', '\n'));
      if (seen.contains(s)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no \"" + s + "\" on the monitor's screen within " + T + ":\n" + seen);
  }

  /** Waits for text on the main screen since the monitor left it (the driver's marks do not survive its frames). */
  private static String awaitAfter(ReplDriver r, String s) throws InterruptedException {
    long end = System.nanoTime() + T.toNanos();
    String seen = "";
    while (System.nanoTime() < end) {
      String raw = r.raw();
      int at = raw.lastIndexOf("\u001b[?1049l");
      seen = at < 0 ? "" : Ansi.strip(raw.substring(at));
      if (seen.contains(s)) {
        return seen;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no \"" + s + "\" after the monitor within " + T + ":\n" + seen);
  }
}

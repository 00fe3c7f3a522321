package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys typed ahead, pasted blocks and Ctrl-C through a real PTY: every key reaches one reader, in
 * order, and every line meant for the shell runs through the tutor, shown and checked.
 */
class ReplTypeAheadPtyTest {
  private static final Duration T = Duration.ofSeconds(20);
  private static final String PASTE_ON = "\u001b[200~";
  private static final String PASTE_OFF = "\u001b[201~";
  @TempDir Path data;

  /** What a test does at step 2 of linux/streams (overwrite shopping.txt with {@code item}). */
  @FunctionalInterface
  private interface AtStepTwo {
    void run(ReplDriver r, String item) throws Exception;
  }

  /**
   * Starts linux/streams, answers step 1 and runs {@code test} at step 2; then leaves as a learner
   * does, so the tutor ends the lesson's processes before the folder goes.
   */
  private void atStepTwo(AtStepTwo test) throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.awaitPrompt("1/9 ❯", T);
      String step = r.enter(":answer 2", "2/9 ❯");
      Matcher m = Pattern.compile("single line, (\\w+), using").matcher(step);
      assertTrue(m.find(), step);
      test.run(r, m.group(1));
      r.quit();
    }
  }

  /** Waits for the idle prompt at step 2, then asserts that {@code parts} were drawn in this order. */
  private static void idleAfter(ReplDriver r, String... parts) throws Exception {
    r.awaitPrompt("2/9 ❯", T);
    order(r.text(), parts);
  }

  /** Asserts that {@code parts} appear in {@code screen} in this order. */
  private static int order(String screen, String... parts) {
    int at = -1;
    for (String p : parts) {
      int next = screen.indexOf(p, at + 1);
      assertTrue(next > at, () -> "\"" + p + "\" out of order in:\n" + screen);
      at = next;
    }
    return at;
  }

  @Test
  void aLineTypedWhileACommandRunsRunsNextThroughTheTutor() throws Exception {
    atStepTwo((r, item) -> {
      r.lineAwait("echo sta$((1))rted; sleep 1", "sta1rted");
      r.lineAwait("echo typed-$((6*7))", "typed-42");
      idleAfter(r, "echo sta$((1))rted; sleep 1", "2/9 ❯ echo typed-$((6*7))", "typed-42");
      String h = r.enter("history | tail -n 3", "2/9 ❯");
      order(h, "echo sta$((1))rted; sleep 1", "echo typed-$((6*7))", "history | tail -n 3");
    });
  }

  @Test
  void aPastedBlockRunsEachLineInOrderAndEachIsChecked() throws Exception {
    atStepTwo((r, item) -> {
      r.type(PASTE_ON + "cd downloads && export SCX=seven\n"
          + "echo \"$SCX in ${PWD##*/}\"\n"
          + "echo " + item + " > ~/shopping.txt\n"
          + "echo after-pass-$SCX\n" + PASTE_OFF);
      r.await("after-pass-seven", T);
      r.awaitPrompt("3/9 ❯", T);
      order(r.text(), "2/9 ❯ cd downloads && export SCX=seven", "2/9 ❯ echo \"$SCX in ${PWD##*/}\"",
          "seven in downloads", "echo " + item + " > ~/shopping.txt", "Step passed: overwrite",
          "3/9 ❯ echo after-pass-$SCX", "after-pass-seven");
      assertEquals(item + "\n", Files.readString(data.resolve("shellcamp/work/linux/streams/shopping.txt")));
    });
  }

  @Test
  void linesTypedFasterThanTheyRunAndTutorCommandsAmongThemKeepTheirOrder() throws Exception {
    atStepTwo((r, item) -> {
      StringBuilder keys = new StringBuilder();
      for (int i = 1; i <= 20; i++) {
        keys.append(i == 10 ? ":hint\r" : "echo line-" + i + "\r");
      }
      r.type(keys.toString());
      r.await("\nline-20", T);
      r.awaitPrompt("2/9 ❯", T);
      String seen = r.text();
      String[] expected = new String[40];
      for (int i = 1, k = 0; i <= 20; i++) {
        expected[k++] = i == 10 ? "2/9 ❯ :hint" : "2/9 ❯ echo line-" + i;
        expected[k++] = i == 10 ? "Hint 1/" : "\nline-" + i;
      }
      order(seen.replace("\r", ""), expected);
      assertFalse(seen.contains("command not found"), seen);
    });
  }

  @Test
  void aPasteIntoARunningCommandGoesToItAndTheRestToTheTutor() throws Exception {
    atStepTwo((r, item) -> {
      r.lineAwait("echo re$((1))ady; cat > notes.txt", "re1ady");
      r.type("first line\rsecond line\r");
      r.type("\u0004echo rest-$((1+1))\r");
      r.await("rest-2", T);
      idleAfter(r, "2/9 ❯ echo rest-$((1+1))", "rest-2");
      assertEquals("first line\nsecond line\n",
          Files.readString(data.resolve("shellcamp/work/linux/streams/notes.txt")));
    });
  }

  @Test
  void keysStillReachACommandAfterTheWindowIsResized() throws Exception {
    atStepTwo((r, item) -> {
      r.lineAwait("echo re$((2))ady; cat > sized.txt", "re2ady");
      r.resize(90, 25);
      Thread.sleep(300); // SIGWINCH reaches the tutor's handler asynchronously, with nothing to see on screen
      r.type("after resize\r\u0004");
      r.awaitPrompt("2/9 ❯", T);
      assertEquals("after resize\n", Files.readString(data.resolve("shellcamp/work/linux/streams/sized.txt")));
    });
  }

  @Test
  void ctrlCRightAfterEnterStopsTheCommandAndTheNextLineRuns() throws Exception {
    atStepTwo((r, item) -> {
      long t0 = System.nanoTime();
      r.type("sleep 30\r\u0003echo after-$((6*7))\r");
      r.await("after-42", T);
      r.awaitPrompt("2/9 ❯", T);
      assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "Ctrl-C ended sleep");
      order(r.text(), "2/9 ❯ sleep 30", "2/9 ❯ echo after-$((6*7))", "after-42");
    });
  }

  @Test
  void keysTypedIntoABusyBuiltinLoopWaitAndCtrlCStillGetsThrough() throws Exception {
    atStepTwo((r, item) -> {
      r.lineAwait("echo lo$((1))op; while :; do :; done", "lo1op");
      r.type("typed-during-loop");
      Thread.sleep(300);
      r.type("\u0003echo ok-$((1+1))\r");
      r.await("ok-2", T);
      idleAfter(r, "2/9 ❯ echo ok-$((1+1))", "ok-2");
    });
  }

  @Test
  void ctrlCFollowedAtOnceByALineLosesNoKey() throws Exception {
    atStepTwo((r, item) -> {
      r.lineAwait("echo sl$((1))eeping; sleep 30", "sl1eeping");
      long t0 = System.nanoTime();
      r.type("\u0003echo alive-$((6*7))\r");
      r.await("alive-42", T);
      idleAfter(r, "2/9 ❯ echo alive-$((6*7))", "alive-42");
      String seen = r.text();
      assertFalse(seen.contains("command not found"), seen);
      assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "Ctrl-C ended sleep");
    });
  }

  @Test
  void aShellThatLostItsHooksIsGivenThemBackAndTutorCommandsStillWork() throws Exception {
    atStepTwo((r, item) -> {
      r.enter("cd downloads && export MARK=kept", "2/9 ❯");
      r.lineAwait("exec bash", "they are back");
      r.awaitPrompt("2/9 ❯", T);
      assertTrue(r.enter("echo \"$MARK in ${PWD##*/}\"", "2/9 ❯").contains("kept in downloads"));
      r.enter("PROMPT_COMMAND=; set -o vi; unset -f $(compgen -A function)", "2/9 ❯");
      assertTrue(r.enter("echo still-$((2+2))", "2/9 ❯").contains("still-4"));
      assertTrue(r.enter(":hint", "2/9 ❯").contains("Hint 1/"));
    });
  }
}

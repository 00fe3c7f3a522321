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

  /** Starts linux/streams and answers step 1, so step 2 (overwrite shopping.txt) is current. */
  private static String atStepTwo(ReplDriver r) throws Exception {
    r.awaitPrompt("1/9 ❯", T);
    r.line(":answer 2");
    String step = r.awaitPrompt("2/9 ❯", T);
    Matcher m = Pattern.compile("single line, (\\w+), using").matcher(step);
    assertTrue(m.find(), step);
    return m.group(1);
  }

  /** Leaves as a learner does, so the tutor ends the lesson's processes before the folder goes. */
  private static void quit(ReplDriver r) throws Exception {
    r.line(":quit");
    r.await("Progress saved", T);
    assertEquals(0, r.waitExit(T));
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
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      atStepTwo(r);
      r.line("echo sta$((1))rted; sleep 1");
      r.await("sta1rted", T);
      r.line("echo typed-$((6*7))");
      r.await("typed-42", T);
      r.awaitPrompt("2/9 ❯", T);
      order(r.text(), "echo sta$((1))rted; sleep 1", "2/9 ❯ echo typed-$((6*7))", "typed-42");
      r.line("history | tail -n 3");
      String h = r.awaitPrompt("2/9 ❯", T);
      order(h, "echo sta$((1))rted; sleep 1", "echo typed-$((6*7))", "history | tail -n 3");
      quit(r);
    }
  }

  @Test
  void aPastedBlockRunsEachLineInOrderAndEachIsChecked() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      String item = atStepTwo(r);
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
      quit(r);
    }
  }

  @Test
  void linesTypedFasterThanTheyRunAndTutorCommandsAmongThemKeepTheirOrder() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      atStepTwo(r);
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
      quit(r);
    }
  }

  @Test
  void aPasteIntoARunningCommandGoesToItAndTheRestToTheTutor() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      atStepTwo(r);
      r.line("echo re$((1))ady; cat > notes.txt");
      r.await("re1ady", T);
      r.type("first line\rsecond line\r");
      r.type("\u0004echo rest-$((1+1))\r");
      r.await("rest-2", T);
      r.awaitPrompt("2/9 ❯", T);
      order(r.text(), "2/9 ❯ echo rest-$((1+1))", "rest-2");
      assertEquals("first line\nsecond line\n",
          Files.readString(data.resolve("shellcamp/work/linux/streams/notes.txt")));
      quit(r);
    }
  }

  @Test
  void keysStillReachACommandAfterTheWindowIsResized() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      atStepTwo(r);
      r.line("echo re$((2))ady; cat > sized.txt");
      r.await("re2ady", T);
      r.resize(90, 25);
      Thread.sleep(300); // SIGWINCH reaches the tutor's handler asynchronously, with nothing to see on screen
      r.type("after resize\r\u0004");
      r.awaitPrompt("2/9 ❯", T);
      assertEquals("after resize\n", Files.readString(data.resolve("shellcamp/work/linux/streams/sized.txt")));
      quit(r);
    }
  }

  @Test
  void ctrlCRightAfterEnterStopsTheCommandAndTheNextLineRuns() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      atStepTwo(r);
      long t0 = System.nanoTime();
      r.type("sleep 30\r\u0003echo after-$((6*7))\r");
      r.await("after-42", T);
      r.awaitPrompt("2/9 ❯", T);
      assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "Ctrl-C ended sleep");
      order(r.text(), "2/9 ❯ sleep 30", "2/9 ❯ echo after-$((6*7))", "after-42");
      quit(r);
    }
  }

  @Test
  void keysTypedIntoABusyBuiltinLoopWaitAndCtrlCStillGetsThrough() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      atStepTwo(r);
      r.line("echo lo$((1))op; while :; do :; done");
      r.await("lo1op", T);
      r.type("typed-during-loop");
      Thread.sleep(300);
      r.type("\u0003echo ok-$((1+1))\r");
      r.await("ok-2", T);
      r.awaitPrompt("2/9 ❯", T);
      order(r.text(), "2/9 ❯ echo ok-$((1+1))", "ok-2");
      quit(r);
    }
  }

  @Test
  void ctrlCFollowedAtOnceByALineLosesNoKey() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      atStepTwo(r);
      r.line("echo sl$((1))eeping; sleep 30");
      r.await("sl1eeping", T);
      long t0 = System.nanoTime();
      r.type("\u0003echo alive-$((6*7))\r");
      r.await("alive-42", T);
      r.awaitPrompt("2/9 ❯", T);
      String seen = r.text();
      order(seen, "2/9 ❯ echo alive-$((6*7))", "alive-42");
      assertFalse(seen.contains("command not found"), seen);
      assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "Ctrl-C ended sleep");
      quit(r);
    }
  }

  @Test
  void aShellThatLostItsHooksIsGivenThemBackAndTutorCommandsStillWork() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      atStepTwo(r);
      r.line("cd downloads && export MARK=kept");
      r.awaitPrompt("2/9 ❯", T);
      r.line("exec bash");
      r.await("they are back", T);
      r.awaitPrompt("2/9 ❯", T);
      r.line("echo \"$MARK in ${PWD##*/}\"");
      assertTrue(r.awaitPrompt("2/9 ❯", T).contains("kept in downloads"));
      r.line("PROMPT_COMMAND=; set -o vi; unset -f $(compgen -A function)");
      r.awaitPrompt("2/9 ❯", T);
      r.line("echo still-$((2+2))");
      assertTrue(r.awaitPrompt("2/9 ❯", T).contains("still-4"));
      r.line(":hint");
      assertTrue(r.awaitPrompt("2/9 ❯", T).contains("Hint 1/"));
      r.line(":quit");
      r.await("Progress saved", T);
      assertEquals(0, r.waitExit(T));
    }
  }
}

package dev.shellcamp.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What learners do to their shell must not cost the tutor its hooks, nor the keys typed meanwhile. */
class ShellHooksTest {
  private static final Duration T = Duration.ofSeconds(10);
  @TempDir Path home;
  PtyShell shell;

  @BeforeEach
  void start() throws Exception {
    shell = PtyShell.start(home, Map.of(), 80, 24);
  }

  @AfterEach
  void stop() {
    shell.close();
  }

  private CommandResult run(String line) throws Exception {
    return shell.run(line, OutputSink.DISCARD, T);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "PROMPT_COMMAND=",
      "unset PROMPT_COMMAND",
      "PROMPT_COMMAND='echo from-learner'",
      "PROMPT_COMMAND=\"$PROMPT_COMMAND; true\"",
      "PS0='> '; PS1='$ '; PS2=''",
      "unset PS0 PS1",
      "unset PROMPT_COMMAND PS1",
      "set -o vi",
      "unset -f $(compgen -A function)",
      "trap 'echo dbg >/dev/null' DEBUG",
      "stty -echo",
      "exec bash",
      "exec bash -l",
      "bind -r '\\C-x\\C-a'",
  })
  void theShellStillAnswersAfter(String breaker) throws Exception {
    run("mkdir -p d && cd d && export KEEP=kept");
    CommandResult broke = run(breaker);
    assertFalse(broke.timedOut(), () -> breaker + " timed out");
    for (int i = 0; i < 2; i++) {
      CommandResult r = run("echo \"$KEEP in ${PWD##*/}\"; false");
      assertFalse(r.timedOut(), () -> "after " + breaker + ": " + r);
      assertTrue(r.output().contains("kept in d"), () -> "after " + breaker + ": " + r);
      assertEquals(1, r.exitCode(), () -> "after " + breaker + ": " + r);
      assertEquals(home.resolve("d").toString(), shell.cwd());
    }
  }

  @Test
  void aNestedBashRunsAsAProgramAndTheTutorFollowsAfterItsExit() throws Exception {
    typeLater("echo inner-$((6*7))\rexit\r");
    CommandResult r = run("bash --norc");
    assertTrue(r.output().contains("inner-42"), r::toString);
    assertEquals("kept\n", run("export K=kept; echo $K").output());
  }

  private void typeLater(String keys) {
    Thread typist = new Thread(() -> {
      try {
        Thread.sleep(400);
        byte[] k = keys.getBytes(StandardCharsets.UTF_8);
        PtyShell.Offer o;
        while ((o = shell.offer(k, 0, k.length)) == PtyShell.Offer.LATER) {
          Thread.sleep(2);
        }
        assertEquals(PtyShell.Offer.SENT, o);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    typist.setDaemon(true);
    typist.start();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cat", "read -r x", "python3 -c 'input()'", "vi notes.txt"})
  void unattendedACommandWaitingForKeysIsStoppedAndNamed(String line) throws Exception {
    shell.unattended(true);
    long t0 = System.nanoTime();
    CommandResult r = run(line);
    assertFalse(r.timedOut(), r::toString);
    assertFalse(r.stoppedWaiting().isEmpty(), r::toString);
    // vim sets a timeout on its wait for its first 4 s (updatetime), so it is seen only after that
    assertTrue(System.nanoTime() - t0 < 12_000_000_000L, r::toString);
    assertEquals("ok\n", run("echo ok").output());
  }

  @Test
  void unattendedASlowCommandIsLeftToFinish() throws Exception {
    shell.unattended(true);
    CommandResult r = run("sleep 2; echo done-sleeping");
    assertEquals("", r.stoppedWaiting());
    assertTrue(r.output().contains("done-sleeping"), r::toString);
  }

  @Test
  void aLearnersPromptCommandStillRuns() throws Exception {
    run("PROMPT_COMMAND='echo pc-ran >> ~/pc.log'");
    run("true");
    run("true");
    // bash runs it after the line that set it too
    assertEquals("pc-ran\npc-ran\npc-ran\n", run("cat ~/pc.log").output().replace("\r", ""));
  }

  @Test
  void keysTypedWhileACommandRunsComeBackUnreadAndInOrder() throws Exception {
    typeLater("echo typed-ahead\r");
    CommandResult r = run("sleep 1");
    assertEquals("echo typed-ahead\n", r.unread());
    assertEquals(PtyShell.Offer.REFUSED, shell.offer(new byte[] {'x'}, 0, 1), "no key reaches bash between commands");
    assertEquals("", run("true").unread());
  }

  @Test
  void keysLeftAfterALineGoToTheCommandThatReadsThem() throws Exception {
    CommandResult r = shell.run("IFS= read -r -n 3 a; echo \"got $a\"", "abcdef\n", OutputSink.DISCARD, T);
    assertTrue(r.output().contains("got abc"), r::toString);
    assertEquals("def\n", r.unread());
    assertEquals("", shell.run("true", "", OutputSink.DISCARD, T).unread());
  }
}

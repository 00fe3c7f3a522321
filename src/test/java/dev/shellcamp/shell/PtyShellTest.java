package dev.shellcamp.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.Await;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PtyShellTest {
  private static final Duration T = Duration.ofSeconds(10);
  @RegisterExtension static final ShellExtension bash = new ShellExtension(80, 24);

  private static PtyShell shell() {
    return bash.shell();
  }

  private static CommandResult run(String line) throws Exception {
    return shell().run(line, OutputSink.DISCARD, T);
  }

  @Test
  void capturesOutputAndStatusWithoutEchoingTheLine() throws Exception {
    CommandResult r = run("echo hello; false");
    assertEquals("hello\n", r.output());
    assertEquals(1, r.exitCode());
  }

  @Test
  void shellStatePersistsBetweenLines() throws Exception {
    run("mkdir -p sub && cd sub");
    run("export FOO=bar; alias hi='echo hi-there'; greet() { echo \"g $1\"; }");
    assertEquals(bash.home().resolve("sub").toString(), shell().cwd());
    assertEquals("bar\n", run("echo $FOO").output());
    assertEquals("hi-there\n", run("hi").output());
    assertEquals("g x\n", run("greet x").output());
    assertEquals("declare -x FOO=\"bar\"\n", run("declare -p FOO").output());
    run("cd ~");
  }

  @Test
  void reportsTheActiveVirtualEnvironmentForTheTutorsPrompt() throws Exception {
    assertEquals("", shell().venv());
    // what bin/activate sets: Python 3.11 writes "(name) ", 3.12 on just the name
    run("export VIRTUAL_ENV=\"$HOME/.venv\" VIRTUAL_ENV_PROMPT='(.venv) '");
    assertEquals(".venv", shell().venv());
    run("VIRTUAL_ENV_PROMPT=camp");
    assertEquals("camp", shell().venv());
    run("unset VIRTUAL_ENV");
    assertEquals("camp", shell().venv(), "as in bash's PS1, only deactivate removes the name");
    run("VIRTUAL_ENV=\"$HOME/.venv\"; unset VIRTUAL_ENV_PROMPT");
    assertEquals(".venv", shell().venv(), "no prompt variable (Python before 3.10): the folder's name");
    run("VIRTUAL_ENV_DISABLE_PROMPT=1");
    assertEquals("", shell().venv());
    run("unset VIRTUAL_ENV VIRTUAL_ENV_DISABLE_PROMPT");
    assertEquals("", shell().venv());
  }

  @Test
  void multiLineHeredocRunsAsOneCommand() throws Exception {
    CommandResult r = run("cat > h.txt <<'EOF'\n\tone\ntwo\nEOF\nwc -l < h.txt");
    assertEquals("2\n", r.output());
    assertEquals("\tone\ntwo\n", Files.readString(bash.home().resolve("h.txt")));
  }

  @Test
  void syntaxErrorIsReportedWithStatusTwo() throws Exception {
    CommandResult r = run("if then fi )");
    assertEquals(2, r.exitCode());
    assertTrue(r.output().contains("syntax error"), r.output());
    assertEquals("ok\n", run("echo ok").output());
  }

  @Test
  void incompleteLineIsAbortedAndReported() throws Exception {
    CommandResult r = run("if true; then echo x");
    assertTrue(r.incomplete());
    assertEquals("ok\n", run("echo ok").output());
  }

  @Test
  void interruptEndsALongCommandAndKeepsTheShell() throws Exception {
    long t0 = System.nanoTime();
    new Thread(() -> {
      try {
        // once the sleep runs; should it never show, the interrupt comes late and the test says so
        Await.upTo(T, () -> ProcessHandle.of(shell().pid()).orElseThrow().descendants()
            .anyMatch(h -> h.info().commandLine().orElse("").endsWith("sleep 30")));
      } catch (Exception e) {
        return;
      }
      shell().interrupt();
    }).start();
    CommandResult r = run("sleep 30");
    assertTrue(System.nanoTime() - t0 < 3_000_000_000L);
    assertEquals(130, r.exitCode());
    assertEquals("ok\n", run("echo ok").output());
  }

  @Test
  void hiddenQueryRunsInTheShellWithoutTouchingHistory() throws Exception {
    PtyShell.QueryResult q = shell().query("export QV=42; echo $((6*7))", T);
    assertEquals("42\n", q.output());
    assertEquals("42\n", run("echo $QV").output());
    assertFalse(run("history").output().contains("QV=42"));
  }

  @Test
  void aHiddenScriptWhoseJobDiesOfASignalLeavesTheNextLineWorking() throws Exception {
    // `yes` dies of SIGPIPE; bash then restores its cooked tty mode under readline
    PtyShell.QueryResult q = shell().query("yes | head -n 1000 > /dev/null; echo done", T);
    assertEquals("done\n", q.output());
    long t0 = System.nanoTime();
    CommandResult r = run("echo next");
    assertEquals("next\n", r.output());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000, "the line arrived at once");
  }

  @Test
  void outputStreamsToTheSinkWhileRunning() throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    shell().run("printf 'a\\nb\\n'", seen::write, T);
    assertEquals("a\r\nb\r\n", seen.toString());
  }

  @Test
  void exitEndsTheShellAndRestartBringsItBack(@TempDir Path other) throws Exception {
    try (PtyShell s = PtyShell.start(other, Map.of(), 80, 24)) {
      CommandResult r = s.run("exit 7", OutputSink.DISCARD, T);
      assertTrue(r.shellExited());
      assertEquals(7, r.exitCode());
      s.restart();
      assertEquals("back\n", s.run("echo back", OutputSink.DISCARD, T).output());
    }
  }

  @Test
  void closeKillsBackgroundAndDetachedChildren(@TempDir Path other) throws Exception {
    PtyShell s = PtyShell.start(other, Map.of(), 80, 24);
    s.run("sleep 300 & nohup sleep 301 >/dev/null 2>&1 & setsid sleep 302 & disown -a", OutputSink.DISCARD, T);
    long bash = s.pid();
    String key = s.sessionKey();
    assertTrue(ProcessReaper.sessionProcesses(bash, key).size() >= 3);
    s.close();
    // a grace period for the kills to land; the assertion below says what is left
    Await.upTo(Duration.ofSeconds(5), () -> ProcessReaper.sessionProcesses(bash, key).stream()
        .noneMatch(p -> Files.exists(Path.of("/proc/" + p))));
    assertEquals(0, ProcessReaper.sessionProcesses(bash, key).stream()
        .filter(p -> Files.exists(Path.of("/proc/" + p))).count());
  }
}

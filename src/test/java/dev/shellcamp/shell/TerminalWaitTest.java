package dev.shellcamp.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Real programs in a real interactive bash on a PTY, as the learner's shell runs them. */
@EnabledOnOs(OS.LINUX)
class TerminalWaitTest {
  /** Printed by the command line before the command itself; the quotes keep the tty's echo of
   * the line from matching. */
  private static final String GO = "echo TW''GO; ";
  private static final Duration FOUND_WITHIN = Duration.ofSeconds(5);
  private static final Duration QUIET_FOR = Duration.ofMillis(1500);

  @TempDir static Path dir;
  static Path big;

  private PtyProcess bash;
  private final StringBuilder output = new StringBuilder();

  @BeforeAll
  static void bigFile() throws Exception {
    big = dir.resolve("big.txt");
    Files.writeString(big, IntStream.range(0, 20_000).mapToObj(i -> "line " + i)
        .collect(Collectors.joining("\n", "", "\n")));
  }

  @AfterEach
  void kill() {
    if (bash != null) {
      // children first: a killed bash would leave less or vim holding the terminal
      ProcessHandle.of(bash.pid()).ifPresent(
          h -> h.descendants().forEach(ProcessHandle::destroyForcibly));
      bash.destroyForcibly();
    }
  }

  // ---- blocked on the keyboard ----

  @Test
  void catWithoutAFile() throws Exception {
    assertFound("cat", "cat");
  }

  @Test
  void catAtTheHeadOfAPipeline() throws Exception {
    assertFound("cat | sort", "cat");
  }

  @Test
  void sortReadingTheTerminal() throws Exception {
    assertFound("sort", "sort");
  }

  @Test
  void moreAtTheEndOfItsFirstPage() throws Exception {
    requires("more");
    assertFound("more " + big, "more"); // poll(2) on the terminal and a signalfd
  }

  @Test
  void lessReadsDevTty() throws Exception {
    requires("less");
    assertFound("less " + big, "less");
  }

  @Test
  void lessAtTheEndOfAPipe() throws Exception {
    requires("less");
    assertFound("cat " + big + " | less", "less");
  }

  @Test
  void pythonInput() throws Exception {
    requires("python3");
    assertFound("python3 -c 'input()'", "python");
  }

  @Test
  void pythonRepl() throws Exception {
    requires("python3");
    assertFound("python3", "python"); // readline: pselect6 on fd 0 without a timeout
  }

  @Test
  void selectOnTheTerminal() throws Exception {
    requires("python3");
    assertFound("python3 -c 'import select; select.select([0], [], [])'", "python");
  }

  @Test
  void epollOnTheTerminal() throws Exception {
    requires("python3");
    assertFound("python3 -c 'import select; e = select.epoll(); e.register(0, select.EPOLLIN);"
        + " e.poll()'", "python");
  }

  @Test
  void nestedInteractiveBashAtItsPrompt() throws Exception {
    Optional<TerminalWait.Waiter> w = awaitFound("bash --noprofile --norc -i", FOUND_WITHIN);
    assertEquals("bash", w.orElseThrow().command());
    assertNotEquals(bash.pid(), w.get().pid());
  }

  @Test
  void vimOnceItsUpdatetimeHasPassed() throws Exception {
    requires("vi");
    // vim waits with a timeout of 'updatetime' (4 s) first, and only then for good
    Optional<TerminalWait.Waiter> w = awaitFound("vi -n " + big, Duration.ofSeconds(10));
    assertTrue(w.orElseThrow().command().startsWith("vi"), w.toString());
  }

  @Test
  void readBuiltinInTheShellItself() throws Exception {
    Optional<TerminalWait.Waiter> w = awaitFound("read x", FOUND_WITHIN);
    assertEquals(new TerminalWait.Waiter(bash.pid(), "bash"), w.orElseThrow());
  }

  @Test
  void readInACommandSubstitution() throws Exception {
    assertFound("x=$(head -n 1)", "head");
  }

  // ---- merely slow, or done ----

  @Test
  void shellAtItsPrompt() throws Exception {
    assertQuiet("true");
  }

  @Test
  void sleep() throws Exception {
    assertQuiet("sleep 5");
  }

  @Test
  void pythonSleeping() throws Exception {
    requires("python3");
    assertQuiet("python3 -c 'import time; time.sleep(5)'");
  }

  @Test
  void busyLoopInTheShell() throws Exception {
    assertQuiet("while :; do :; done");
  }

  @Test
  void busyProcess() throws Exception {
    requires("python3");
    assertQuiet("python3 -c 'while True: pass'");
  }

  @Test
  void catReadingAPipe() throws Exception {
    assertQuiet("sleep 5 | cat");
  }

  @Test
  void countingWhatASlowProducerWrites() throws Exception {
    assertQuiet("(sleep 5; cat " + big + ") | wc -l");
  }

  @Test
  void tailFollowingAFile() throws Exception {
    assertQuiet("tail -f " + big); // poll(2) on its inotify descriptor
  }

  @Test
  void serverWaitingOnASocket() throws Exception {
    requires("python3");
    assertQuiet("python3 -m http.server 0 --bind 127.0.0.1");
  }

  @Test
  void selectOnTheTerminalAndASocket() throws Exception {
    requires("python3");
    assertQuiet("python3 -c 'import select, socket; s = socket.socket(); s.bind((\"127.0.0.1\", 0));"
        + " s.listen(); select.select([0, s], [], [])'");
  }

  @Test
  void pollOnTheTerminalWithATimeout() throws Exception {
    requires("python3");
    assertQuiet("python3 -c 'import select; p = select.poll(); p.register(0, select.POLLIN);"
        + " p.poll(5000)'");
  }

  @Test
  void waitForABackgroundJob() throws Exception {
    assertQuiet("sleep 5 & wait");
  }

  @Test
  void readWithATimeout() throws Exception {
    assertQuiet("read -t 5 x"); // ends by itself
  }

  @Test
  void oneCallIsCheap() throws Exception {
    // the usual answer while a command runs: every process of the job looked at, none waiting
    start("sleep 30 | cat");
    Thread.sleep(200);
    for (int i = 0; i < 50; i++) {
      TerminalWait.find(bash.pid()); // warm up
    }
    int n = 200;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      assertTrue(TerminalWait.find(bash.pid()).isEmpty());
    }
    double ms = (System.nanoTime() - t0) / 1e6 / n;
    long procs;
    try (var s = Files.list(Path.of("/proc"))) {
      procs = s.filter(p -> p.getFileName().toString().matches("\\d+")).count();
    }
    System.out.printf("TerminalWait.find: %.2f ms per call with %d processes%n", ms, procs);
    // generous: a loaded CI machine must not fail it, a scan gone quadratic must
    assertTrue(ms < 50, ms + " ms");
  }

  // ---- helpers ----

  private void assertFound(String line, String command) throws Exception {
    Optional<TerminalWait.Waiter> w = awaitFound(line, FOUND_WITHIN);
    assertTrue(w.orElseThrow().command().startsWith(command), w.toString());
  }

  private Optional<TerminalWait.Waiter> awaitFound(String line, Duration within) throws Exception {
    start(line);
    return awaitFound(within);
  }

  private Optional<TerminalWait.Waiter> awaitFound(Duration within) throws Exception {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      Optional<TerminalWait.Waiter> w = TerminalWait.find(bash.pid());
      if (w.isPresent()) {
        return w;
      }
      Thread.sleep(20);
    }
    fail("nothing found waiting on the terminal; the terminal showed: " + output());
    return Optional.empty();
  }

  private void assertQuiet(String line) throws Exception {
    start(line);
    Thread.sleep(200); // let the command get past its start
    long end = System.nanoTime() + QUIET_FOR.toNanos();
    while (System.nanoTime() < end) {
      Optional<TerminalWait.Waiter> w = TerminalWait.find(bash.pid());
      assertTrue(w.isEmpty(), () -> w + " for `" + line + "`; the terminal showed: " + output());
      Thread.sleep(20);
    }
  }

  /** Starts bash, hands it the line and waits until the line has begun to run. */
  private void start(String line) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeAll(List.of("PROMPT_COMMAND", "BASH_ENV", "ENV"));
    env.put("TERM", "xterm-256color");
    env.put("HISTFILE", "/dev/null");
    env.put("LESSHISTFILE", "-");
    bash = new PtyProcessBuilder(new String[] {"/bin/bash", "--noprofile", "--norc", "-i"})
        .setEnvironment(env)
        .setDirectory(dir.toString())
        .setInitialColumns(80)
        .setInitialRows(24)
        .setConsole(false)
        .start();
    PtyDrain.start(bash, "terminal-wait-test-drain", (buf, n) -> {
      synchronized (output) {
        output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      }
    });
    bash.getOutputStream().write((GO + line + "\n").getBytes(StandardCharsets.UTF_8));
    bash.getOutputStream().flush();
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!output().contains("TWGO")) {
      if (System.nanoTime() > end) {
        fail("bash never ran the line; the terminal showed: " + output() + "; bash: "
            + procFile("stat") + " / " + procFile("syscall") + " / " + procFile("wchan"));
      }
      Thread.sleep(10);
    }
  }

  private String procFile(String name) {
    try {
      return Files.readString(Path.of("/proc/" + bash.pid() + "/" + name)).strip();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  private static void requires(String program) throws Exception {
    Process p = new ProcessBuilder("/bin/bash", "-c", "command -v " + program)
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assumeTrue(p.waitFor() == 0, program + " is not installed");
  }
}

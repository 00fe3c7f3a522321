package dev.shellcamp.check;

import static dev.shellcamp.check.FakeContext.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.Await;
import dev.shellcamp.lesson.CheckSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** process, port and disk checks against real processes, real sockets and the real filesystem. */
class MachineChecksTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path ws;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private Result eval(CheckSpec s) {
    return Checks.evaluate(s, new FakeContext(ws));
  }

  private Process start(String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).directory(ws.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    started.add(p);
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void awaitListening(int port) throws Exception {
    Await.until("something listening on port " + port, WAIT, () -> {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    });
  }

  /** A live process's command line as /proc has it, arguments joined by spaces; "" once it is gone. */
  private static String cmdline(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits until a process runs {@code cmdline} (a child is a copy of the JVM until it has exec'd) and gives its pid. */
  private static long awaitRunning(String cmdline) throws Exception {
    long[] pid = {-1};
    Await.until("`" + cmdline + "` to run", WAIT, () -> {
      pid[0] = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).filter(p -> cmdline(p).equals(cmdline))
          .findFirst().orElse(-1);
      return pid[0] > 0;
    });
    return pid[0];
  }

  /** Waits until a process has died: a zombie nobody has reaped yet, or gone. */
  private static void awaitDead(long pid) throws Exception {
    Await.until("pid " + pid + " to die", WAIT, () -> {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
      } catch (IOException e) {
        return true;
      }
    });
  }

  @Test
  void aRunningProcessIsFoundByCommandLineAndNamedWhenItMustBeGone() throws Exception {
    Process p = start("sleep", "4211.5");
    awaitRunning("sleep 4211.5");
    assertTrue(eval(spec("process", "cmdline", "^sleep 4211\\.5$")).passed());
    assertTrue(eval(spec("process", "name", "sleep")).passed());
    Result r = eval(spec("process", "cmdline", "sleep 4211\\.5", "running", "false"));
    assertFalse(r.passed());
    assertEquals("`sleep 4211.5` is still running (pid " + p.pid() + ")", r.reason());

    p.destroy();
    p.waitFor(5, TimeUnit.SECONDS);
    assertTrue(eval(spec("process", "cmdline", "sleep 4211\\.5", "running", "false")).passed());
    r = eval(spec("process", "cmdline", "sleep 4211\\.5"));
    assertEquals("no process whose command line matches /sleep 4211\\.5/ is running", r.reason());
  }

  @Test
  void aKilledProcessNobodyHasReapedYetCountsAsGone() throws Exception {
    // setsid: the sleep's parent becomes init, which may leave it a zombie for seconds
    start("bash", "-c", "setsid sleep 4216 & echo started").waitFor(5, TimeUnit.SECONDS);
    long sleep = awaitRunning("sleep 4216");
    assertTrue(eval(spec("process", "cmdline", "^sleep 4216$")).passed());
    new ProcessBuilder("pkill", "-x", "-f", "sleep 4216").start().waitFor(5, TimeUnit.SECONDS);
    awaitDead(sleep);
    Result r = eval(spec("process", "cmdline", "^sleep 4216$", "running", "false"));
    assertTrue(r.passed(), "a zombie is not a running process: " + r.reason());
  }

  @Test
  void aScriptIsKnownByItsFileNameAndAMissingNameIsNamed() throws Exception {
    Path script = ws.resolve("spin-4212");
    Files.writeString(script, "#!/bin/sh\nexec sleep 60\n".replace("exec ", ""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Process p = start(script.toString());
    awaitRunning("/bin/sh " + script);
    assertTrue(eval(spec("process", "name", "spin-4212")).passed(), "a #! script's process carries its file name");
    Result r = eval(spec("process", "name", "spin-4212", "running", "false"));
    assertTrue(r.reason().startsWith("`/bin/sh " + script + "` is still running (pid " + p.pid() + ")"), r.reason());
    assertEquals("no process named `no-such-4212` is running", eval(spec("process", "name", "no-such-4212")).reason());
  }

  @Test
  void aListeningPortNamesItsOwnerAndAFreePortSaysSo() throws Exception {
    int port = freePort();
    assertEquals("nothing listens on port " + port, eval(spec("port", "port", "" + port)).reason());
    assertTrue(eval(spec("port", "port", "" + port, "listening", "false")).passed());

    Process p = start("python3", "-m", "http.server", "" + port, "--bind", "127.0.0.1");
    awaitListening(port);
    assertTrue(eval(spec("port", "port", "" + port)).passed());
    assertTrue(eval(spec("port", "port", "" + port, "by", "http\\.server")).passed());
    // python3 may be a pyenv or venv path: the owner is shown as its full command line
    String owner = "`\\S*python3 -m http\\.server " + port + " --bind 127\\.0\\.0\\.1` \\(pid " + p.pid() + "\\)";
    Result r = eval(spec("port", "port", "" + port, "by", "app\\.py"));
    assertTrue(r.reason().matches("port " + port + " is held by " + owner + ", not by a process matching /app\\\\\\.py/"),
        r.reason());
    r = eval(spec("port", "port", "" + port, "listening", "false"));
    assertTrue(r.reason().matches("port " + port + " is held by " + owner + "; it should be free"), r.reason());
    assertTrue(eval(spec("port", "port", "" + port, "listening", "false", "by", "app\\.py")).passed(),
        "listening: false with by means: not held by that program");

    p.destroy();
    p.waitFor(5, TimeUnit.SECONDS);
    assertEquals("nothing listens on port " + port, eval(spec("port", "port", "" + port, "by", "http")).reason());
  }

  @Test
  void byMatchesTheWrapperThatStartedTheListenerAndTheListenersChildren() throws Exception {
    int port = freePort();
    Path wrapper = ws.resolve("run-app-4213.sh");
    Files.writeString(wrapper, "python3 -m http.server " + port + " --bind 127.0.0.1\n");
    start("bash", wrapper.toString());
    awaitListening(port);
    assertTrue(eval(spec("port", "port", "" + port, "by", "run-app-4213")).passed(), "the listener's parent matches");

    int port2 = freePort();
    String py = "import socket,subprocess\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
        + "s.bind(('127.0.0.1'," + port2 + "))\ns.listen()\nsubprocess.run(['sleep','4214'])\n";
    start("python3", "-c", py);
    awaitListening(port2);
    awaitRunning("sleep 4214");
    assertTrue(eval(spec("port", "port", "" + port2, "by", "sleep 4214")).passed(), "a child of the listener matches");
    assertFalse(eval(spec("port", "port", "" + port2, "by", "sleep 4215")).passed());
  }

  @Test
  void freeSpaceIsComparedWithSizesAsDfCountsThem() {
    assertTrue(eval(spec("disk", "path", ".", "free_above", "1K")).passed());
    Result r = eval(spec("disk", "path", ".", "free_above", "900T"));
    assertTrue(r.reason().startsWith("expected more than 900.0T free on the filesystem of ., found "), r.reason());
    assertTrue(eval(spec("disk", "path", "no/such/dir", "free_above", "1M")).passed(), "a path not made yet: its nearest folder");
    assertEquals(1L << 30, DiskCheck.bytes("1G"));
    assertEquals(1536L * 1024, DiskCheck.bytes("1.5M"));
    assertEquals(2048, DiskCheck.bytes("2048"));
    assertEquals(5L << 30, DiskCheck.bytes("5GiB"));
  }
}

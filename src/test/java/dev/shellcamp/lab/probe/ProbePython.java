package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.load.LoadTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python model server from the test resources (probe/*.py), run as a learner would run it: a
 * FastAPI app under uvicorn, or a plain script with {@code --port}. Always /usr/bin/python3:
 * Debian's python3-fastapi and python3-uvicorn live there, and another python3 (pyenv, a venv)
 * may come first on PATH without them.
 */
final class ProbePython implements AutoCloseable {
  static final String PYTHON = "/usr/bin/python3";

  private final Process process;
  private final Path log;
  final String url;

  /** Null when {@code modules} (comma-separated, "fastapi, uvicorn") can be imported, otherwise why not. */
  static String unavailable(String modules) {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return PYTHON + " does not exist";
    }
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import " + modules).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return PYTHON + " -c 'import " + modules + "' failed (" + out.lines().reduce((a, b) -> b).orElse("")
            + "); install python3-fastapi and python3-uvicorn";
      }
      return null;
    } catch (IOException e) {
      return "cannot run " + PYTHON + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Skips the test, with the reason, where {@code modules} cannot be imported, unless
   * SHELLCAMP_REQUIRE contains {@code required} (CI installs FastAPI, so there it is a failure).
   */
  static void assume(String modules, String required) {
    String missing = unavailable(modules);
    if (missing != null) {
      if (System.getenv().getOrDefault("SHELLCAMP_REQUIRE", "").contains(required)) {
        org.junit.jupiter.api.Assertions.fail("SHELLCAMP_REQUIRE contains " + required + ", but " + missing);
      }
      org.junit.jupiter.api.Assumptions.abort(required + " test skipped: " + missing);
    }
  }

  /** A server's source, from the test resources: "fastapi_half_plus_two" reads probe/fastapi_half_plus_two.py. */
  static String source(String module) throws IOException, URISyntaxException {
    return Files.readString(Path.of(ProbePython.class.getResource("/probe/" + module + ".py").toURI()));
  }

  /** {@code source} as module {@code module} in {@code dir} (a test's own), served by uvicorn. */
  static ProbePython uvicorn(Path dir, String module, String source) throws IOException, InterruptedException {
    int port = LoadTestServer.closedPort();
    return new ProbePython(dir, module, source, port, List.of(PYTHON, "-m", "uvicorn", module + ":app", "--app-dir",
        dir.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port), "--log-level", "warning"));
  }

  /** {@code source} as {@code module}.py in {@code dir}, run as {@code python3 module.py --port N}. */
  static ProbePython script(Path dir, String module, String source) throws IOException, InterruptedException {
    int port = LoadTestServer.closedPort();
    return new ProbePython(dir, module, source, port,
        List.of(PYTHON, dir.resolve(module + ".py").toString(), "--port", String.valueOf(port)));
  }

  private ProbePython(Path dir, String module, String source, int port, List<String> command)
      throws IOException, InterruptedException {
    Files.writeString(dir.resolve(module + ".py"), source);
    url = "http://127.0.0.1:" + port;
    log = dir.resolve(module + ".log");
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitListening(port);
  }

  private void awaitListening(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException("the server did not listen on " + port + " within 30 s:\n" + Files.readString(log));
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** `lab check` against this server, lenient on latency, which must exit 0; the server's log shows when not. */
  ProbeRun passes(String... more) throws IOException {
    ProbeRun r = ProbeRun.lenient(url, more);
    org.junit.jupiter.api.Assertions.assertEquals(0, r.code(), r.all() + "\nserver log:\n" + log());
    return r;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy(); // SIGTERM: uvicorn and the scripts shut down cleanly
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}

package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.load.LoadTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The FastAPI example app (test resource probe/fastapi_half_plus_two.py) under uvicorn, as a
 * learner would run it. Always /usr/bin/python3: Debian's python3-fastapi and python3-uvicorn
 * live there, and another python3 (pyenv, a venv) may come first on PATH without them.
 */
final class ProbeFastApi implements AutoCloseable {
  static final String PYTHON = "/usr/bin/python3";

  private final Process process;
  private final Path log;
  final String url;

  /** Null when FastAPI and uvicorn can be imported, otherwise why not (for the skip message). */
  static String unavailable() {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return PYTHON + " does not exist";
    }
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import fastapi, uvicorn").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return PYTHON + " -c 'import fastapi, uvicorn' failed (" + out.lines().reduce((a, b) -> b).orElse("")
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

  /** The example app's source, from the test resources. */
  static String source() throws IOException, URISyntaxException {
    return Files.readString(Path.of(ProbeFastApi.class.getResource("/probe/" + MODULE + ".py").toURI()));
  }

  static final String MODULE = "fastapi_half_plus_two";

  /** Serves {@code source} as a module in {@code dir}, a test's own directory. */
  ProbeFastApi(Path dir, String source) throws IOException, InterruptedException {
    Files.writeString(dir.resolve(MODULE + ".py"), source);
    int port = LoadTestServer.closedPort();
    url = "http://127.0.0.1:" + port;
    log = dir.resolve("uvicorn.log");
    process = new ProcessBuilder(PYTHON, "-m", "uvicorn", MODULE + ":app", "--app-dir", dir.toString(),
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--log-level", "warning")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitListening(port);
  }

  private void awaitListening(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("uvicorn exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException("uvicorn did not listen on " + port + " within 30 s:\n" + Files.readString(log));
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy(); // SIGTERM: uvicorn shuts down cleanly
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}

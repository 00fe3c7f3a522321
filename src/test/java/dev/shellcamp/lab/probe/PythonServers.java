package dev.shellcamp.lab.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Python servers of one test ({@link ProbePython}): each test is skipped, with the reason,
 * where the modules are missing ({@link ProbePython#assume}); the servers it started are stopped
 * and their folder removed when it ends, however it ends.
 */
final class PythonServers implements BeforeEachCallback, AfterEachCallback {
  private final String modules;
  private final String required;
  private final List<ProbePython> started = new ArrayList<>();
  private Path dir;

  /** {@code modules} as {@link ProbePython#assume} takes them, and the SHELLCAMP_REQUIRE word that makes them required. */
  PythonServers(String modules, String required) {
    this.modules = modules;
    this.required = required;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    ProbePython.assume(modules, required);
    dir = Files.createTempDirectory("shellcamp-probe-");
  }

  /** probe/{@code module}.py from the test resources, served by uvicorn. */
  ProbePython uvicorn(String module) throws IOException, InterruptedException, URISyntaxException {
    return uvicorn(module, ProbePython.source(module));
  }

  /** {@code source} as module {@code module}, served by uvicorn. */
  ProbePython uvicorn(String module, String source) throws IOException, InterruptedException {
    return started(ProbePython.uvicorn(dir, module, source));
  }

  /** probe/{@code module}.py from the test resources, run as a script. */
  ProbePython script(String module) throws IOException, InterruptedException, URISyntaxException {
    return script(module, ProbePython.source(module));
  }

  /** {@code source} as {@code module}.py, run as a script. */
  ProbePython script(String module, String source) throws IOException, InterruptedException {
    return started(ProbePython.script(dir, module, source));
  }

  private ProbePython started(ProbePython server) {
    started.add(server);
    return server;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (ProbePython server : started) {
      server.close();
    }
    started.clear();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(PythonServers::delete);
      }
      dir = null;
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

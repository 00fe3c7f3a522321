package dev.shellcamp.repl;

import dev.shellcamp.guard.ShellVars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line of danger-corpus.txt, judged in a workspace with real links pointing outside it. */
class DangerGuardCorpusTest {
  @TempDir static Path root;
  static Path ws;

  @BeforeAll
  static void workspace() throws IOException {
    ws = Files.createDirectories(root.resolve("ws"));
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "keep\n");
    Files.createDirectories(ws.resolve("build"));
    Files.createDirectories(ws.resolve("sub"));
    Files.writeString(ws.resolve("file.txt"), "hello\n");
    Files.createSymbolicLink(ws.resolve("lnk"), outside);
    Files.createSymbolicLink(ws.resolve("rel"), Path.of("../outside"));
    Files.createSymbolicLink(ws.resolve("inlnk"), Path.of("build"));
  }

  static Stream<Arguments> corpus() throws IOException {
    try (InputStream in = DangerGuardCorpusTest.class.getResourceAsStream("/danger-corpus.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith("ASK|") || l.startsWith("OK|"))
          .map(l -> Arguments.of(l.startsWith("ASK|"), l.substring(l.indexOf('|') + 1).replace('⏎', '\n')))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("corpus")
  void asksExactlyWhenSomethingOutsideTheWorkspaceWouldBeDamaged(boolean ask, String line) {
    assertEquals(ask, asks(line), (ask ? "should ask: " : "should not ask: ") + line);
  }

  private static boolean asks(String line) {
    ShellVars shell = ShellVars.of(Map.of("HOME", ws.toString(), "TARGET_IN", ws.resolve("build").toString(),
        "TARGET_OUT", "/srv/standin", "ZAP", "rm", "RUN", "rm -rf /srv/standin"));
    return DangerGuard.judge(line, ws, ws, shell).isPresent();
  }
}

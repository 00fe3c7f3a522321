package dev.shellcamp.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run: {script: FILE} and fail_key messages as the loader reads and lints them. */
class RunScriptsTest {
  @TempDir Path root;

  private static final String YAML = """
      format: 1
      id: demo/scripts
      requires: [bash]
      vars:
        PORT: {pick: [8123]}
      steps:
        - id: ready
          check:
            - run: {script: checks/ready.sh}
          solve: echo hi
      """;
  private static final String EN = """
      # Scripts

      ## ready

      Start it.

      ## messages
      - no-server: nothing answers on port {0}; start it with `serve --port ${PORT} &`
      """;
  private static final String KO = """
      # 스크립트

      ## ready

      시작하세요.

      ## messages
      - no-server: {0}번 포트에서 아무것도 응답하지 않아요
      """;

  private Path lesson(String yaml, String en, String ko, String script) throws Exception {
    Path dir = root.resolve("demo/01-scripts");
    Files.createDirectories(dir.resolve("checks"));
    Files.writeString(dir.resolve("lesson.yaml"), yaml);
    Files.writeString(dir.resolve("en.md"), en);
    Files.writeString(dir.resolve("ko.md"), ko);
    if (script != null) {
      Files.writeString(dir.resolve("checks/ready.sh"), script);
    }
    return dir;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theScriptIsReadWithVarsFilledAndTheMessagesTravelWithTheCheck() throws Exception {
    LessonLoader.Loaded l = LessonLoader.load(lesson(YAML, EN, KO, "curl -sf localhost:${PORT} || fail_key no-server ${PORT}\n"), 1);
    assertNotNull(l.lesson(), l.problems().toString());
    CheckSpec run = l.lesson().steps().get(0).checks().get(0);
    assertEquals("curl -sf localhost:8123 || fail_key no-server 8123\n", run.string("value"));
    Map<String, Map<String, String>> msgs = (Map<String, Map<String, String>>) run.args().get("messages");
    assertEquals("nothing answers on port {0}; start it with `serve --port 8123 &`", msgs.get("en").get("no-server"));
    assertEquals("{0}번 포트에서 아무것도 응답하지 않아요", msgs.get("ko").get("no-server"));
    assertTrue(l.lesson().text("en").steps().keySet().equals(java.util.Set.of("ready")), "messages is no step");
  }

  @Test
  void aMissingScriptAnUndefinedKeyAndKeysOnlyOneLanguageHasAreEachNamed() throws Exception {
    List<String> got = problems(lesson(YAML, EN, KO, null));
    assertEquals(List.of("lesson.yaml:9: run script 'checks/ready.sh' does not exist in the lesson folder"), got);

    got = problems(lesson(YAML, EN, KO, "fail_key no-port\n"));
    assertTrue(got.contains("lesson.yaml:9: fail_key 'no-port' has no '- no-port: text' under '## messages' in en.md"), got.toString());
    assertTrue(got.contains("lesson.yaml:9: fail_key 'no-port' has no '- no-port: text' under '## messages' in ko.md"), got.toString());
    assertTrue(got.contains("en.md:8: message 'no-server' is not used by any run check's fail_key"), got.toString());

    got = problems(lesson(YAML, EN, KO.replace("- no-server:", "- no-srv:"), "fail_key no-server\n"));
    assertTrue(got.contains("ko.md:1: message 'no-server' of en.md is missing under '## messages' here"), got.toString());
    assertTrue(got.contains("ko.md:8: message 'no-srv' is not in en.md"), got.toString());

    got = problems(lesson(YAML.replace("checks/ready.sh", "../ready.sh"), EN, KO, "true\n"));
    assertTrue(got.get(0).startsWith("lesson.yaml:9: 'run.script' must be a file in the lesson folder"), got.toString());

    got = problems(lesson(YAML, EN + "oops\n", KO, "fail_key no-server\n"));
    assertEquals(List.of("en.md:9: only '- key: text' items go under '## messages' (a key is lower-case words joined by '-')"), got);
  }

  private static List<String> problems(Path dir) {
    LessonLoader.Loaded l = LessonLoader.load(dir, 1);
    assertNull(l.lesson());
    return l.problems().stream().map(p -> p.file().getFileName() + ":" + p.line() + ": " + p.message()).toList();
  }
}

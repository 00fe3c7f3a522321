package dev.shellcamp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.CheatKind;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.lesson.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated cheats: which kinds a step gets, and that bash reproduces the faked effects byte for byte. */
class CheatMakerTest {
  @TempDir Path ws;

  private static final String AWKWARD = "it's 100% \"done\"\\n\tnot a newline\n$HOME `x`\n";

  private static Step step(String solve, CheckSpec... checks) {
    return new Step("s", 1, null, List.of(checks), solve, List.of(), List.of(), null, List.of(), List.of(), List.of());
  }

  private static CheckSpec spec(String type, Map<String, Object> args) {
    return new CheckSpec(type, args, 1);
  }

  private String bash(String input) throws Exception {
    Process p = new ProcessBuilder("/bin/bash", "-c", input).directory(ws.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void aQuizGetsNoneAndEachCheckTypeGetsItsKinds() {
    assertTrue(CheatMaker.make(step(":answer 2", spec("quiz", Map.of("answer", "2"))),
        new Reference("", 0, Map.of(), Set.of())).isEmpty());
    Step s = step("cat a | sort", spec("output", Map.of("regex", "x")), spec("typed", Map.of("regex", "sort")));
    var kinds = CheatMaker.byKind(CheatMaker.make(s, new Reference("x\n", 0, Map.of(), Set.of()))).keySet();
    assertEquals(Set.of(CheatKind.REPLAY_OUTPUT, CheatKind.CAT_ANSWER, CheatKind.TYPED_COMMENT), kinds,
        "a regex names no literal text to echo, and there is no file to fake");
  }

  @Test
  void replayedOutputAndWrittenFilesAreExactlyWhatTheSolutionMade() throws Exception {
    Step s = step("make-it\nand more", spec("output", Map.of("equals", "hello")),
        spec("file", Map.of("path", "out/r.txt", "contains", "done")),
        spec("file", Map.of("path", "run.sh", "executable", "true")),
        spec("typed", Map.of("regex", "make-it")));
    Reference ref = new Reference(AWKWARD, 3, Map.of("out/r.txt", AWKWARD, "run.sh", "#!/bin/sh\n"), Set.of());
    Map<CheatKind, String> c = CheatMaker.byKind(CheatMaker.make(s, ref));
    assertEquals(Set.of(CheatKind.values()), c.keySet());

    assertEquals("hello\n", bash(c.get(CheatKind.ECHO_OUTPUT)));
    Process p = new ProcessBuilder("/bin/bash", "-c", c.get(CheatKind.REPLAY_OUTPUT)).directory(ws.toFile()).start();
    assertEquals(AWKWARD, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertEquals(3, p.waitFor(), "the solution's exit status is replayed too");
    assertEquals(AWKWARD, bash(c.get(CheatKind.CAT_ANSWER)));

    bash(c.get(CheatKind.WRITE_FILES));
    assertEquals(AWKWARD, Files.readString(ws.resolve("out/r.txt")));
    assertEquals("#!/bin/sh\n", Files.readString(ws.resolve("run.sh")));

    bash(c.get(CheatKind.CHMOD_777));
    assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.resolve("run.sh"))));

    Files.delete(ws.resolve("out/r.txt"));
    bash(c.get(CheatKind.TOUCH_FILES));
    assertEquals(0, Files.size(ws.resolve("out/r.txt")));

    String typed = c.get(CheatKind.TYPED_COMMENT);
    assertTrue(typed.startsWith("# make-it\n# and more\n"), typed);
    assertFalse(typed.lines().filter(l -> !l.startsWith("#")).anyMatch(l -> l.contains("make-it")),
        "the solution appears only as comments: " + typed);
  }

  @Test
  void filesTheStepFindsAreOnlyChmoddedNotRewritten() {
    Step s = step("chmod +x run.sh", spec("file", Map.of("path", "~/run.sh", "mode", "755")));
    Reference ref = new Reference("", 0, Map.of(), Set.of("run.sh"));
    assertEquals("chmod 777 'run.sh'", CheatMaker.byKind(CheatMaker.make(s, ref)).get(CheatKind.CHMOD_777));
  }
}

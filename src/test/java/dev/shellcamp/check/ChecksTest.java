package dev.shellcamp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.CheckSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksTest {
  @TempDir Path ws;

  private static CheckSpec spec(String type, Object... kv) {
    return FakeContext.spec(type, kv);
  }

  private Result eval(CheckSpec s, FakeContext c) {
    return Checks.evaluate(s, c);
  }

  @Test
  void outputLinesInOrderPassAndTheDiffNamesTheFirstDifference() {
    FakeContext c = new FakeContext(ws).ran("sort f", "apple\nbanana\ncherry\n", 0);
    assertTrue(eval(spec("output", "lines", List.of("apple", "banana", "cherry")), c).passed());
    Result r = eval(spec("output", "lines", List.of("apple", "cherry", "banana")), c);
    assertFalse(r.passed());
    assertTrue(r.reason().contains("line 2:") && r.reason().contains("- \"cherry\"") && r.reason().contains("+ \"banana\""), r.reason());
  }

  @Test
  void outputLinesIgnoreTrailingSpacesOfTheTerminal() {
    FakeContext c = new FakeContext(ws).ran("x", "apple   \nbanana\n", 0);
    assertTrue(eval(spec("output", "lines", List.of("apple", "banana")), c).passed());
  }

  @Test
  void unorderedLinesAcceptAnyOrder() {
    FakeContext c = new FakeContext(ws).ran("x", "b\na\nc\n", 0);
    assertTrue(eval(spec("output", "lines", List.of("a", "b", "c"), "order", "false"), c).passed());
    assertFalse(eval(spec("output", "lines", List.of("a", "b"), "order", "false"), c).passed());
  }

  @Test
  void ignoreNonMatchingDropsOtherLinesFirst() {
    FakeContext c = new FakeContext(ws).ran("x", "total 3\nvim.txt\nnotes\nvivid.png\n", 0);
    CheckSpec s = spec("output", "lines", List.of("vim.txt", "vivid.png"), "ignore_non_matching", "true");
    assertTrue(eval(s, c).passed());
  }

  @Test
  void reSubRewritesEachOutputLineBeforeComparing() {
    FakeContext c = new FakeContext(ws).ran("find", "./a/old.log\n./b/cache.log\n", 0);
    CheckSpec s = spec("output", "lines", List.of("old.log", "cache.log"), "re_sub", List.of("^.*/", ""));
    assertTrue(eval(s, c).passed());
  }

  @Test
  void regexLinesMatchWholeLines() {
    FakeContext c = new FakeContext(ws).ran("x", "PID 123\nPID 456\n", 0);
    assertTrue(eval(spec("output", "lines", List.of("PID \\d+", "PID \\d+"), "regex", "true"), c).passed());
    assertFalse(eval(spec("output", "lines", List.of("PID", "PID"), "regex", "true"), c).passed());
  }

  @Test
  void containsAndRegexShowWhatWasFound() {
    FakeContext c = new FakeContext(ws).ran("x", "hello world\n", 0);
    assertTrue(eval(spec("output", "contains", "world"), c).passed());
    Result r = eval(spec("output", "contains", "planet"), c);
    assertTrue(r.reason().contains("planet") && r.reason().contains("hello world"), r.reason());
    assertTrue(eval(spec("output", "regex", "^hello"), c).passed());
  }

  @Test
  void equalsCallsOutWhitespaceOnlyDifferences() {
    FakeContext c = new FakeContext(ws).ran("x", "a  b\n", 0);
    Result r = eval(spec("output", "equals", "a b"), c);
    assertFalse(r.passed());
    assertTrue(r.reason().contains("spacing inside the line"), r.reason());
  }

  @Test
  void noCommandYetFailsWithAClearReason() {
    Result r = eval(spec("output", "contains", "x"), new FakeContext(ws));
    assertTrue(r.reason().contains("no command"), r.reason());
  }

  @Test
  void exitComparesStatus() {
    FakeContext c = new FakeContext(ws).ran("false", "", 1);
    assertFalse(eval(spec("exit", "value", "0"), c).passed());
    assertTrue(eval(spec("exit", "value", "1"), c).passed());
  }

  @Test
  void typedLastOrAnyLine() {
    FakeContext c = new FakeContext(ws).ran("cat f | sort | uniq", "", 0).ran("ls", "", 0);
    assertFalse(eval(spec("typed", "regex", "\\|\\s*uniq"), c).passed());
    assertTrue(eval(spec("typed", "regex", "\\|\\s*uniq", "any", "true"), c).passed());
  }

  @Test
  void typedRegexSeesEveryLineOfAMultiLineInput() {
    FakeContext c = new FakeContext(ws).ran("clear\nhistory", "", 0);
    assertTrue(eval(spec("typed", "regex", "^history\\b"), c).passed());
  }

  @Test
  void typedIgnoresCommentsButNotQuotedHashesOrHeredocBodies() {
    Result r = eval(spec("typed", "regex", "\\bcurl\\b"), new FakeContext(ws).ran("printf '{}' # curl localhost:8000", "", 0));
    assertFalse(r.passed(), "a commented-out curl ran nothing");
    assertTrue(eval(spec("typed", "regex", "\\bcurl\\b"), new FakeContext(ws).ran("# curl a\ncurl b", "", 0)).passed());
    assertTrue(eval(spec("typed", "regex", "#x"), new FakeContext(ws).ran("echo '#x'", "", 0)).passed());
    assertTrue(eval(spec("typed", "regex", "\\$#"), new FakeContext(ws).ran("echo $# ${#a} a#b", "", 0)).passed());
    assertTrue(eval(spec("typed", "regex", "^#!/bin/bash"), new FakeContext(ws).ran("cat > s.sh <<'EOF'\n#!/bin/bash\nEOF", "", 0)).passed());
    assertFalse(eval(spec("typed", "regex", "uniq"), new FakeContext(ws).ran("sort f  #| uniq", "", 0)).passed());
  }

  @Test
  void fileMissingModeAndExecutable() throws Exception {
    FakeContext c = new FakeContext(ws);
    Result r = eval(spec("file", "path", "out/x.txt", "exists", "true"), c);
    assertTrue(r.reason().contains("out/x.txt") && r.reason().contains("no folder out"), r.reason());
    Path f = ws.resolve("s.sh");
    Files.writeString(f, "#!/bin/bash\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    r = eval(spec("file", "path", "s.sh", "mode", "755"), c);
    assertTrue(r.reason().contains("755") && r.reason().contains("644"), r.reason());
    assertFalse(eval(spec("file", "path", "s.sh", "executable", "true"), c).passed());
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertTrue(eval(spec("file", "path", "s.sh", "mode", "0755", "executable", "true"), c).passed());
  }

  @Test
  void fileLinesCallOutCrlf() throws Exception {
    Files.writeString(ws.resolve("a.txt"), "one\r\ntwo\r\n");
    Result r = eval(spec("file", "path", "a.txt", "lines", List.of("one", "two")), new FakeContext(ws));
    assertFalse(r.passed());
    assertTrue(r.reason().contains("CRLF"), r.reason());
  }

  @Test
  void fileUnchangedComparesWithTheSnapshot() throws Exception {
    Files.writeString(ws.resolve("d.txt"), "data");
    FakeContext c = new FakeContext(ws);
    c.snapshot("d.txt", "data".getBytes());
    assertTrue(eval(spec("file", "path", "d.txt", "unchanged", "true"), c).passed());
    Files.writeString(ws.resolve("d.txt"), "");
    assertTrue(eval(spec("file", "path", "d.txt", "unchanged", "true"), c).reason().contains("modified"));
    Files.delete(ws.resolve("d.txt"));
    assertTrue(eval(spec("file", "path", "d.txt", "unchanged", "true"), c).reason().contains("deleted"));
  }

  @Test
  void fileAbsentAndRegex() throws Exception {
    Files.writeString(ws.resolve("r.sh"), "\n#!/bin/bash\n");
    FakeContext c = new FakeContext(ws);
    assertFalse(eval(spec("file", "path", "r.sh", "absent", "true"), c).passed());
    assertTrue(eval(spec("file", "path", "gone", "absent", "true"), c).passed());
    assertFalse(eval(spec("file", "path", "r.sh", "regex", "\\A#!"), c).passed());
    assertTrue(eval(spec("file", "path", "r.sh", "regex", "^#!"), c).passed());
  }

  @Test
  void runPassesOnZeroAndReportsItsFailLine() {
    FakeContext c = new FakeContext(ws);
    assertTrue(eval(spec("run", "value", "test \"$HOME\" = \"" + ws + "\""), c).passed());
    Result r = eval(spec("run", "value", "echo noise; echo 'FAIL: pid.txt holds 12, expected 34'; exit 1"), c);
    assertTrue(r.reason().equals("pid.txt holds 12, expected 34"), r.reason());
    r = eval(spec("run", "value", "echo oops >&2; exit 3"), c);
    assertTrue(r.reason().equals("oops"), r.reason());
  }

  @Test
  void runScriptsCanFailInTheLearnersLanguage() {
    FakeContext en = new FakeContext(ws);
    assertTrue(eval(spec("run", "value", "fail 'no pid.txt' 'pid.txt 파일이 없어요'"), en).reason().equals("no pid.txt"));
    FakeContext ko = new FakeContext(ws) {
      @Override
      public dev.shellcamp.ui.Messages messages() {
        return dev.shellcamp.ui.Messages.of("ko");
      }
    };
    assertTrue(eval(spec("run", "value", "fail 'no pid.txt' 'pid.txt 파일이 없어요'"), ko).reason().equals("pid.txt 파일이 없어요"));
    assertTrue(eval(spec("run", "value", "fail 'only english'"), ko).reason().equals("only english"));
  }

  @Test
  void runScriptsSayWhyThroughTheLessonsMessageKeys() {
    Map<String, Map<String, String>> msgs = Map.of(
        "en", Map.of("no-server", "nothing answers on port {0} ({1})"),
        "ko", Map.of("no-server", "{0}번 포트에서 응답이 없어요 ({1})"));
    CheckSpec s = spec("run", "value", "fail_key no-server 8123 'two words'", "messages", msgs);
    assertEquals("nothing answers on port 8123 (two words)", eval(s, new FakeContext(ws)).reason());
    FakeContext ko = new FakeContext(ws) {
      @Override
      public dev.shellcamp.ui.Messages messages() {
        return dev.shellcamp.ui.Messages.of("ko");
      }
    };
    assertEquals("8123번 포트에서 응답이 없어요 (two words)", eval(s, ko).reason());
    Result r = eval(spec("run", "value", "fail_key nope", "messages", msgs), new FakeContext(ws));
    assertTrue(r.reason().contains("\"nope\"") && r.reason().contains("does not define"), r.reason());
  }

  @Test
  void quizNormalisesAnswersAndNeverRevealsTheRightOne() {
    FakeContext c = new FakeContext(ws);
    CheckSpec s = spec("quiz", "answer", List.of("2", "stderr"), "choices", "3");
    assertTrue(eval(s, c).reason().contains(":answer"));
    c.answer(" 2) ");
    assertTrue(eval(s, c).passed());
    c.answer("STDERR");
    assertTrue(eval(s, c).passed());
    c.answer("1");
    Result r = eval(s, c);
    assertFalse(r.passed());
    assertFalse(r.reason().contains("2"), r.reason());
    c.answer("9");
    assertTrue(eval(s, c).reason().contains("1 to 3"));
  }

  @Test
  void envNamesWhatWasFound() {
    FakeContext c = new FakeContext(ws);
    c.vars.put("GREETING", new Context.Variable(true, "", "hi"));
    Result r = eval(spec("env", "name", "GREETING", "equals", "hi", "exported", "true"), c);
    assertTrue(r.reason().contains("not exported"), r.reason());
    c.vars.put("GREETING", new Context.Variable(true, "x", "hello"));
    r = eval(spec("env", "name", "GREETING", "equals", "hi"), c);
    assertTrue(r.reason().contains("GREETING=\"hello\""), r.reason());
    assertTrue(eval(spec("env", "name", "NOPE", "set", "false"), c).passed());
  }

  @Test
  void cwdShowsPathsRelativeToTheLessonHome() throws Exception {
    Files.createDirectories(ws.resolve("camp/lake"));
    FakeContext c = new FakeContext(ws);
    Result r = eval(spec("cwd", "path", "camp/lake"), c);
    assertTrue(r.reason().contains("~/camp/lake") && r.reason().contains("is in ~"), r.reason());
    c.cwd = ws.resolve("camp/lake").toString();
    assertTrue(eval(spec("cwd", "path", "camp/lake"), c).passed());
  }

  @Test
  void labRunsTheProbeSuiteAgainstARealServer() throws Exception {
    try (dev.shellcamp.lab.server.LabServer server = dev.shellcamp.lab.server.LabServer.start(
        new dev.shellcamp.lab.server.LabServer.Options("127.0.0.1", 0, null, "test"))) {
      Result r = eval(spec("lab", "url", server.url(), "seconds", "1"), new FakeContext(ws));
      assertTrue(r.passed(), r.reason());
      r = eval(spec("lab", "url", server.url(), "model", "nosuch"), new FakeContext(ws));
      assertFalse(r.passed());
    }
    Result down = eval(spec("lab", "url", "http://127.0.0.1:9"), new FakeContext(ws));
    assertTrue(down.reason().startsWith("no server answers at http://127.0.0.1:9"), down.reason());
  }
}

package dev.shellcamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path data;

  @Test
  void pipedLabRunsWithoutEscapeCodesAndExitsZero() throws Exception {
    Cli.Run r = Cli.run(data, "echo hi\n:answer 2\nls | grep vi\n:quit\n", "start", "linux/streams");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("\u001b"), "no escape codes:\n" + r.out());
    assertFalse(r.out().contains("\r"), "no carriage returns");
    assertTrue(r.out().contains("❯ echo hi\nhi\n"), r.out());
    assertTrue(r.out().contains("Step passed: three-streams"), r.out());
    assertTrue(r.out().contains("Progress saved"), r.out());
  }

  @Test
  void pipedCommandsThatWaitForTheKeyboardAreStoppedWithAReasonAndTheNextLineRuns() throws Exception {
    long t0 = System.nanoTime();
    Cli.Run r = Cli.run(data, "cat\nseq 5000 > big.txt\nmore big.txt\npython3 -c 'input()'\necho next-$((6*7))\n:quit\n",
        "start", "linux/streams");
    assertEquals(0, r.code(), r.err());
    for (String waiter : new String[] {"cat was waiting", "more was waiting", "python3 was waiting"}) {
      assertTrue(r.out().contains(waiter + " for keys from the terminal"), r.out());
    }
    assertTrue(r.out().contains("next-42"), r.out());
    assertTrue(System.nanoTime() - t0 < 60_000_000_000L, "well inside the 2-minute limit per command");
  }

  @Test
  void endOfInputLeavesWithProgressSaved() throws Exception {
    Cli.Run r = Cli.run(data, ":answer 2\n", "start", "linux/streams");
    assertEquals(0, r.code());
    String progress = Files.readString(data.resolve("shellcamp/progress.json"));
    assertTrue(progress.contains("three-streams"), progress);
    Cli.Run csv = Cli.run(data, "", "progress", "--csv");
    assertTrue(csv.out().startsWith("course,id,title,steps,done,current_step,completed,skipped,hints\n"), csv.out());
    assertTrue(csv.out().contains("linux,linux/streams,\"Streams, redirection and pipes\",9,1,2,false,0,0"), csv.out());
    Cli.Run json = Cli.run(data, "", "progress", "--json");
    assertTrue(json.out().contains("\"id\": \"linux/streams\"") && json.out().contains("\"done\": 1"), json.out());
  }

  @Test
  void unknownLessonIsAUsageError() throws Exception {
    Cli.Run r = Cli.run(data, "", "start", "linux/nope");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("There is no lesson \"linux/nope\""), r.err());
  }

  @Test
  void corruptProgressIsMovedAsideWithAMessage() throws Exception {
    Files.createDirectories(data.resolve("shellcamp"));
    Files.writeString(data.resolve("shellcamp/progress.json"), "{not json at all");
    Cli.Run r = Cli.run(data, "", "progress");
    assertEquals(0, r.code());
    assertTrue(r.err().contains("could not be read") && r.err().contains("progress.json.corrupt-"), r.err());
    try (var files = Files.list(data.resolve("shellcamp"))) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("progress.json.corrupt-")));
    }
  }

  @Test
  void resetForgetsALessonAndItsWorkspace() throws Exception {
    Cli.run(data, "touch mine.txt\n:quit\n", "start", "linux/files");
    assertTrue(Files.exists(data.resolve("shellcamp/work/linux/files/mine.txt")));
    Cli.Run r = Cli.run(data, "", "reset", "linux/files");
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(data.resolve("shellcamp/work/linux/files")));
    assertFalse(Files.readString(data.resolve("shellcamp/progress.json")).contains("linux/files"));
    assertEquals(0, Cli.run(data, "", "reset", "--all").code());
    assertEquals(2, Cli.run(data, "", "reset").code());
  }

  @Test
  void listJsonNamesEveryLinuxLesson() throws Exception {
    Cli.Run r = Cli.run(data, "", "list", "--json");
    assertEquals(0, r.code());
    for (String id : new String[] {"shell-basics", "files", "streams", "environment", "scripts", "server"}) {
      assertTrue(r.out().contains("\"id\": \"linux/" + id + "\""), id);
    }
  }

  @Test
  void lintReportsFileLineMessagesAndExitsOne() throws Exception {
    Path bad = data.resolve("lessons/demo/01-bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("lesson.yaml"), "format: 1\nid: demo/bad\nsteps:\n  - id: one\n    check:\n      - output: {contains: x}\n    solve: echo x\n    typo: 1\n");
    Files.writeString(bad.resolve("en.md"), "# Bad\n\n## one\n\ntext\n");
    Files.writeString(bad.resolve("ko.md"), "# 나쁨\n");
    Cli.Run r = Cli.run(data, "", "lint", data.resolve("lessons/demo").toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("lesson.yaml:8: unknown key 'typo' in step"), r.out());
    assertTrue(r.out().contains("ko.md:1: no '## one' section"), r.out());
    assertEquals(0, Cli.run(data, "", "lint", System.getProperty("shellcamp.lessons")).code());
  }

  @Test
  void completionDoctorHelpAndVersion() throws Exception {
    Cli.Run c = Cli.run(data, "", "completion", "bash");
    assertEquals(0, c.code());
    assertTrue(c.out().contains("complete -F") && c.out().contains("verify"), c.out());
    Cli.Run d = Cli.run(data, "", "doctor");
    assertEquals(0, d.code(), d.out());
    assertTrue(d.out().contains("bash") && d.out().contains("pty") && d.out().contains("docker")
        && d.out().contains("python3-venv") && d.out().contains("gpu") && d.out().contains("network"), d.out());
    assertTrue(Cli.run(data, "", "--help").out().contains("verify"));
    assertTrue(Cli.run(data, "", "--version").out().contains("shellcamp"));
    assertEquals(2, Cli.run(data, "", "--bogus").code());
  }

  @Test
  void verifyTheRealLessonsAsJsonLines() throws Exception {
    // the CLI's JSON lines; every lesson is verified once, by LessonsVerifyTest
    Cli.Run r = Cli.run(data, "", "verify", "--json", System.getProperty("shellcamp.lessons") + "/linux");
    assertEquals(0, r.code(), r.out());
    String[] lines = r.out().strip().split("\n");
    assertTrue(lines.length >= 30, r.out());
    for (String line : lines) {
      assertTrue(line.startsWith("{\"lesson\":") && line.contains("\"unsolved_fails\":true")
          && line.contains("\"cheats_fail\":true") && line.contains("\"solution_passes\":true")
          && line.contains("\"passed\":true"), line);
    }
  }

  @Test
  void verifyFailsALessonWhoseCheatPassesAndSaysWhy() throws Exception {
    Cli.Run r = verifyDemo("01-weak", String.join("\n", "format: 1", "id: demo/weak", "steps:",
        "  - id: greet", "    check:", "      - output: {contains: hello}", "    solve: echo hello",
        "    cheats: [\"printf 'hello\\\\n'\"]", "  - id: second", "    check:", "      - file: {path: ., exists: true}",
        "    solve: 'true'", ""),
        "# Weak\n\n## greet\n\nSay hello.\n\n## second\n\nAnything.\n",
        "# 약함\n\n## greet\n\n인사하세요.\n\n## second\n\n아무거나.\n", 1);
    assertTrue(r.out().contains("✗ demo/weak greet: cheat passes: printf"), r.out());
    assertTrue(r.out().contains("✗ demo/weak second: passes before anything was typed"), r.out());
    assertTrue(r.out().contains("generated cheat passes (echo-output): printf '%s\\n' 'hello'"), r.out());
    // greet: echo-output, replay-output, cat-answer; second: touch-files (of ".")
    assertTrue(r.out().strip().endsWith("0 passed, 2 failed; generated cheats: 4 ran, 4 passed"), r.out());
  }

  @Test
  void verifyFailsAnAcceptanceWhoseCheatNoLongerPasses() throws Exception {
    Cli.Run r = verifyDemo("01-stale", String.join("\n", "format: 1", "id: demo/stale", "steps:",
        "  - id: greet", "    check:", "      - output: {contains: hello}", "      - typed: {regex: '\\becho\\b'}",
        "    solve: echo hello", "    cheats: [echo bye]", "    cheats_accepted:",
        "      - {kind: echo-output, why: once printing was the task}", ""),
        "# Stale\n\n## greet\n\nSay hello with echo.\n",
        "# 묵은\n\n## greet\n\necho로 인사하세요.\n", 1);
    assertTrue(r.out().contains("✗ demo/stale greet: accepted cheat 'echo-output' fails now: remove it from cheats_accepted"),
        r.out());
  }

  @Test
  void verifyLetsALessonAcceptAGeneratedCheatWithAReason() throws Exception {
    Cli.Run r = verifyDemo("01-note", String.join("\n", "format: 1", "id: demo/note", "steps:",
        "  - id: write", "    check:", "      - file: {path: note.txt, contains: hi}", "    solve: echo hi > note.txt",
        "    cheats: [touch note.txt]", "    cheats_accepted:",
        "      - {kind: write-files, why: writing the note is the task}", ""),
        "# Note\n\n## write\n\nWrite hi into note.txt.\n",
        "# 메모\n\n## write\n\nnote.txt에 hi를 쓰세요.\n", 0);
    // touch-files makes an empty note.txt and fails; write-files passes, as accepted
    assertTrue(r.out().contains("  demo/note: generated cheats: 2 ran, 0 passed, 1 accepted"), r.out());
    assertTrue(r.out().strip().endsWith("1 passed, 0 failed; generated cheats: 2 ran, 0 passed, 1 accepted"), r.out());
  }

  /** `verify` of a lesson folder under lessons/demo/ with these three files, which must exit with {@code code}. */
  private Cli.Run verifyDemo(String folder, String yaml, String en, String ko, int code)
      throws IOException, InterruptedException {
    Path dir = data.resolve("lessons/demo/" + folder);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("lesson.yaml"), yaml);
    Files.writeString(dir.resolve("en.md"), en);
    Files.writeString(dir.resolve("ko.md"), ko);
    Cli.Run r = Cli.run(data, "", "verify", dir.toString());
    assertEquals(code, r.code(), r.out());
    return r;
  }
}

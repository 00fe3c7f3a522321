package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutor driven through a real PTY: typing lines, Ctrl-C, vi, quitting and resuming. */
class ReplPtyTest {
  private static final Duration T = Duration.ofSeconds(20);
  @TempDir Path data;

  @Test
  void theDangerGuardJudgesWithTheShellsOwnVariablesAndSaysWhatWouldRun() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.awaitPrompt("1/9 ❯", T);
      r.line("d=/srv/standin-guard");
      r.awaitPrompt("1/9 ❯", T);
      r.line("rm -rf $d");
      r.await("rm -rf would delete /srv/standin-guard (from $d).", T);
      r.await("Run it anyway? [y/N]", T);
      r.line("n");
      r.await("Not run.", T);
      r.awaitPrompt("1/9 ❯", T);

      // the same words, where the shell's d is inside the lesson folder: nothing to ask
      r.line("d=build; mkdir -p $d");
      r.awaitPrompt("1/9 ❯", T);
      r.line("rm -rf $d; echo gone-$d");
      String out = r.awaitPrompt("1/9 ❯", T);
      assertTrue(out.contains("gone-build") && !out.contains("would delete"), out);
      r.line(":quit");
      r.await("Progress saved", T);
      assertEquals(0, r.waitExit(T));
    }
  }

  @Test
  void aLearnerWorksThroughStepsInterruptsAndResumes() throws Exception {
    Path ws = data.resolve("shellcamp/work/linux/streams");
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.awaitPrompt("1/9 ❯", T);
      r.line(":answer 7");
      r.await("is not right", T);
      r.line(":answer 2");
      r.await("Step passed: three-streams", T);
      r.awaitPrompt("2/9 ❯", T);

      r.line("echo eggs >> shopping.txt");
      r.awaitPrompt("2/9 ❯", T);
      r.line(":check");
      String why = r.awaitPrompt("2/9 ❯", T);
      assertTrue(why.contains("expected 1 lines, found 3"), why);

      long t0 = System.nanoTime();
      r.line("sleep 30");
      Thread.sleep(500);
      r.type("\u0003");
      r.awaitPrompt("2/9 ❯", T);
      assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "Ctrl-C ended sleep quickly");
      r.line("echo alive-$((6*7))");
      assertTrue(r.awaitPrompt("2/9 ❯", T).contains("alive-42"));

      r.type("\u0003");
      r.await("Ctrl-C cancels the line", T);

      r.line("vi typed.txt");
      Thread.sleep(1500);
      r.type("ihello from vi\u001b");
      Thread.sleep(300);
      r.type(":wq\r");
      r.awaitPrompt("2/9 ❯", T);
      assertEquals("hello from vi\n", Files.readString(ws.resolve("typed.txt")));

      r.line("cd downloads; export MARK=kept");
      r.awaitPrompt("2/9 ❯", T);
      r.line("pwd; echo $MARK");
      String out = r.awaitPrompt("2/9 ❯", T);
      assertTrue(out.contains(ws.resolve("downloads").toString() + "\nkept"), out);

      r.line(":quit");
      r.await("Progress saved", T);
      assertEquals(0, r.waitExit(T));
    }
    String saved = Files.readString(data.resolve("shellcamp/progress.json"));
    assertTrue(saved.contains("\"linux/streams\""), saved);
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.await("resuming at step 2/9", T);
      r.awaitPrompt("2/9 ❯", T);
      r.line("cat typed.txt");
      assertTrue(r.awaitPrompt("2/9 ❯", T).contains("hello from vi"));
      r.type("\u0004");
      r.await("Progress saved", T);
      assertEquals(0, r.waitExit(T));
    }
  }

  @Test
  void destructiveCommandsAskFirstAndDeclinedMeansNothingRan() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/shell-basics")) {
      r.awaitPrompt("1/10 ❯", T);
      r.line("touch keep.txt");
      r.awaitPrompt("1/10 ❯", T);
      r.line("rm -rf ~");
      r.await("Run it anyway? [y/N]", T);
      r.line("n");
      r.await("Not run.", T);
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    assertTrue(Files.exists(data.resolve("shellcamp/work/linux/shell-basics/keep.txt")));
  }

  @Test
  void menuHelpAndLanguageSwitch() throws Exception {
    try (ReplDriver r = new ReplDriver(data)) {
      r.awaitPrompt("shellcamp ❯", T);
      r.line(":help");
      String help = r.awaitPrompt("shellcamp ❯", T);
      for (String c : new String[] {":hint", ":solution", ":skip", ":reset", ":lang", ":quit"}) {
        assertTrue(help.contains(c), c + " in " + help);
      }
      r.line(":lang ko");
      r.await("언어: 한국어", T);
      r.line("99");
      r.await("레슨은 없어요", T);
      r.line("1");  // the catalog's first lesson: swe/lifecycle, 5 steps
      r.awaitPrompt("swe/lifecycle 1/5 ❯", T);
      r.line(":hint");
      r.await("힌트 1/", T);
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    assertTrue(Files.readString(data.resolve("shellcamp/progress.json")).contains("\"lang\": \"ko\""));
  }

  @Test
  void lessonProcessesDoNotOutliveTheTutor() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/shell-basics")) {
      r.awaitPrompt("1/10 ❯", T);
      r.line("sleep 4242 & nohup sleep 4243 >/dev/null 2>&1 & setsid sleep 4244 &");
      r.awaitPrompt("1/10 ❯", T);
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    Thread.sleep(200);
    assertFalse(ps().matches("(?s).*sleep 424[234].*"), ps());
  }

  @Test
  void theShellcampCommandIsOnTheLessonsPath() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/shell-basics")) {
      r.awaitPrompt("1/10 ❯", T);
      r.line("shellcamp --version");
      assertTrue(r.awaitPrompt("1/10 ❯", Duration.ofSeconds(30)).contains("shellcamp 0.1.0"));
      r.line(":quit");
      r.waitExit(T);
    }
  }

  @Test
  void sigtermEndsDetachedLessonProcessesToo() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/shell-basics")) {
      r.awaitPrompt("1/10 ❯", T);
      r.line("setsid sleep 4245 & nohup sleep 4246 >/dev/null 2>&1 &");
      r.awaitPrompt("1/10 ❯", T);
      r.terminate();
      r.waitExit(T);
    }
    Thread.sleep(300);
    assertFalse(ps().matches("(?s).*sleep 424[56].*"), ps());
  }

  @Test
  void aStepNeedingAMissingCapabilityIsShownSkippedAndTheLearnerGoesOn() throws Exception {
    Path lessons = Path.of(ReplPtyTest.class.getResource("/step-requires").toURI());
    try (ReplDriver r = new ReplDriver(data, lessons, java.util.Map.of("SHELLCAMP_DISABLE", "docker"),
        "--lang", "en", "start", "demo/needs")) {
      r.awaitPrompt("1/3 ❯", T);
      r.line(":answer 1");
      r.await("Step passed: first", T);
      r.await("This step needs docker: turned off by SHELLCAMP_DISABLE — skipped.", T);
      r.awaitPrompt("3/3 ❯", T);
      assertFalse(r.text().contains("setup ran although docker is missing"), r.text());
      r.line("touch last.txt");
      r.await("Step passed: last", T);
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    String progress = Files.readString(data.resolve("shellcamp/progress.json"));
    assertTrue(progress.matches("(?s).*\"skipped\": \\[\\s*\"container\".*"), progress);
  }

  @Test
  void drillProcessesStartedBySetupEndWithTheLesson() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "--lang", "en", "start", "debugging/drills")) {
      r.awaitPrompt("1/8 ❯", T);
      r.line(":next");
      r.awaitPrompt("2/8 ❯", T);
      r.line(":next");
      r.awaitPrompt("3/8 ❯", T);
      r.line(":next");
      r.awaitPrompt("4/8 ❯", T);
      assertTrue(!lessonProcesses().isEmpty(), "the squatter and the workers should run now: " + ps());
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    Thread.sleep(300);
    assertEquals(List.of(), lessonProcesses());
  }

  /** Live processes whose command line or working directory lies in this test's data folder. */
  private List<String> lessonProcesses() throws Exception {
    List<String> found = new ArrayList<>();
    String root = data.toRealPath().toString();
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        if (!d.getFileName().toString().matches("\\d+")) {
          continue;
        }
        try {
          String stat = Files.readString(d.resolve("stat"));
          if (stat.charAt(stat.lastIndexOf(')') + 2) == 'Z') {
            continue;
          }
          String args = Files.readString(d.resolve("cmdline")).replace('\0', ' ');
          String cwd = Files.readSymbolicLink(d.resolve("cwd")).toString();
          if ((args.contains(root) || cwd.startsWith(root)) && !args.contains("dev.shellcamp.Main")) {
            found.add(d.getFileName() + " " + args);
          }
        } catch (java.io.IOException | RuntimeException e) {
          // gone meanwhile
        }
      }
    }
    return found;
  }

  private static String ps() throws Exception {
    Process p = new ProcessBuilder("ps", "-eo", "args").start();
    return new String(p.getInputStream().readAllBytes());
  }
}

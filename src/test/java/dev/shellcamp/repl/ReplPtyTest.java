package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.Await;
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
  /** How long a lesson's processes may take to die once the tutor has ended: the kills land asynchronously. */
  private static final Duration GONE = Duration.ofSeconds(5);
  @TempDir Path data;

  @Test
  void theDangerGuardJudgesWithTheShellsOwnVariablesAndSaysWhatWouldRun() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.awaitPrompt("1/9 ❯", T);
      r.enter("d=/srv/standin-guard", "1/9 ❯");
      String asked = declined(r, "rm -rf $d");
      assertTrue(asked.contains("rm -rf would delete /srv/standin-guard (from $d)."), asked);
      r.awaitPrompt("1/9 ❯", T);

      // the same words, where the shell's d is inside the lesson folder: nothing to ask
      r.enter("d=build; mkdir -p $d", "1/9 ❯");
      String out = r.enter("rm -rf $d; echo gone-$d", "1/9 ❯");
      assertTrue(out.contains("gone-build") && !out.contains("would delete"), out);
      r.quit();
    }
  }

  @Test
  void aLearnerWorksThroughStepsInterruptsAndResumes() throws Exception {
    Path ws = data.resolve("shellcamp/work/linux/streams");
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.awaitPrompt("1/9 ❯", T);
      r.lineAwait(":answer 7", "is not right");
      r.lineAwait(":answer 2", "Step passed: three-streams");
      r.awaitPrompt("2/9 ❯", T);

      r.enter("echo eggs >> shopping.txt", "2/9 ❯");
      String why = r.enter(":check", "2/9 ❯");
      assertTrue(why.contains("expected 1 line, found 3"), why);

      long t0 = System.nanoTime();
      r.line("sleep 30");
      Await.until("`sleep 30` to run", T, () -> lessonProcesses().stream().anyMatch(p -> p.endsWith(" sleep 30 ")));
      r.type("\u0003");
      r.awaitPrompt("2/9 ❯", T);
      assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "Ctrl-C ended sleep quickly");
      assertTrue(r.enter("echo alive-$((6*7))", "2/9 ❯").contains("alive-42"));

      r.type("\u0003");
      r.await("Ctrl-C cancels the line", T);

      r.lineAwait("vi typed.txt", "\"typed.txt\" [New");  // vim's message for a new file, drawn as it starts
      r.type("ihello from vi\u001b");
      Thread.sleep(300);  // deliberate: vim tells a lone Esc from the start of a key's sequence by a pause
      r.type(":wq\r");
      r.awaitPrompt("2/9 ❯", T);
      assertEquals("hello from vi\n", Files.readString(ws.resolve("typed.txt")));

      r.enter("cd downloads; export MARK=kept", "2/9 ❯");
      String out = r.enter("pwd; echo $MARK", "2/9 ❯");
      assertTrue(out.contains(ws.resolve("downloads").toString() + "\nkept"), out);

      r.quit();
    }
    String saved = Files.readString(data.resolve("shellcamp/progress.json"));
    assertTrue(saved.contains("\"linux/streams\""), saved);
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.await("resuming at step 2/9", T);
      r.awaitPrompt("2/9 ❯", T);
      assertTrue(r.enter("cat typed.txt", "2/9 ❯").contains("hello from vi"));
      r.type("\u0004");
      r.await("Progress saved", T);
      assertEquals(0, r.waitExit(T));
    }
  }

  @Test
  void destructiveCommandsAskFirstAndDeclinedMeansNothingRan() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/shell-basics")) {
      r.awaitPrompt("1/10 ❯", T);
      r.enter("touch keep.txt", "1/10 ❯");
      declined(r, "rm -rf ~");
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    assertTrue(Files.exists(data.resolve("shellcamp/work/linux/shell-basics/keep.txt")));
  }

  @Test
  void menuHelpAndLanguageSwitch() throws Exception {
    try (ReplDriver r = new ReplDriver(data)) {
      r.awaitPrompt("shellcamp ❯", T);
      String help = r.enter(":help", "shellcamp ❯");
      for (String c : new String[] {":hint", ":solution", ":skip", ":reset", ":lang", ":quit"}) {
        assertTrue(help.contains(c), c + " in " + help);
      }
      r.lineAwait(":lang ko", "언어: 한국어");
      r.lineAwait("99", "레슨은 없어요");
      r.line("1");  // the catalog's first lesson: swe/lifecycle, 5 steps
      r.awaitPrompt("swe/lifecycle 1/5 ❯", T);
      r.lineAwait(":hint", "힌트 1/");
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    assertTrue(Files.readString(data.resolve("shellcamp/progress.json")).contains("\"lang\": \"ko\""));
  }

  @Test
  void lessonProcessesDoNotOutliveTheTutor() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/shell-basics")) {
      r.awaitPrompt("1/10 ❯", T);
      r.enter("sleep 4242 & nohup sleep 4243 >/dev/null 2>&1 & setsid sleep 4244 &", "1/10 ❯");
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    Await.upTo(GONE, () -> !ps().matches("(?s).*sleep 424[234].*"));
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
      r.enter("setsid sleep 4245 & nohup sleep 4246 >/dev/null 2>&1 &", "1/10 ❯");
      r.terminate();
      r.waitExit(T);
    }
    Await.upTo(GONE, () -> !ps().matches("(?s).*sleep 424[56].*"));
    assertFalse(ps().matches("(?s).*sleep 424[56].*"), ps());
  }

  @Test
  void aStepNeedingAMissingCapabilityIsShownSkippedAndTheLearnerGoesOn() throws Exception {
    Path lessons = Path.of(ReplPtyTest.class.getResource("/step-requires").toURI());
    try (ReplDriver r = new ReplDriver(data, lessons, java.util.Map.of("SHELLCAMP_DISABLE", "docker"),
        "--lang", "en", "start", "demo/needs")) {
      r.awaitPrompt("1/3 ❯", T);
      r.lineAwait(":answer 1", "Step passed: first");
      r.await("This step needs docker: turned off by SHELLCAMP_DISABLE — skipped.", T);
      r.awaitPrompt("3/3 ❯", T);
      assertFalse(r.text().contains("setup ran although docker is missing"), r.text());
      r.lineAwait("touch last.txt", "Step passed: last");
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
      r.enter(":next", "2/8 ❯");
      r.enter(":next", "3/8 ❯");
      r.enter(":next", "4/8 ❯");
      assertTrue(!lessonProcesses().isEmpty(), "the squatter and the workers should run now: " + ps());
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    Await.upTo(GONE, () -> lessonProcesses().isEmpty());
    assertEquals(List.of(), lessonProcesses());
  }

  /** Enters a line the danger guard stops, answers no and waits for "Not run."; gives what it said before asking. */
  private static String declined(ReplDriver r, String line) throws Exception {
    String asked = r.lineAwait(line, "Run it anyway? [y/N]");
    r.lineAwait("n", "Not run.");
    return asked;
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

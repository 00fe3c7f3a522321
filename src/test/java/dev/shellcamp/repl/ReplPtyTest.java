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
      enter(r, "d=/srv/standin-guard", "1/9 ❯");
      r.line("rm -rf $d");
      r.await("rm -rf would delete /srv/standin-guard (from $d).", T);
      r.await("Run it anyway? [y/N]", T);
      r.line("n");
      r.await("Not run.", T);
      r.awaitPrompt("1/9 ❯", T);

      // the same words, where the shell's d is inside the lesson folder: nothing to ask
      enter(r, "d=build; mkdir -p $d", "1/9 ❯");
      String out = enter(r, "rm -rf $d; echo gone-$d", "1/9 ❯");
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

      enter(r, "echo eggs >> shopping.txt", "2/9 ❯");
      String why = enter(r, ":check", "2/9 ❯");
      assertTrue(why.contains("expected 1 lines, found 3"), why);

      long t0 = System.nanoTime();
      r.line("sleep 30");
      Await.until("`sleep 30` to run", T, () -> lessonProcesses().stream().anyMatch(p -> p.endsWith(" sleep 30 ")));
      r.type("\u0003");
      r.awaitPrompt("2/9 ❯", T);
      assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "Ctrl-C ended sleep quickly");
      r.line("echo alive-$((6*7))");
      assertTrue(r.awaitPrompt("2/9 ❯", T).contains("alive-42"));

      r.type("\u0003");
      r.await("Ctrl-C cancels the line", T);

      r.line("vi typed.txt");
      r.await("\"typed.txt\" [New", T);  // vim's message for a new file, drawn as it starts
      r.type("ihello from vi\u001b");
      Thread.sleep(300);  // deliberate: vim tells a lone Esc from the start of a key's sequence by a pause
      r.type(":wq\r");
      r.awaitPrompt("2/9 ❯", T);
      assertEquals("hello from vi\n", Files.readString(ws.resolve("typed.txt")));

      enter(r, "cd downloads; export MARK=kept", "2/9 ❯");
      String out = enter(r, "pwd; echo $MARK", "2/9 ❯");
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
      enter(r, "touch keep.txt", "1/10 ❯");
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
      String help = enter(r, ":help", "shellcamp ❯");
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
      enter(r, "sleep 4242 & nohup sleep 4243 >/dev/null 2>&1 & setsid sleep 4244 &", "1/10 ❯");
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
      enter(r, "setsid sleep 4245 & nohup sleep 4246 >/dev/null 2>&1 &", "1/10 ❯");
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
      enter(r, ":next", "2/8 ❯");
      enter(r, ":next", "3/8 ❯");
      enter(r, ":next", "4/8 ❯");
      assertTrue(!lessonProcesses().isEmpty(), "the squatter and the workers should run now: " + ps());
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
    }
    Await.upTo(GONE, () -> lessonProcesses().isEmpty());
    assertEquals(List.of(), lessonProcesses());
  }

  /** Enters {@code line} and waits for {@code prompt} again; gives what was drawn meanwhile. */
  private static String enter(ReplDriver r, String line, String prompt) throws Exception {
    r.line(line);
    return r.awaitPrompt(prompt, T);
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

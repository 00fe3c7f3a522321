package dev.shellcamp.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
  @TempDir Path dir;

  @Test
  void savesAndLoadsEverything() throws Exception {
    ProgressStore s = new ProgressStore(dir.resolve("progress.json"));
    Progress p = s.load().withLang("ko").with(LessonProgress.start("linux/streams", "2026-01-01T00:00:00Z")
        .markDone("a").markSkipped("b").markShown("b").hintUsed().atStep(2));
    s.save(p);
    Progress back = s.load();
    assertEquals(p.seed(), back.seed());
    assertEquals("ko", back.lang());
    assertEquals("linux/streams", back.lastLesson());
    LessonProgress l = back.lesson("linux/streams");
    assertEquals(2, l.step());
    assertEquals(List.of("a", "b"), l.done());
    assertEquals(List.of("b"), l.skipped());
    assertEquals(1, l.hints());
    assertTrue(Files.readString(s.file()).contains("\"schema\": 1"));
  }

  @Test
  void loadAfterPeekReadsAFileChangedInBetween() throws Exception {
    Path f = dir.resolve("progress.json");
    Files.writeString(f, "{\"schema\": 1, \"seed\": 5, \"lessons\": {}}");
    ProgressStore s = new ProgressStore(f);
    assertEquals(5, s.peekSeed());
    // another tutor saved in between: the peeked parse is not used for a different text
    Files.writeString(f, "{\"schema\": 1, \"seed\": 6, \"lang\": \"ko\", \"lessons\": {}}");
    Progress p = s.load();
    assertEquals(6, p.seed());
    assertEquals("ko", p.lang());
  }

  @Test
  void loadAfterPeekOfTheSameFileGivesWhatAParseGives() throws Exception {
    Path f = dir.resolve("progress.json");
    ProgressStore s = new ProgressStore(f);
    s.save(s.load().withLang("ko").with(LessonProgress.start("linux/streams", "2026-01-01T00:00:00Z").markDone("a")));
    ProgressStore fresh = new ProgressStore(f);
    long seed = fresh.peekSeed();
    Progress viaPeek = fresh.load();
    assertEquals(new ProgressStore(f).load(), viaPeek);
    assertEquals(seed, viaPeek.seed());
    // a corrupt file after the peek is still moved aside, not hidden behind the peeked parse
    Files.writeString(f, "{\"schema\": 1, \"seed\": ");
    fresh.peekSeed();
    fresh.load();
    assertNotNull(fresh.warning());
  }

  @Test
  void corruptFileIsMovedAsideAndNamed() throws Exception {
    Path f = dir.resolve("progress.json");
    Files.writeString(f, "{\"schema\": 1, \"seed\": 5, \"lessons\": {");
    ProgressStore s = new ProgressStore(f);
    Progress p = s.load();
    assertNotNull(s.warning());
    Path aside = Path.of(s.warning().split("\t")[0]);
    assertTrue(Files.exists(aside), aside.toString());
    assertTrue(aside.getFileName().toString().startsWith("progress.json.corrupt-"));
    assertEquals("{\"schema\": 1, \"seed\": 5, \"lessons\": {", Files.readString(aside));
    assertTrue(p.lessons().isEmpty());
  }

  @Test
  void newerSchemaIsNotSilentlyOverwritten() throws Exception {
    Path f = dir.resolve("progress.json");
    Files.writeString(f, "{\"schema\": 9, \"seed\": 5, \"lessons\": {}}");
    ProgressStore s = new ProgressStore(f);
    s.load();
    assertTrue(s.warning().contains("newer"), s.warning());
  }

  @Test
  void missingFileIsAFreshStartWithoutWarning() {
    ProgressStore s = new ProgressStore(dir.resolve("none/progress.json"));
    Progress p = s.load();
    assertNull(s.warning());
    assertTrue(p.seed() >= 0);
  }

  /** kill -9 while saving, many times: the file must always be a complete, valid progress file. */
  @Test
  void sigkillDuringSaveNeverLeavesABrokenFile() throws Exception {
    Path f = dir.resolve("progress.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Random random = new Random(42);
    for (int round = 0; round < 15; round++) {
      Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), SaveHammer.class.getName(), f.toString())
          .redirectErrorStream(true).start();
      // wait until it is saving for real, then kill it at a random moment
      byte[] ready = new byte[6];
      p.getInputStream().readNBytes(ready, 0, 6);
      Thread.sleep(5 + random.nextInt(60));
      p.destroyForcibly();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
      ProgressStore s = new ProgressStore(f);
      Progress loaded = s.load();
      assertNull(s.warning(), "round " + round + ": " + s.warning());
      assertTrue(loaded.lessons().size() > 0);
      LessonProgress any = loaded.lessons().values().iterator().next();
      assertEquals(any.done().size(), any.step(), "a lesson's fields come from one save");
    }
    try (var files = Files.list(dir)) {
      assertTrue(files.allMatch(x -> x.getFileName().toString().equals("progress.json")), "stale temp files are removed");
    }
  }

  /** Child process for the kill test: saves growing progress as fast as it can. */
  public static final class SaveHammer {
    public static void main(String[] args) throws Exception {
      ProgressStore s = new ProgressStore(Path.of(args[0]));
      Progress p = new Progress(Progress.SCHEMA, 7, "en", null, Map.of());
      LessonProgress l = LessonProgress.start("linux/files", "t");
      s.save(p.with(l));
      System.out.print("ready\n");
      System.out.flush();
      for (int i = 0; ; i++) {
        l = l.markDone("step-" + i).atStep(i + 1);
        s.save(p.with(l).with(LessonProgress.start("course/lesson-" + (i % 50), "t").atStep(0)));
      }
    }
  }
}

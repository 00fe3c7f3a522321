package dev.shellcamp.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The menu's catalog from its index: the same view as a full load, parsed per lesson, rebuilt on any change. */
class CatalogIndexTest {
  private static Path catalog(Path root) throws IOException {
    return LintCorpusTest.demoCatalog(root, "Demo\\ttabbed");
  }

  @Test
  void theIndexGivesTheMenuWhatAFullLoadGivesWithoutParsingALesson(@TempDir Path tmp) throws IOException {
    Path root = catalog(Files.createDirectories(tmp.resolve("lessons")));
    Path index = tmp.resolve("cache/catalog.index");
    Catalog whole = Catalog.indexed(root, 7, index);
    assertTrue(Files.isRegularFile(index));
    Catalog cached = Catalog.indexed(root, 7, index);

    assertInstanceOf(LazyLessons.class, cached.lessons(), "the second start reads the index");
    assertEquals(whole.lessonIds(), cached.lessonIds());
    assertEquals(whole.courses(), cached.courses());
    assertEquals(whole.summaries(), cached.summaries());
    assertEquals(whole.problems(), cached.problems());
    LessonSummary s = cached.summary("demo/good").orElseThrow();
    assertEquals(List.of("say"), s.stepIds());
    assertEquals(List.of("bash"), s.requires());
    assertEquals("단어 말하기", s.title("ko"));
    assertTrue(cached.summary("demo/bad").isEmpty(), "a broken lesson stays broken");
    assertTrue(cached.lesson("demo/bad").isEmpty());

    Lesson parsed = cached.lesson("demo/good").orElseThrow();
    assertEquals(whole.lesson("demo/good").orElseThrow().values(), parsed.values(), "the same seed, the same vars");
    assertEquals(1, parsed.steps().size());
  }

  @Test
  void aChangedFileOrAnotherSeedRebuildsTheIndex(@TempDir Path tmp) throws IOException {
    Path root = catalog(Files.createDirectories(tmp.resolve("lessons")));
    Path index = tmp.resolve("catalog.index");
    Catalog.indexed(root, 7, index);

    Path en = root.resolve("demo/01-good/en.md");
    FileTime before = Files.getLastModifiedTime(en);
    Files.writeString(en, Files.readString(en).replace("Say a word", "Say a WORD!"));
    Files.setLastModifiedTime(en, before);  // same mtime, other size
    Catalog changed = Catalog.indexed(root, 7, index);
    assertFalse(changed.lessons() instanceof LazyLessons);
    assertTrue(changed.summary("demo/good").orElseThrow().title("en").startsWith("Say a WORD!"));

    Catalog other = Catalog.indexed(root, 8, index);
    assertFalse(other.lessons() instanceof LazyLessons, "a seed is part of the key");
  }

  @Test
  void aTornOrForeignIndexIsRebuilt(@TempDir Path tmp) throws IOException {
    Path root = catalog(Files.createDirectories(tmp.resolve("lessons")));
    Path index = tmp.resolve("catalog.index");
    Catalog.indexed(root, 7, index);
    List<String> lines = Files.readAllLines(index);
    Files.write(index, lines.subList(0, lines.size() - 2));
    assertFalse(Catalog.indexed(root, 7, index).lessons() instanceof LazyLessons);
    assertInstanceOf(LazyLessons.class, Catalog.indexed(root, 7, index).lessons(), "and written whole again");
  }

  @Test
  void escapingRoundTrips() {
    String s = "a\tb\nc\\d\re\u001ff\u001eg\\";
    assertEquals(s, CatalogIndex.unescape(CatalogIndex.escape(s)));
  }
}

package dev.shellcamp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Twins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing reason evaluated once, in the learner's language, and given in the other language
 * from the messages recorded while it was built: the same text the check gives in that language.
 */
class TwinReasonTest {
  @TempDir Path ws;

  /** The reason in {@code lang}, and its twins, from one evaluation. */
  private Map<String, String> once(CheckSpec spec, FakeContext base, String lang) {
    Twins twins = new Twins();
    Messages recording = Messages.of(lang).recording(twins);
    Result r = Checks.evaluate(spec, new FakeContext(ws) {
      {
        base.runs.forEach(this::ran);
      }

      @Override
      public Messages messages() {
        return recording;
      }
    });
    assertTrue(!r.passed());
    return twins.both(r.reason(), lang);
  }

  /** What the check says when evaluated in {@code lang} directly. */
  private String direct(CheckSpec spec, FakeContext base, String lang) {
    return Checks.evaluate(spec, new FakeContext(ws) {
      {
        base.runs.forEach(this::ran);
      }

      @Override
      public Messages messages() {
        return Messages.of(lang);
      }
    }).reason();
  }

  private void sameAsDirect(CheckSpec spec, FakeContext c) {
    String en = direct(spec, c, "en");
    String ko = direct(spec, c, "ko");
    assertNotEquals(en, ko);
    assertEquals(Map.of("en", en, "ko", ko), once(spec, c, "ko"), "a Korean learner's reason, for an English board");
    assertEquals(Map.of("en", en, "ko", ko), once(spec, c, "en"), "an English learner's reason, for a Korean board");
  }

  @Test
  void aFileThatLacksTextNestedMessagesAndTheFileItselfStayAsFound() throws Exception {
    Files.writeString(ws.resolve("shopping.txt"), "milk\n우유 (the file's own text)\neggs\n");
    CheckSpec spec = FakeContext.spec("file", "path", "shopping.txt", "contains", "bread");
    sameAsDirect(spec, new FakeContext(ws));
    Map<String, String> both = once(spec, new FakeContext(ws), "en");
    assertEquals("expected file shopping.txt to contain \"bread\", found:\n    | milk\n    | 우유 (the file's own text)"
        + "\n    | eggs", both.get("en"));
    assertEquals("shopping.txt 파일에 \"bread\"이(가) 들어 있어야 하는데, 실제 내용:\n    | milk\n"
        + "    | 우유 (the file's own text)\n    | eggs", both.get("ko"));
  }

  @Test
  void aLessonsOwnRunCheckReasonComesInBothLanguagesFromItsOneRun() throws Exception {
    CheckSpec spec = FakeContext.spec("run", "value",
        "f='backup/shopping-tuesday.txt'\n[ -f \"$f\" ] || fail \"$f does not exist yet\" \"$f 파일이 아직 없어요\"");
    sameAsDirect(spec, new FakeContext(ws));
    assertEquals(Map.of("en", "backup/shopping-tuesday.txt does not exist yet", "ko", "backup/shopping-tuesday.txt 파일이 아직 없어요"),
        once(spec, new FakeContext(ws), "ko"));
    CheckSpec englishOnly = FakeContext.spec("run", "value", "fail 'only in English'");
    assertEquals(Map.of("en", "only in English", "ko", "only in English"), once(englishOnly, new FakeContext(ws), "ko"));
  }

  @Test
  void aDiffOfLinesWithItsPiecesAndTheLearnersLines() throws Exception {
    Files.writeString(ws.resolve("sorted.txt"), "apple\ncherry\nbanana\n");
    sameAsDirect(FakeContext.spec("file", "path", "sorted.txt", "equals", "apple\nbanana\ncherry\n"), new FakeContext(ws));
    FakeContext ran = new FakeContext(ws).ran("sort f", "apple\ncherry\n", 0);
    sameAsDirect(FakeContext.spec("output", "lines", List.of("apple", "banana", "cherry")), ran);
  }

  @Test
  void aMissingFileInAMissingFolderTwoMessagesSideBySide() {
    sameAsDirect(FakeContext.spec("file", "path", "notes/today.txt", "exists", "true"), new FakeContext(ws));
  }
}

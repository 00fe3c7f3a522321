package dev.shellcamp.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the part of progress.json that does not read is set aside; every valid entry is kept. */
class ProgressPartialTest {
  @TempDir Path dir;

  @Test
  void oneMalformedEntryIsSetAsideAlone() throws Exception {
    Path f = dir.resolve("progress.json");
    Files.writeString(f, "{\"schema\": 1, \"seed\": 5, \"lang\": \"ko\", \"lessons\": {"
        + "\"linux/a\": {\"step\": 2, \"done\": [\"x\"]},"
        + "\"linux/b\": {\"step\": \"two\"},"
        + "\"linux/c\": {\"step\": 1, \"hints\": 3}}}");
    ProgressStore s = new ProgressStore(f);
    Progress p = s.load();
    assertEquals(Set.of("linux/a", "linux/c"), p.lessons().keySet());
    assertEquals(List.of("x"), p.lesson("linux/a").done());
    assertEquals(3, p.lesson("linux/c").hints());
    assertEquals(5, p.seed());
    assertEquals("ko", p.lang());
    assertEquals("progress.partial", s.warningKey());
    String[] w = s.warning().split("\t");
    assertTrue(w[1].contains("linux/b") && !w[1].contains("linux/a"), s.warning());
    Path aside = Path.of(w[0]);
    assertTrue(aside.getFileName().toString().startsWith("progress.json.bad-"), aside.toString());
    assertTrue(Files.readString(aside).contains("\"linux/b\"") && Files.readString(aside).contains("two"));
    assertTrue(!Files.readString(aside).contains("linux/a"));
    Progress again = s.load();
    assertEquals(null, s.warning(), "the file was rewritten with the valid entries");
    assertEquals(p.lessons(), again.lessons());
  }

  @Test
  void newerSchemaKeepsWhatItCanReadAndCopiesTheOriginal() throws Exception {
    Path f = dir.resolve("progress.json");
    String original = "{\"schema\": 9, \"seed\": 5, \"future\": true, \"lessons\": {\"linux/a\": {\"step\": 1}}}";
    Files.writeString(f, original);
    ProgressStore s = new ProgressStore(f);
    Progress p = s.load();
    assertEquals(Set.of("linux/a"), p.lessons().keySet());
    assertEquals("progress.newer", s.warningKey());
    assertTrue(s.warning().contains("newer"), s.warning());
    Path copy = Path.of(s.warning().split("\t")[0]);
    assertTrue(copy.getFileName().toString().startsWith("progress.json.schema-9-"), copy.toString());
    assertEquals(original, Files.readString(copy));
  }
}

package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain mode on a real PTY, as a screen reader or `script` would get it: the tutor writes whole
 * lines that start with a word, and not one escape sequence or glyph, while the learner's own
 * programs (vi here) still get a raw terminal.
 */
class ReplPlainPtyTest {
  private static final Duration T = Duration.ofSeconds(20);
  private static final Pattern GLYPHS = Pattern.compile("[─━│┃┌┐└┘├┤┬┴┼▎✓✗●○•❯⚠⏎▸💡]");
  @TempDir Path data;

  @Test
  void aStepInPlainModeIsWholeLinesWithoutEscapesOrGlyphs() throws Exception {
    try (ReplDriver r = new ReplDriver(data, "start", "linux/shell-basics", "--plain", "--bell")) {
      r.awaitPrompt("linux/shell-basics 1/10>", T);
      r.line("echo hello");
      r.awaitPrompt("1/10>", T);
      r.line(":check");
      String check = r.awaitPrompt("1/10>", T);
      r.line(":hint");
      String hint = r.awaitPrompt("1/10>", T);
      r.line("echo $SHELL");
      String pass = r.awaitPrompt("linux/shell-basics 2/10>", T);

      assertTrue(startsALine(check, "Not yet: expected the command to match"), check);
      assertTrue(startsALine(hint, "Hint 1 of "), hint);
      assertTrue(startsALine(pass, "Passed: which-shell"), pass);
      assertTrue(startsALine(pass, "Step 2/10: pwd"), pass);
      String raw = r.raw();
      assertFalse(raw.contains("\u001b"), "an escape sequence in plain mode:\n" + raw.replace("\u001b", "<ESC>"));
      assertFalse(GLYPHS.matcher(raw).find(), "a glyph in plain mode:\n" + raw);
      assertEquals(2, raw.chars().filter(c -> c == 7).count(), "--bell rings once for Not yet, once for Passed");

      r.line("vi typed.txt");
      r.await("[New]", T);  // vim has drawn its screen and reads keys
      r.type("ihello from vi\u001b:wq\r");
      r.awaitPrompt("2/10>", T);
      assertEquals("hello from vi\n", Files.readString(data.resolve("shellcamp/work/linux/shell-basics/typed.txt")));
      r.line(":quit");
      r.await("Note: Progress saved", T);
      assertEquals(0, r.waitExit(T));
    }
  }

  @Test
  void theEnvironmentTurnsPlainModeOnAtTheMenuWithoutABell() throws Exception {
    Path lessons = Path.of(System.getProperty("shellcamp.lessons"));
    try (ReplDriver r = new ReplDriver(data, lessons, Map.of("SHELLCAMP_PLAIN", "1"), "--lang", "ko")) {
      String menu = r.awaitPrompt("shellcamp>", T);
      assertTrue(menu.contains("5단계 중 0단계 완료  swe/lifecycle"), menu);
      r.line("999");
      assertTrue(startsALine(r.awaitPrompt("shellcamp>", T), "오류: \"999\" 레슨은 없어요"));
      r.line(":quit");
      r.await("참고: 진행 상황을 저장했어요", T);
      assertEquals(0, r.waitExit(T));
      String raw = r.raw();
      assertFalse(raw.contains("\u001b"), raw.replace("\u001b", "<ESC>"));
      assertFalse(raw.contains("\u0007"), "no bell without --bell");
      assertFalse(GLYPHS.matcher(raw).find(), raw);
    }
  }

  private static boolean startsALine(String screen, String start) {
    return Arrays.stream(screen.split("\r?\n")).anyMatch(l -> l.startsWith(start));
  }
}

package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/** Plain mode's words in place of glyphs, in Korean, as a screen reader would hear them. */
class ScreenPlainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Screen screen(String lang, boolean bell) throws Exception {
    Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]), out,
        StandardCharsets.UTF_8);
    return new Screen(t, Theme.detect(false, true), Messages.of(lang), false, bell);
  }

  private String written() {
    return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  @Test
  void koreanMessagesStartWithAWordAndCarryNoGlyph() throws Exception {
    Screen s = screen("ko", false);
    s.ok("언어: 한국어.");
    s.fail("없는 명령이에요: :x.");
    s.note("진행 상황을 저장했어요.");
    s.success(s.msg("plain.passed", "overwrite"));
    s.notYet("shopping.txt이(가) 예상한 줄들과 달라요:\n    | milk");
    s.println("⚠ 포크 폭탄이에요.");
    s.println("⏎");
    assertEquals("""
        완료: 언어: 한국어.
        오류: 없는 명령이에요: :x.
        참고: 진행 상황을 저장했어요.
        통과: overwrite
        아직: shopping.txt이(가) 예상한 줄들과 달라요:
              | milk
        주의: 포크 폭탄이에요.

        """, written());
    assertEquals("힌트 2/3:", s.msg("plain.hint", 2, 3));
    assertEquals("10단계 중 3단계 완료", s.msg("plain.steps-done", 3, 10));
  }

  @Test
  void theBellRingsOnlyWhenAskedFor() throws Exception {
    screen("en", true).notYet("expected 1 line, found 3");
    assertEquals("\u0007Not yet: expected 1 line, found 3\n", written());
    out.reset();
    screen("en", false).notYet("expected 1 line, found 3");
    assertEquals("Not yet: expected 1 line, found 3\n", written());
  }
}

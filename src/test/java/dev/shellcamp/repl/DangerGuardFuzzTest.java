package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.shellcamp.guard.ShellVars;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever is typed (half a quote, a stray paren, a heredoc without its end), judging it ends and never throws. */
class DangerGuardFuzzTest {
  private static final String CHARS = " ;&|()<>{}$`'\"\\~*?[]=#!\n-/.rmcdxa0";
  private static final List<String> PIECES = List.of("rm -rf ", "eval ", "bash -c ", "$(", "${", "f(){ ", "cd ",
      "for x in ", "case ", "<<E\n", "xargs ", "find ", "sudo ", "ln -s / ", ":|:&");

  @Test
  void randomLinesAreJudgedWithoutFailing() {
    Random r = new Random(19);
    Path ws = Path.of("/tmp/ws");
    for (int k = 0; k < 5000; k++) {
      StringBuilder line = new StringBuilder();
      for (int n = r.nextInt(40); n > 0; n--) {
        line.append(r.nextInt(4) == 0 ? PIECES.get(r.nextInt(PIECES.size())) : String.valueOf(CHARS.charAt(r.nextInt(CHARS.length()))));
      }
      String l = line.toString();
      assertDoesNotThrow(() -> DangerGuard.judge(l, ws, ws, ShellVars.none()), l);
    }
  }
}

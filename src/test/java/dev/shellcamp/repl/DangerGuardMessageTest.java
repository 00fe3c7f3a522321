package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.guard.Danger;
import dev.shellcamp.guard.ShellVars;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warning names what would run and on which resolved path, in both languages. */
class DangerGuardMessageTest {
  private static final Path WS = Path.of("/tmp/ws");

  private static Danger judge(String line) {
    return DangerGuard.judge(line, WS, WS, ShellVars.of(Map.of("HOME", WS.toString()))).orElseThrow();
  }

  @Test
  void namesTheProgramThePathAndTheWordItCameFrom() {
    String en = DangerGuard.explain(judge("d=/etc; sudo rm -rf $d"), Messages.of("en"));
    assertTrue(en.startsWith("rm -rf would delete /etc (from $d). This deletes files outside"), en);
    String ko = DangerGuard.explain(judge("d=/etc; sudo rm -rf $d"), Messages.of("ko"));
    assertTrue(ko.startsWith("rm -rf 명령을 실행하면 /etc 경로가 지워져요 (입력한 내용: $d). 레슨 폴더 밖의"), ko);
  }

  @Test
  void theLessonHomeIsShownAsTildeAndAPlainPathNeedsNoOrigin() {
    assertEquals("~", judge("rm -rf $HOME").path());
    assertEquals("", judge("rm -rf /etc").from());
    assertEquals("/*", judge("cd / && rm -rf *").path());
  }

  @Test
  void everyKindOfDangerHasItsSentenceInBothLanguages() {
    List<String> lines = List.of("rm -rf /etc", "rm -rf $(cat list)", "cat list | xargs rm", "chmod -R 777 /usr",
        "mv /etc/hosts .", "mkfs.ext4 /dev/sdb", "dd if=/dev/zero of=/dev/sda", "echo x > /dev/sda",
        ":(){ :|:& };:", "mkfs $(cat dev)");
    for (String lang : List.of("en", "ko")) {
      Messages m = Messages.of(lang);
      for (String line : lines) {
        Danger d = judge(line);
        String text = DangerGuard.explain(d, m);
        assertFalse(text.contains("danger."), lang + ": " + line + " -> " + text);
        assertFalse(text.matches(".*\\{\\d}.*"), lang + ": " + line + " -> " + text);
      }
    }
  }
}

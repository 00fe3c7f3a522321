package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the rows that changed are sent, each erased before it is written. */
class FrameTest {
  private static String diff(Frame f, List<String> rows) {
    StringBuilder out = new StringBuilder();
    f.diff(rows, out);
    return out.toString();
  }

  @Test
  void theFirstFrameIsWholeAndTheNextOnlyWhatChanged() {
    Frame f = new Frame();
    assertEquals("\u001b[1;1H\u001b[2Ka\u001b[2;1H\u001b[2Kb\u001b[3;1H\u001b[2Kc", diff(f, List.of("a", "b", "c")));
    assertEquals("\u001b[2;1H\u001b[2KB", diff(f, List.of("a", "B", "c")));
    assertEquals("", diff(f, List.of("a", "B", "c")));
  }

  @Test
  void afterAClearOrAResizeEveryRowIsSentAgain() {
    Frame f = new Frame();
    diff(f, List.of("a", "b"));
    f.invalidate();
    assertEquals("\u001b[1;1H\u001b[2Ka\u001b[2;1H\u001b[2Kb", diff(f, List.of("a", "b")));
    assertEquals("\u001b[3;1H\u001b[2Kc", diff(f, List.of("a", "b", "c")), "a taller screen sends the new row");
    assertEquals("\u001b[1;1H\u001b[2Kx", diff(f, List.of("x")), "a shorter one only what changed");
  }
}

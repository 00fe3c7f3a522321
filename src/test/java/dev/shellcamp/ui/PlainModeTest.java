package dev.shellcamp.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plain theme and Markdown without colour, box characters or bullets. */
class PlainModeTest {
  private static final Theme PLAIN = Theme.detect(false, true);
  private static final Pattern GLYPHS = Pattern.compile("[─│┼▎•]");

  @Test
  void plainNeverColoursEvenWhereColourWasAskedFor() {
    Theme t = new Theme(true, true);
    assertFalse(t.color());
    assertEquals("x", t.bold("x"));
    assertEquals("- ", t.bullet());
    assertEquals("• ", new Theme(true).bullet());
  }

  @Test
  void anyValueButZeroInTheEnvironmentTurnsItOn() {
    assertTrue(PlainMode.fromEnv(Map.of("SHELLCAMP_PLAIN", "1")));
    assertTrue(PlainMode.fromEnv(Map.of("SHELLCAMP_PLAIN", "yes")));
    assertFalse(PlainMode.fromEnv(Map.of("SHELLCAMP_PLAIN", "0")));
    assertFalse(PlainMode.fromEnv(Map.of("SHELLCAMP_PLAIN", "")));
    assertFalse(PlainMode.fromEnv(Map.of()));
    assertTrue(PlainMode.requested(new String[] {"start", "linux/streams", "--plain"}));
  }

  @Test
  void markdownUsesIndentsAndDashes() {
    String md = """
        # 파이프

        Text with `code`.

        - one
        - two

        ```
        echo hi
        ```

        > quoted

        ---

        | a | b |
        |---|---|
        | 1 | 2 |
        """;
    String out = new Markdown(PLAIN, 80).render(md);
    assertFalse(GLYPHS.matcher(out).find(), out);
    assertFalse(out.contains("\u001b"), out);
    assertEquals("""
        파이프

        Text with code.

        - one
        - two

            echo hi

          quoted

        - a: 1
          b: 2
        """, out);
  }
}

package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys as they arrive from the terminal: whole, or an escape sequence cut between two reads. */
class KeysTest {
  private static List<Keys.Kind> kinds(List<Keys.Key> keys) {
    return keys.stream().map(Keys.Key::kind).toList();
  }

  @Test
  void arrowsEnterBackspaceAndCtrlCInOneRead() {
    StringBuilder typed = new StringBuilder("\u001b[A\u001bOB\r\u007f\u0003");
    assertEquals(List.of(Keys.Kind.UP, Keys.Kind.DOWN, Keys.Kind.ENTER, Keys.Kind.BACKSPACE, Keys.Kind.INTERRUPT),
        kinds(Keys.take(typed, false)));
    assertEquals("", typed.toString());
  }

  @Test
  void anArrowCutBetweenTwoReadsWaitsForItsRest() {
    StringBuilder typed = new StringBuilder("k\u001b[");
    List<Keys.Key> first = Keys.take(typed, false);
    assertEquals(List.of(new Keys.Key(Keys.Kind.CHAR, "k")), first);
    assertEquals("\u001b[", typed.toString(), "the start of the sequence is kept");
    typed.append("B");
    assertEquals(List.of(Keys.Kind.DOWN), kinds(Keys.take(typed, false)));
  }

  @Test
  void aLoneEscapeIsEscapeOnlyWhenNothingFollowsInAMoment() {
    StringBuilder typed = new StringBuilder("\u001b");
    assertEquals(List.of(), Keys.take(typed, false));
    assertEquals(List.of(Keys.Kind.ESCAPE), kinds(Keys.take(typed, true)));
    assertEquals("", typed.toString());
  }

  @Test
  void escapeThenALetterIsTwoKeysAndPageUpIsSwallowedWhole() {
    assertEquals(List.of(Keys.Kind.ESCAPE, Keys.Kind.CHAR), kinds(Keys.take(new StringBuilder("\u001bq"), false)));
    assertEquals(List.of(Keys.Kind.OTHER, Keys.Kind.CHAR), kinds(Keys.take(new StringBuilder("\u001b[5~q"), false)));
  }

  @Test
  void koreanAndCharactersOutsideTheBmpAreOneKeyEach() {
    assertEquals(List.of(new Keys.Key(Keys.Kind.CHAR, "한"), new Keys.Key(Keys.Kind.CHAR, "😀")),
        Keys.take(new StringBuilder("한😀"), false));
    StringBuilder half = new StringBuilder("😀".substring(0, 1));
    assertEquals(List.of(), Keys.take(half, false), "half a surrogate pair waits for the other half");
  }
}

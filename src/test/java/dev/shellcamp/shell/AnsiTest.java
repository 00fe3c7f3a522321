package dev.shellcamp.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnsiTest {
  @Test
  void aBareCarriageReturnStartsALineOfTheCapturedOutput() {
    assertEquals("1\n2\n3\n", Ansi.output("1\r2\r3\r\n"));
    assertEquals("1\n2\n10", Ansi.output("1\r2\r10"));
  }

  @Test
  void aLineErasedAndRedrawnKeepsWhatWasDrawnLast() {
    // more's prompt, erased when the learner pressed space
    assertEquals("11\n12\n", Ansi.output("11\n\u001b[7m--More--\u001b[27m\r\u001b[K12\n"));
    assertEquals("done\n", Ansi.output("working 50%\r\u001b[2Kdone\n"));
  }

  @Test
  void lineEndsOfAnyKindAreOneBreak() {
    assertEquals("a\nb\n", Ansi.output("a\r\r\nb\r\n"));
    assertEquals("red\n", Ansi.output("\u001b[31mred\u001b[0m\r\n"));
  }

  @Test
  void theScreenViewStillShowsOnlyWhatWasPainted() {
    assertEquals("10", Ansi.strip("1\r2\r10"));
  }
}

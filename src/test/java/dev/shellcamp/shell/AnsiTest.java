package dev.shellcamp.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnsiTest {
  /** What a program drew on the terminal, and what `output` checks see of it. */
  static Stream<Arguments> drawn() {
    return Stream.of(
        arguments("a bare CR starts a line", "1\r2\r3\r\n", "1\n2\n3\n"),
        arguments("a bare CR starts a line, the last one unended", "1\r2\r10", "1\n2\n10"),
        // more's prompt, erased when the learner pressed space
        arguments("an erased line keeps what was drawn last", "11\n\u001b[7m--More--\u001b[27m\r\u001b[K12\n", "11\n12\n"),
        arguments("a redrawn line keeps what was drawn last", "working 50%\r\u001b[2Kdone\n", "done\n"),
        arguments("line ends of any kind are one break", "a\r\r\nb\r\n", "a\nb\n"),
        arguments("a coloured line ended by CR LF is one line", "\u001b[31mred\u001b[0m\r\n", "red\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drawn")
  void theCapturedOutputKeepsWhatWasDrawn(String what, String terminal, String captured) {
    assertEquals(captured, Ansi.output(terminal));
  }

  @Test
  void theScreenViewStillShowsOnlyWhatWasPainted() {
    assertEquals("10", Ansi.strip("1\r2\r10"));
  }
}

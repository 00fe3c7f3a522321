package dev.shellcamp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LsLayoutTest {
  @Test
  void namesComeBackFromLsShellQuoting() {
    assertEquals("my notes.txt", LsLayout.unquote("'my notes.txt'"));
    assertEquals("it's", LsLayout.unquote("\"it's\""));
    assertEquals("it's here", LsLayout.unquote("'it'\\''s here'"));
    assertEquals("a\tb", LsLayout.unquote("'a'$'\\t''b'"));
    assertEquals("plain.txt", LsLayout.unquote("plain.txt"));
  }

  @Test
  void aRowIsNamesAtLeastTwoColumnsApart() {
    assertEquals(Optional.of(List.of("a.log", "my notes.txt", "b.log")), LsLayout.row("a.log  'my notes.txt'   b.log"));
    assertEquals(Optional.of(List.of("a", "b")), LsLayout.row("a\tb"));
    assertEquals(Optional.empty(), LsLayout.row("a.log b.log"));
    assertEquals(Optional.empty(), LsLayout.row("-rw-r--r-- 1 root root 0 a.log"));
    // quotes ls would not have written are the learner's own (ls -Q)
    assertEquals(Optional.of(List.of("\"a.log\"", "\"b.log\"")), LsLayout.row("\"a.log\"  \"b.log\""));
  }
}

package dev.shellcamp.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void fillsEachPlaceholderOnceAndLeavesBracesInArgumentsAlone() {
    assertEquals("a {1} b x", Messages.fill("a {0} b {1}", "{1}", "x"));
    assertEquals("{2} stays, {x} too, 7", Messages.fill("{2} stays, {x} too, {0}", 7));
    assertEquals("null", Messages.fill("{0}", (Object) null));
    assertEquals("{", Messages.fill("{"));
  }
}

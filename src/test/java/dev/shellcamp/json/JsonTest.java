package dev.shellcamp.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The builders keep the order they are given, which is the order --json prints. */
class JsonTest {
  @Test
  void objectKeepsItsKeysInOrderAndTakesNull() {
    assertEquals("{\"z\":1,\"a\":null,\"m\":[\"x\"]}", Json.line(Json.object("z", 1, "a", null, "m", List.of("x"))));
    assertEquals("{}", Json.line(Json.object()));
    assertThrows(IllegalArgumentException.class, () -> Json.object("lonely"));
  }

  @Test
  void arrayMapsEachElementInOrder() {
    assertEquals("[{\"n\":3},{\"n\":1}]", Json.line(Json.array(List.of(3, 1), n -> Json.object("n", n))));
    assertEquals("[]", Json.line(Json.array(List.of(), n -> n)));
  }
}

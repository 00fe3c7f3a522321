package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Format.fixed replaces String.format on the per-row path: it must write the same text. */
class MonitorFormatTest {
  @Test
  void fixedWritesWhatStringFormatWrites() {
    Random r = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      double v = switch (i % 4) {
        case 0 -> i / 100.0;
        case 1 -> r.nextDouble() * 100;
        case 2 -> r.nextDouble() * 1e7;
        default -> i / 20.0 + 0.05;
      };
      for (int d = 0; d <= 2; d++) {
        assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), Format.fixed(v, d), "value " + v + ", " + d + " places");
      }
    }
  }

  @Test
  void outOfRangeFallsBackToStringFormat() {
    assertEquals("-1.5", Format.fixed(-1.5, 1));
    assertEquals("NaN", Format.fixed(Double.NaN, 1));
  }

  @Test
  void bytesKeepTheirShape() {
    assertEquals("512B", Format.bytes(512));
    assertEquals("1.5K", Format.bytes(1536));
    assertEquals("120M", Format.bytes(120.4 * 1024 * 1024));
  }
}

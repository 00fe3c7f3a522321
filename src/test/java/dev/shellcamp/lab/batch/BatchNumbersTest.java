package dev.shellcamp.lab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchNumbersTest {
  private static String problem(String text) {
    return BatchNumbers.read("x", text, new float[1], 0);
  }

  private static float value(String text) {
    float[] into = new float[1];
    assertNull(BatchNumbers.read("x", text, into, 0), text);
    return into[0];
  }

  @Test
  void readsDecimalNotation() {
    assertEquals(5.1f, value("5.1"));
    assertEquals(5.1f, value(" 5.1 "));
    assertEquals(-0.5f, value("-.5"));
    assertEquals(1.5f, value("+1.5"));
    assertEquals(5f, value("5."));
    assertEquals(1e5f, value("1E5"));
    assertEquals(0f, value("1e-99"));
    assertEquals(Float.MAX_VALUE, value("3.4028235e38"));
  }

  @Test
  void saysWhatIsWrongWithACell() {
    assertEquals("column x: missing value", problem(""));
    assertEquals("column x: missing value", problem("   "));
    assertEquals("column x: 'abc' is not a number", problem("abc"));
    for (String s : new String[] {"0x10", "1f", "2d", "1,5", "1e", "--1", "1 2", "."}) {
      assertEquals("column x: '" + s + "' is not a number", problem(s));
    }
    for (String s : new String[] {"NaN", "nan", "-Infinity", "inf", "+INF"}) {
      assertEquals("column x: '" + s + "' is not a finite number", problem(s));
    }
    assertEquals("column x: '1e39' is outside the FP32 range (about ±3.4e38)", problem("1e39"));
    assertEquals("column x: '-1e400' is outside the FP32 range (about ±3.4e38)", problem("-1e400"));
    assertEquals("column x: 'a\\nb' is not a number", problem("a\nb"));
    assertEquals("column x: '" + "9".repeat(37) + "...' is not a number", problem("9".repeat(50) + "z"));
  }

  @Test
  void formatsTheShortestDecimalThatReadsBack() {
    assertEquals("2.5", BatchNumbers.format(2.5f));
    assertEquals("3.0", BatchNumbers.format(3f));
    assertEquals("0.1", BatchNumbers.format(0.1f));
    assertEquals("-4.5", BatchNumbers.format(-4.5f));
    assertEquals("0.0", BatchNumbers.format(0f));
    assertEquals("0.0", BatchNumbers.format(-0f));
    assertEquals("0.0001", BatchNumbers.format(1e-4f));
    assertEquals("3.078804e-5", BatchNumbers.format(3.078804e-5f));
    assertEquals("1e16", BatchNumbers.format(1e16f));
    assertEquals("1234567.9", BatchNumbers.format(1234567.9f));
    assertEquals("3.4028235e38", BatchNumbers.format(Float.MAX_VALUE));
    assertEquals("1e-45", BatchNumbers.format(Float.MIN_VALUE), "shortest; Float.toString says 1.4E-45");
    // JDK 17's Float.toString gives 2.0E-3 the same digits, but not every value: JDK 19 changed some
    assertEquals("0.002", BatchNumbers.format(2e-3f));
  }

  @Test
  void everyFormattedValueReadsBackExactlyInAtMostNineDigits() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      float f = Float.intBitsToFloat(rnd.nextInt());
      if (!Float.isFinite(f) || f == 0) {
        continue;
      }
      String s = BatchNumbers.format(f);
      assertEquals(f, Float.parseFloat(s), s);
      String digits = s.replaceAll("e.*", "").replaceAll("[^0-9]", "").replaceAll("^0+", "");
      assertTrue(digits.replaceAll("0+$", "").length() <= 9, s);
      float[] back = new float[1];
      assertNull(BatchNumbers.read("x", s, back, 0), s);
      assertEquals(f, back[0], "our own reader takes what we write: " + s);
    }
  }
}

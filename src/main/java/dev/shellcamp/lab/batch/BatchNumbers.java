package dev.shellcamp.lab.batch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A CSV cell read as an FP32 feature, and an FP32 prediction written as text. */
final class BatchNumbers {
  // decimal notation only: Double.parseDouble would also take "0x1p3", "1f" and "2d", which no CSV means as numbers
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Set<String> NOT_FINITE = Set.of("nan", "+nan", "-nan", "inf", "+inf", "-inf",
      "infinity", "+infinity", "-infinity");
  private static final MathContext[] DIGITS = new MathContext[10];

  static {
    for (int d = 1; d < DIGITS.length; d++) {
      DIGITS[d] = new MathContext(d, RoundingMode.HALF_EVEN);
    }
  }

  private BatchNumbers() {}

  /**
   * Reads {@code text} into {@code into[at]}; returns why it cannot ("column x: 'abc' is not a
   * number"), or null. Spaces around a number are forgiven: hand-edited CSVs have them.
   */
  static String read(String column, String text, float[] into, int at) {
    String t = text.strip();
    if (t.isEmpty()) {
      return "column " + column + ": missing value";
    }
    if (NOT_FINITE.contains(t.toLowerCase(Locale.ROOT))) {
      return "column " + column + ": " + show(text) + " is not a finite number";
    }
    if (!DECIMAL.matcher(t).matches()) {
      return "column " + column + ": " + show(text) + " is not a number";
    }
    // straight to float: decimal -> double -> float would round twice
    float v = Float.parseFloat(t);
    if (Float.isInfinite(v)) {
      return "column " + column + ": " + show(text) + " is outside the FP32 range (about ±3.4e38)";
    }
    into[at] = v;
    return null;
  }

  /** A value for a message: quoted, line breaks visible, cut short if long. */
  static String show(String text) {
    String s = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return "'" + s.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }

  /**
   * The shortest decimal that reads back as exactly {@code f}, in plain notation from 1e-4 to
   * 1e16 and as {@code 1.5e-7} outside, the way Python's repr writes floats. Computed with
   * BigDecimal rather than Float.toString, whose digits changed in JDK 19: a re-run on a newer
   * Java must still give the same bytes.
   */
  static String format(float f) {
    if (!Float.isFinite(f)) {
      return Float.toString(f);
    }
    if (f == 0) {
      return "0.0"; // -0.0 too: the sign of a zero means nothing in a prediction
    }
    BigDecimal exact = new BigDecimal(f);
    BigDecimal shortest = exact;
    // 9 significant digits always suffice for FP32, so the loop always finds one
    for (int d = 1; d < DIGITS.length; d++) {
      BigDecimal r = exact.round(DIGITS[d]);
      if (Float.parseFloat(r.toString()) == f) {
        shortest = r;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = shortest.toPlainString();
      return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
    String digits = shortest.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (f < 0 ? "-" : "") + mantissa + "e" + exponent;
  }
}

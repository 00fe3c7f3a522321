package dev.shellcamp.monitor;

import java.util.List;
import java.util.Locale;

/** Numbers as a monitor shows them: short binary sizes (as htop), uptime, sparklines. */
final class Format {
  private static final String SPARKS = "▁▂▃▄▅▆▇█";

  private Format() {}

  static String bytes(double b) {
    String[] units = {"B", "K", "M", "G", "T", "P"};
    int u = 0;
    while (b >= 1024 && u < units.length - 1) {
      b /= 1024;
      u++;
    }
    return fixed(b, u == 0 || b >= 100 ? 0 : 1) + units[u];
  }

  /**
   * {@code value} with {@code decimals} (0-3) places, as String.format's "%.Nf" writes it. A frame
   * formats three numbers per process row; Formatter costs ≈ 10 µs each while the monitor's code
   * is still interpreted (a 1 s refresh runs it too seldom for the JIT), this ≈ 0.5 µs.
   */
  static String fixed(double value, int decimals) {
    if (!(value >= 0 && value < 1e15) || decimals < 0 || decimals > 3) {
      return String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", value);
    }
    long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    long n = Math.round(value * scale);
    if (decimals == 0) {
      return Long.toString(n);
    }
    StringBuilder b = new StringBuilder(24).append(n / scale).append('.');
    String frac = Long.toString(n % scale);
    for (int i = frac.length(); i < decimals; i++) {
      b.append('0');
    }
    return b.append(frac).toString();
  }

  static String rate(double bytesPerSecond) {
    return bytes(bytesPerSecond) + "/s";
  }

  static String percent(double p) {
    return fixed(p, 1) + "%";
  }

  static String uptime(double seconds) {
    long s = (long) seconds;
    long d = s / 86400;
    String hms = two(s / 3600 % 24) + ":" + two(s / 60 % 60) + ":" + two(s % 60);
    return d > 0 ? d + "d " + hms : hms;
  }

  private static String two(long n) {
    return n < 10 ? "0" + n : Long.toString(n);
  }

  /** The last {@code width} values (0-100) as block characters. */
  static String sparkline(List<Double> values, int width) {
    StringBuilder b = new StringBuilder();
    for (int i = Math.max(0, values.size() - width); i < values.size(); i++) {
      b.append(spark(values.get(i)));
    }
    return b.toString();
  }

  static char spark(double percent) {
    int i = (int) Math.round(Math.max(0, Math.min(100, percent)) / 100 * (SPARKS.length() - 1));
    return SPARKS.charAt(i);
  }
}

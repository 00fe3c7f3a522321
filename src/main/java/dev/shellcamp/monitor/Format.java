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
    if (u == 0) {
      return String.format(Locale.ROOT, "%.0f%s", b, units[u]);
    }
    return String.format(Locale.ROOT, b >= 100 ? "%.0f%s" : "%.1f%s", b, units[u]);
  }

  static String rate(double bytesPerSecond) {
    return bytes(bytesPerSecond) + "/s";
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f%%", p);
  }

  static String uptime(double seconds) {
    long s = (long) seconds;
    long d = s / 86400;
    String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
    return d > 0 ? d + "d " + hms : hms;
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

package dev.shellcamp.check;

import dev.shellcamp.json.Json;
import dev.shellcamp.lab.json.JsonException;
import dev.shellcamp.lab.json.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@code http} check compares a value found at a JSON path with the text lesson.yaml
 * gives, which YAML hands over without its quotes: a number is compared as a number (2.5 equals
 * 2.50 and 25e-1, FP32 rounding tolerated), a list or object as JSON with the same rule for the
 * numbers inside, anything else as text.
 */
final class JsonValues {
  /** float32 keeps about 7 significant digits; a server computing in FP32 may print 0.30000001 */
  private static final double RELATIVE = 1e-6;

  private JsonValues() {}

  static boolean matches(String want, Object found) {
    if (found instanceof Number n) {
      try {
        return near(Double.parseDouble(want.strip()), n.doubleValue());
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (found instanceof Map || found instanceof List) {
      try {
        return same(JsonParser.parse(want), found);
      } catch (JsonException e) {
        return false;
      }
    }
    return want.equals(String.valueOf(found));
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return near(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
    }
    return Objects.equals(a, b);
  }

  private static boolean near(double w, double f) {
    return w == f || Math.abs(w - f) <= RELATIVE * Math.max(Math.abs(w), Math.abs(f));
  }

  /** The found value as the failure shows it: JSON, so a string "2.5" and a number 2.5 differ. */
  static String show(Object found) {
    String s = Json.line(found);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}

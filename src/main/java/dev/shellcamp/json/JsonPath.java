package dev.shellcamp.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSONPath of plain steps, enough to point at one value of an answer: {@code $}, then
 * {@code .name}, {@code ['any name']} and {@code [index]} in any order ({@code $.outputs[0].data[0]}).
 * No wildcards or filters: a check names one value. Works on the values a JSON parser gives
 * ({@link Map}, {@link List}, String, Number, Boolean, null).
 */
public record JsonPath(String text, List<Object> steps) {

  /**
   * Where a lookup ended: when {@code found}, the value; else {@code at} is the longest part of the
   * path that resolved and {@code value} what is there (a list too short, an object without the key).
   */
  public record Lookup(boolean found, Object value, String at) {}

  /** @throws IllegalArgumentException naming the character where the path stops making sense */
  public static JsonPath parse(String text) {
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("a JSON path starts with '$', as in $.outputs[0].data[0]");
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          throw bad(text, i, "a name after '.'");
        }
        steps.add(text.substring(i + 1, end));
        i = end;
      } else if (c == '[' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
        int close = text.indexOf("']", i + 2);
        if (close < 0) {
          throw bad(text, i, "a closing '] for the quoted name");
        }
        steps.add(text.substring(i + 2, close));
        i = close + 2;
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        String n = close < 0 ? "" : text.substring(i + 1, close);
        if (!n.matches("\\d{1,9}")) {
          throw bad(text, i, "an index such as [0] or a quoted name such as ['a b']");
        }
        steps.add(Integer.parseInt(n));
        i = close + 1;
      } else {
        throw bad(text, i, "'.' or '['");
      }
    }
    return new JsonPath(text, List.copyOf(steps));
  }

  private static IllegalArgumentException bad(String text, int at, String wanted) {
    return new IllegalArgumentException("bad JSON path '" + text + "': expected " + wanted + " at character " + (at + 1));
  }

  /** Follows the steps from {@code root}; a step that does not fit says so. */
  public Lookup find(Object root) {
    Object v = root;
    StringBuilder at = new StringBuilder("$");
    for (Object step : steps) {
      if (step instanceof Integer idx) {
        if (!(v instanceof List<?> l) || idx >= l.size()) {
          return new Lookup(false, v, at.toString());
        }
        v = l.get(idx);
        at.append('[').append(idx).append(']');
      } else {
        String key = (String) step;
        if (!(v instanceof Map<?, ?> m) || !m.containsKey(key)) {
          return new Lookup(false, v, at.toString());
        }
        v = m.get(key);
        at.append(key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + key : "['" + key + "']");
      }
    }
    return new Lookup(true, v, at.toString());
  }
}

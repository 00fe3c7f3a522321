package dev.shellcamp.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A minimal JSON writer for our own files and --json output; reading goes through the YAML parser. */
public final class Json {
  private Json() {}

  public static String write(Object v) {
    StringBuilder b = new StringBuilder();
    write(v, b, "", true);
    return b.toString();
  }

  /** One line, for JSON-lines output. */
  public static String line(Object v) {
    StringBuilder b = new StringBuilder();
    write(v, b, "", false);
    return b.toString();
  }

  /**
   * A JSON object for {@link #write}, its keys in the order given: {@code object("id", 7, "name", n)}.
   * Unlike Map.of, it keeps that order and takes null values (written as null).
   */
  public static Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs, got " + keysAndValues.length);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** A JSON array for {@link #write}: each of {@code xs} as {@code f} makes it, in order. */
  public static <T> List<Object> array(List<T> xs, Function<T, Object> f) {
    List<Object> out = new ArrayList<>(xs.size());
    for (T x : xs) {
      out.add(f.apply(x));
    }
    return out;
  }

  private static void write(Object v, StringBuilder b, String indent, boolean pretty) {
    String nl = pretty ? "\n" : "";
    String in = pretty ? indent + "  " : "";
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(s, b);
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(first ? "" : ",").append(nl).append(in);
        first = false;
        string(String.valueOf(e.getKey()), b);
        b.append(pretty ? ": " : ":");
        write(e.getValue(), b, in, pretty);
      }
      b.append(first ? "" : nl + (pretty ? indent : "")).append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        b.append(i == 0 ? "" : pretty ? ", " : ",");
        write(l.get(i), b, indent, pretty);
      }
      b.append(']');
    } else {
      string(v.toString(), b);
    }
  }

  private static void string(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}

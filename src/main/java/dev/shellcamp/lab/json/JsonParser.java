package dev.shellcamp.lab.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser over UTF-8 bytes, so that errors can name the byte offset a client
 * sent. Objects become {@link LinkedHashMap}s, arrays {@link ArrayList}s, integers that fit a
 * long {@link Long}s, other numbers {@link Double}s, JSON null Java null. Stricter than the RFC's
 * minimum where a lenient reading would hide a client's bug: duplicate keys, lone surrogates,
 * invalid UTF-8, a byte order mark and numbers beyond a double's range are rejected too.
 */
public final class JsonParser {
  static final int MAX_DEPTH = 64;

  private final JsonCursor c;
  private int depth;

  private JsonParser(byte[] in) {
    this.c = new JsonCursor(in);
  }

  public static Object parse(String s) {
    return parse(s.getBytes(StandardCharsets.UTF_8));
  }

  public static Object parse(byte[] in) {
    if (in.length >= 3 && (in[0] & 0xff) == 0xEF && (in[1] & 0xff) == 0xBB && (in[2] & 0xff) == 0xBF) {
      throw new JsonException("byte order mark (BOM) is not allowed", 0);
    }
    JsonParser p = new JsonParser(in);
    p.c.skipWhitespace();
    if (p.c.atEnd()) {
      throw p.c.error("empty document");
    }
    Object v = p.value();
    p.c.skipWhitespace();
    if (!p.c.atEnd()) {
      throw p.c.error("unexpected " + p.c.describe() + " after the end of the JSON value");
    }
    return v;
  }

  /** How an error message names a parsed value: "a string", "the number 3", "null". */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof String s) {
      return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    } else if (v instanceof Number || v instanceof Boolean) {
      return (v instanceof Number ? "the number " : "") + v;
    }
    return v instanceof java.util.List ? "a list" : "an object";
  }

  private Object value() {
    return switch (c.peek()) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> JsonScalars.string(c);
      case 't' -> JsonScalars.literal(c, "true", Boolean.TRUE);
      case 'f' -> JsonScalars.literal(c, "false", Boolean.FALSE);
      case 'n' -> JsonScalars.literal(c, "null", null);
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> JsonScalars.number(c);
      case 'N', 'I' -> throw c.error("unexpected " + c.describe() + " (NaN and Infinity are not JSON numbers)");
      case '\'' -> throw c.error("unexpected ' (JSON strings need double quotes)");
      case '+' -> throw c.error("unexpected '+' (a JSON number cannot start with '+')");
      case '.' -> throw c.error("unexpected '.' (a JSON number needs a digit before the '.')");
      default -> throw c.error("expected a value, got " + c.describe());
    };
  }

  private Map<String, Object> object() {
    enter();
    Map<String, Object> m = new LinkedHashMap<>();
    if (c.peek() == '}') {
      return leave(m);
    }
    while (true) {
      if (c.peek() != '"') {
        throw c.error(c.peek() == '}' ? "trailing comma before '}'" : "expected a string key, got " + c.describe());
      }
      int keyAt = c.pos;
      String key = JsonScalars.string(c);
      c.skipWhitespace();
      c.expect(':', "after the key \"" + key + "\"");
      c.skipWhitespace();
      if (m.containsKey(key)) {
        // RFC 8259 leaves duplicates' meaning open; two readers may pick different values
        throw new JsonException("duplicate key \"" + key + "\"", keyAt);
      }
      m.put(key, value());
      c.skipWhitespace();
      if (c.peek() == '}') {
        return leave(m);
      }
      c.expect(',', "or '}' in an object");
      c.skipWhitespace();
    }
  }

  private List<Object> array() {
    enter();
    List<Object> l = new ArrayList<>();
    if (c.peek() == ']') {
      return leave(l);
    }
    while (true) {
      if (c.peek() == ']') {
        throw c.error("trailing comma before ']'");
      }
      l.add(value());
      c.skipWhitespace();
      if (c.peek() == ']') {
        return leave(l);
      }
      c.expect(',', "or ']' in an array");
      c.skipWhitespace();
    }
  }

  /** Steps over '{' or '['; the depth limit keeps a hostile body from exhausting the stack. */
  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw c.error("nesting deeper than " + MAX_DEPTH + " levels");
    }
    c.pos++;
    c.skipWhitespace();
  }

  private <T> T leave(T container) {
    c.pos++;
    depth--;
    return container;
  }
}

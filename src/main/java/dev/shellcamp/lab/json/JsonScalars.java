package dev.shellcamp.lab.json;

import java.nio.charset.StandardCharsets;

/** Reads JSON strings, numbers and literals at a cursor, strictly (see {@link JsonParser}). */
final class JsonScalars {
  private JsonScalars() {}

  static String string(JsonCursor c) {
    byte[] in = c.in;
    int start = c.pos;
    // fast path: plain ASCII without escapes, the usual case for keys and class names
    int i = start + 1;
    while (i < in.length && in[i] >= 0x20 && in[i] != '"' && in[i] != '\\') {
      i++;
    }
    if (i < in.length && in[i] == '"') {
      c.pos = i + 1;
      return new String(in, start + 1, i - start - 1, StandardCharsets.US_ASCII);
    }
    StringBuilder b = new StringBuilder();
    c.pos = start + 1;
    while (true) {
      int ch = c.peek();
      if (ch < 0) {
        throw c.error("unterminated string (it starts at byte " + start + ")");
      } else if (ch == '"') {
        c.pos++;
        return b.toString();
      } else if (ch == '\\') {
        escape(c, b);
      } else if (ch < 0x20) {
        throw c.error(String.format("control character 0x%02x in a string (write it as an escape, e.g. \\n)", ch));
      } else if (ch < 0x80) {
        b.append((char) ch);
        c.pos++;
      } else {
        b.appendCodePoint(utf8(c));
      }
    }
  }

  private static void escape(JsonCursor c, StringBuilder b) {
    int at = c.pos;
    c.pos++;
    int e = c.peek();
    c.pos++;
    switch (e) {
      case '"' -> b.append('"');
      case '\\' -> b.append('\\');
      case '/' -> b.append('/');
      case 'b' -> b.append('\b');
      case 'f' -> b.append('\f');
      case 'n' -> b.append('\n');
      case 'r' -> b.append('\r');
      case 't' -> b.append('\t');
      case 'u' -> b.appendCodePoint(unicodeEscape(c, at));
      case -1 -> throw new JsonException("unterminated escape at the end of input", at);
      default -> throw new JsonException("invalid escape \\" + (char) e + " in a string", at);
    }
  }

  /** After "\\u": four hex digits, and a low surrogate escape after a high one. */
  private static int unicodeEscape(JsonCursor c, int at) {
    int u = hex4(c, at);
    if (u >= 0xDC00 && u <= 0xDFFF) {
      throw new JsonException(String.format("lone low surrogate \\u%04X in a string", u), at);
    }
    if (u < 0xD800 || u > 0xDBFF) {
      return u;
    }
    int low = -1;
    if (c.peek() == '\\' && c.pos + 1 < c.in.length && c.in[c.pos + 1] == 'u') {
      c.pos += 2;
      low = hex4(c, c.pos - 2);
    }
    if (low < 0xDC00 || low > 0xDFFF) {
      throw new JsonException(String.format("high surrogate \\u%04X is not followed by a low surrogate"
          + " (\\uDC00-\\uDFFF)", u), at);
    }
    return Character.toCodePoint((char) u, (char) low);
  }

  private static int hex4(JsonCursor c, int at) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(c.peek(), 16);
      if (c.peek() < 0 || d < 0) {
        throw new JsonException("\\u must be followed by 4 hex digits", at);
      }
      v = v * 16 + d;
      c.pos++;
    }
    return v;
  }

  /** One UTF-8 sequence, rejecting overlong forms, surrogates and code points past U+10FFFF. */
  private static int utf8(JsonCursor c) {
    int at = c.pos;
    int b0 = c.peek();
    int n;
    int min;
    int cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      n = 1;
      min = 0x80;
      cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      n = 2;
      min = 0x800;
      cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      n = 3;
      min = 0x10000;
      cp = b0 & 0x07;
    } else {
      throw new JsonException(String.format("invalid UTF-8 byte 0x%02x", b0), at);
    }
    for (int i = 1; i <= n; i++) {
      int b = at + i < c.in.length ? c.in[at + i] & 0xff : -1;
      if ((b & 0xC0) != 0x80 || b < 0) {
        throw new JsonException("invalid UTF-8 sequence", at);
      }
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw new JsonException("invalid UTF-8 sequence", at);
    }
    c.pos = at + n + 1;
    return cp;
  }

  static Object number(JsonCursor c) {
    int start = c.pos;
    boolean integral = true;
    if (c.peek() == '-') {
      c.pos++;
      if (c.peek() == 'I') {
        throw c.error("unexpected 'I' (NaN and Infinity are not JSON numbers)");
      }
    }
    if (c.peek() == '0') {
      c.pos++;
      if (isDigit(c.peek())) {
        throw new JsonException("leading zero in a number", start);
      }
    } else {
      digits(c, "after '-'");
    }
    if (c.peek() == '.') {
      c.pos++;
      integral = false;
      digits(c, "after '.'");
    }
    if (c.peek() == 'e' || c.peek() == 'E') {
      c.pos++;
      integral = false;
      if (c.peek() == '+' || c.peek() == '-') {
        c.pos++;
      }
      digits(c, "in the exponent");
    }
    String text = new String(c.in, start, c.pos - start, StandardCharsets.US_ASCII);
    if (integral && text.length() <= 18) {
      return Long.parseLong(text);
    }
    double d = Double.parseDouble(text);
    if (Double.isInfinite(d)) {
      throw new JsonException("number " + text + " is out of range", start);
    }
    return d;
  }

  private static void digits(JsonCursor c, String where) {
    if (!isDigit(c.peek())) {
      throw c.error("expected a digit " + where + ", got " + c.describe());
    }
    while (isDigit(c.peek())) {
      c.pos++;
    }
  }

  private static boolean isDigit(int ch) {
    return ch >= '0' && ch <= '9';
  }

  static Object literal(JsonCursor c, String word, Object v) {
    for (int i = 0; i < word.length(); i++) {
      if (c.pos + i >= c.in.length || c.in[c.pos + i] != word.charAt(i)) {
        throw c.error("invalid literal (expected " + word + ")");
      }
    }
    c.pos += word.length();
    return v;
  }
}

package dev.shellcamp.lab.json;

/** A position in a UTF-8 JSON document, shared by the structural parser and the scalar readers. */
final class JsonCursor {
  final byte[] in;
  int pos;

  JsonCursor(byte[] in) {
    this.in = in;
  }

  /** The byte at the cursor, 0-255, or -1 at the end of input. */
  int peek() {
    return pos < in.length ? in[pos] & 0xff : -1;
  }

  boolean atEnd() {
    return pos >= in.length;
  }

  void skipWhitespace() {
    while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
      pos++;
    }
  }

  void expect(char c, String where) {
    if (peek() != c) {
      throw error("expected '" + c + "' " + where + ", got " + describe());
    }
    pos++;
  }

  /** The byte at the cursor as a reader would name it in an error message. */
  String describe() {
    int c = peek();
    if (c < 0) {
      return "end of input";
    }
    return c > 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
  }

  JsonException error(String problem) {
    return new JsonException(problem, pos);
  }
}
